"""The board's figures (pages, characters, findings) stay current without anyone waiting for them: the 汇总
view opens at once and fills in what is out of date in the background; a report edited in the window has
its figures worked out again by the window; so ``county status`` — read-only, it caches nothing — run
beside the window, or on a copy of the file, finds them all current."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from fazhi_desktop.county import board
from fazhi_desktop.county.board import cached_or_pending
from fazhi_desktop.storage.county import CountyStore
from fazhi_desktop.storage.database import open_reader
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.county.status_table import PENDING
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.county.fixture import ROSTER, YEAR
from tests.county.windows import open_window, shot
from tests.helpers import run_cli as run

STALE_PHRASE = "深入学习贯彻党的十九大精神。"


def _stale(db: Path) -> None:
    """Every cached figure out of date, as after a program upgrade (the fingerprint holds the version)."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE report_metrics SET fingerprint = 'an older version'")
    conn.close()


def _pending(db: Path) -> list[int]:
    """The reports of the year whose cached figures are not current, as a reader of the file sees them."""
    reader = open_reader(db)
    try:
        county = CountyStore(ReportStore(reader))
        return [p.report_id for p in cached_or_pending(county, list(county.report_ids(YEAR).values()))[1]]
    finally:
        reader.close()


@pytest.fixture
def window(qtbot, county_db: str, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """A window on the county file, every figure of the year cached (县司法局's was out of date: a figure
    was stored after collecting, see conftest)."""
    assert _pending(Path(county_db)) != []
    win = open_window(qtbot, Path(county_db), tmp_path)
    board.report_metrics(CountyStore(win.store), list(CountyStore(win.store).report_ids(YEAR).values()))
    assert _pending(Path(county_db)) == []
    yield win
    win.close()
    win.store.db.close()


def _nothing_computed(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_pending: board.Pending) -> None:
        raise AssertionError("a figure was worked out again")

    monkeypatch.setattr(board, "compute", refuse)


def test_the_board_opens_at_once_and_fills_in_what_is_out_of_date(qtbot, county_db: str,  # type: ignore[no-untyped-def]
                                                                 tmp_path: Path) -> None:
    _stale(Path(county_db))
    win = open_window(qtbot, Path(county_db), tmp_path)
    try:
        win.county.act_show.trigger()
        view = win.county.view
        table = view.table
        assert [table.item(r, 0).text() for r in range(table.rowCount())] == ROSTER
        shown = [table.item(r, 4).text() for r in range(table.rowCount())]
        assert shown.count(PENDING) == 27 and shown.count("") == 3  # 27 reports; 3 units sent nothing
        assert table.item(0, 2).text() == "2月27日收到，按时（共2个文件）"  # the rest is there at once
        shot(win, "county_board_filling")
        qtbot.waitUntil(lambda: not win.county.figures.board.busy, timeout=60_000)
        shown = {table.item(r, 0).text(): [table.item(r, c).text() for c in range(4, 11)]
                 for r in range(table.rowCount())}
        assert PENDING not in {t for texts in shown.values() for t in texts}
        assert shown["白马镇"][:2] == ["6", "2491"] and shown["石桥镇"][2] == "2" and shown["太平镇"][0] == ""
        assert shown["青龙乡"][5] == "十九大精神"
    finally:
        win.close()
        win.store.db.close()
    assert _pending(Path(county_db)) == []  # and cached for the next time, and for county status


def test_a_report_edited_in_the_window_has_its_figures_worked_out_again(
        qtbot, window: MainWindow, county_db: str, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
        capsys: pytest.CaptureFixture[str]) -> None:
    county = CountyStore(window.store)
    unit = window.store.find_unit("千佛镇")
    assert unit is not None and unit.id is not None
    report_id = county.report_ids(YEAR)[unit.id]
    window.county.figures.idle.setInterval(50)  # (3 s in use)
    window.open_report(report_id)
    opening = window.view.info.report_editors["opening"].text
    opening.setPlainText(opening.toPlainText() + STALE_PHRASE)
    window.autosaver.flush()
    assert _pending(Path(county_db)) == [report_id]  # saved; its figures not yet
    figures = window.county.figures
    assert figures.dirty == {report_id}
    qtbot.waitUntil(lambda: not figures.dirty and not figures.edits.busy, timeout=30_000)  # 50 ms idle, then
    assert _pending(Path(county_db)) == []
    # county status beside the open window: read-only, it finds every figure current and works none out
    _nothing_computed(monkeypatch)
    code, out, err = run(capsys, "--db", county_db, "county", "status", "--year", "2025", "--json")
    assert code == 0, err
    line = next(u for u in json.loads(out)["units"] if u["unit"] == "千佛镇")
    assert line["stale_phrases"] == ["十九大精神"]


def test_closing_the_window_right_after_an_edit_leaves_the_figures_current(
        window: MainWindow, county_db: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    unit = window.store.find_unit("县司法局")
    assert unit is not None and unit.id is not None
    report_id = CountyStore(window.store).report_ids(YEAR)[unit.id]
    window.open_report(report_id)
    opening = window.view.info.report_editors["opening"].text
    opening.setPlainText(opening.toPlainText() + STALE_PHRASE)  # not even saved yet
    window.close()
    assert _pending(Path(county_db)) == []
    _nothing_computed(monkeypatch)
    copy = Path(county_db).parent / "拷到另一台电脑" / "县.db"  # the figures travel inside the file
    copy.parent.mkdir()
    shutil.copy(county_db, copy)
    code, out, err = run(capsys, "--db", str(copy), "county", "status", "--year", "2025", "--json")
    assert code == 0, err
    line = next(u for u in json.loads(out)["units"] if u["unit"] == "县司法局")
    assert line["stale_phrases"] == ["十九大精神"]


def test_a_township_file_is_left_alone(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Without a roster nothing is worked out for a board no one looks at (a township's own file)."""
    from fazhi_desktop.cli import main

    db = tmp_path / "镇.db"
    assert main(["--db", str(db), "new", "--unit", "千佛镇", "--year", "2025"]) == 0
    win = open_window(qtbot, db, tmp_path)
    try:
        report = win.store.list_reports()[0]
        win.open_report(report.id)
        opening = win.view.info.report_editors["opening"].text
        opening.setPlainText("本镇坚持依法行政。")
        win.autosaver.flush()
        assert win.county.figures.dirty == {report.id}
        win.county.figures.refresh_edited()
        assert win.county.figures._edits is None  # no worker was even made
    finally:
        win.close()
        win.store.db.close()
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM report_metrics").fetchone() == (0,)
    conn.close()


def test_recording_the_publication_keeps_the_figures(county_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The figures do not depend on a report's status: 已报送 and 已公开 leave them current."""
    assert run(capsys, "--db", county_db, "county", "status", "--year", "2025")[0] == 0
    before = _pending(Path(county_db))  # (read-only: it cached nothing)
    assert len(before) == 1  # 县司法局, given a figure after collecting (conftest)
    assert run(capsys, "--db", county_db, "county", "published", "千佛镇", "--year", "2025", "--on",
               "2026-03-20")[0] == 0
    assert _pending(Path(county_db)) == before


def test_after_an_upgrade_the_window_works_the_latest_year_out_by_itself(qtbot, county_db: str,  # type: ignore[no-untyped-def]
                                                                       tmp_path: Path) -> None:
    """Every cached figure out of date (a new version checks differently): opening the window is enough —
    a while after it opens, the latest year's figures are worked out in the background, once per version."""
    from fazhi_desktop import __version__

    _stale(Path(county_db))
    assert len(_pending(Path(county_db))) == 27
    win = open_window(qtbot, Path(county_db), tmp_path)
    try:
        figures = win.county.figures
        assert figures.warm_after_upgrade()  # (the window calls it 8 s after opening)
        qtbot.waitUntil(lambda: not figures.edits.busy, timeout=60_000)
        assert CountyStore(win.store).figures_version() == __version__
        assert not figures.warm_after_upgrade()  # once per version
    finally:
        win.close()
        win.store.db.close()
    assert _pending(Path(county_db)) == []
