"""收取报告 in the window: the window keeps working while a folder is read (a 请稍候 dialog names the file),
取消 stops between files with nothing half-imported, and one of a unit's several versions is picked by hand."""

from __future__ import annotations

import hashlib
import itertools
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QPushButton

from fazhi_desktop.county import arrival
from fazhi_desktop.county.collect import Outcome
from fazhi_desktop.storage.county import CountyStore
from fazhi_desktop.ui.county import collect_progress
from fazhi_desktop.ui.county.collect_dialog import CollectDialog
from fazhi_desktop.ui.county.collect_progress import CollectProgress
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.county.conftest import Folder
from tests.county.fixture import ROSTER, YEAR, unit
from tests.county.windows import open_window, shot

GOOD = ["千佛镇2025年度法治政府建设情况报告.fzbg", "石桥镇2025年度法治政府建设情况报告.docx",
        "南河街道2025年度法治政府建设情况报告.txt", "三汇镇2025年度法治政府建设情况报告.fzbg",
        "清溪镇2025年度法治政府建设情况报告.txt", "县教育局2025年度法治政府建设情况报告.fzbg"]
VERSIONS = ["和平乡报告.docx", "和平乡报告（定稿）.docx"]


@dataclass
class Desk:
    window: MainWindow
    dialog: CollectDialog
    folder: Path

    @property
    def county(self) -> CountyStore:
        return CountyStore(self.window.store)


@pytest.fixture
def desk(qtbot, county_files: Folder, tmp_path: Path) -> Iterator[Desk]:  # type: ignore[no-untyped-def]
    """A window on a county file with the roster only, its collect dialog, and a folder of received files."""
    folder = tmp_path / "U盘" / "收到的报告"
    folder.mkdir(parents=True)
    for name in [*GOOD, *VERSIONS, "损坏的报告.docx"]:
        shutil.copy(county_files.first / name, folder / name)
    window = open_window(qtbot, tmp_path / "县.db", tmp_path)
    CountyStore(window.store).add_to_roster([unit(n) for n in ROSTER])
    window.county.act_show.trigger()
    window.county.view.set_years([YEAR], YEAR)
    dialog = CollectDialog(YEAR, ROSTER, window.county.run_collect, window.county.run_assign, window)
    qtbot.addWidget(dialog)
    dialog.received.setDate(dialog.received.date().fromString("2026-02-27", "yyyy-MM-dd"))
    dialog.show()
    yield Desk(window, dialog, folder)
    dialog.close()
    window.close()
    window.store.db.close()


def _slow_reading(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """Every file takes ``seconds`` more to read, as from a slow U盘."""
    real = arrival.read_arrival

    def slow(path: Path) -> arrival.Arrival | arrival.Unreadable:
        time.sleep(seconds)
        return real(path)

    monkeypatch.setattr(arrival, "read_arrival", slow)
    monkeypatch.setattr(collect_progress, "SHOW_AFTER_SECONDS", 0.05)


def _watch_progress(labels: list[str], cancel_at: str = "") -> QTimer:
    """Record the 请稍候 dialog's labels (and press its 取消 like a user once a label starts with ``cancel_at``)."""
    timer = QTimer()

    def poll() -> None:
        from PySide6.QtWidgets import QApplication

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, CollectProgress) and widget.isVisible():
                text = widget.labelText()
                if not labels or labels[-1] != text:
                    labels.append(text)
                if cancel_at and text.startswith(cancel_at):
                    button = widget.findChild(QPushButton)
                    assert button is not None and button.text() == "取消"
                    button.click()
                    timer.stop()

    timer.timeout.connect(poll)
    timer.start(10)
    return timer


def _snapshot(folder: Path) -> dict[str, tuple[int, int, str]]:
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.iterdir())}


def test_the_window_keeps_working_while_a_slow_folder_is_collected(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    _slow_reading(monkeypatch, 0.35)
    before = _snapshot(desk.folder)
    desk.folder.chmod(0o555)  # a write-protected U盘 (root may write anyway: the snapshot proves nothing was)
    ticks: list[float] = []
    clock = QTimer()
    clock.timeout.connect(lambda: ticks.append(time.monotonic()))
    clock.start(10)
    labels: list[str] = []
    watcher = _watch_progress(labels)
    started = time.monotonic()
    result = desk.dialog.run([desk.folder])
    elapsed = time.monotonic() - started
    clock.stop()
    watcher.stop()
    desk.folder.chmod(0o755)
    assert result is not None and elapsed > 9 * 0.35
    # the GUI thread ran its timers all along: never held up by a file (each takes 0.35 s to read)
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 9 * 5 and max(gaps) < 0.3, (len(ticks), max(gaps))
    reading = [text for text in labels if text.startswith("正在读取")]
    assert reading[0].startswith("正在读取第1个文件（共9个）：") and len(reading) >= 6
    assert any("县教育局2025年度法治政府建设情况报告.fzbg" in text for text in reading)
    assert any(text.startswith("正在导入第") and "个单位（共7个）：" in text for text in labels)
    outcomes = {o.path.name: o.outcome for o in result.outcomes}
    assert [outcomes[n] for n in GOOD] == [Outcome.IMPORTED] * 6
    assert [outcomes[n] for n in VERSIONS] == [Outcome.CONFLICT] * 2
    assert outcomes["损坏的报告.docx"] is Outcome.REFUSED
    assert desk.dialog.summary.text() == "共9个文件：导入6个，未导入3个。未导入的文件可选中后指定单位导入。"
    assert _snapshot(desk.folder) == before  # nothing written on the U盘
    assert len(desk.county.report_ids(YEAR)) == 6


def test_cancel_while_reading_imports_nothing(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    _slow_reading(monkeypatch, 0.15)
    labels: list[str] = []
    watcher = _watch_progress(labels, cancel_at="正在读取第4个文件")
    result = desk.dialog.run([desk.folder])
    watcher.stop()
    assert result is not None
    assert [o.outcome for o in result.outcomes].count(Outcome.CANCELLED) >= 5
    assert all(o.outcome in (Outcome.CANCELLED, Outcome.REFUSED) for o in result.outcomes)
    assert desk.county.report_ids(YEAR) == {} and desk.county.submissions(YEAR) == {}
    assert desk.dialog.summary.text().startswith("已取消收取。共9个文件：导入0个")
    rows = {desk.dialog.table.item(r, 0).text(): desk.dialog.table.item(r, 1).text()
            for r in range(desk.dialog.table.rowCount())}
    assert len(rows) == 9 and rows["县教育局2025年度法治政府建设情况报告.fzbg"] == "已取消"
    again = desk.dialog.run([desk.folder])  # collecting again takes everything
    assert again is not None and again.count(Outcome.IMPORTED) == 6


def test_cancel_while_importing_keeps_what_was_imported(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    real = CountyStore.store_received

    def slow(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.2)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(CountyStore, "store_received", slow)
    monkeypatch.setattr(collect_progress, "SHOW_AFTER_SECONDS", 0.05)
    labels: list[str] = []
    watcher = _watch_progress(labels, cancel_at="正在导入第3个单位")
    result = desk.dialog.run([desk.folder])
    watcher.stop()
    assert result is not None
    imported = [o for o in result.outcomes if o.outcome is Outcome.IMPORTED]
    cancelled = [o for o in result.outcomes if o.outcome is Outcome.CANCELLED]
    assert 2 <= len(imported) <= 4 and len(imported) + len(cancelled) == 8  # 6 units, two of them one file each
    assert all(o.reason == "收取已取消，这个文件没有导入" for o in cancelled)
    county = desk.county
    subs = county.submissions(YEAR)
    stored = {county.store.load_report(r).unit.short_name for r in county.report_ids(YEAR).values()}
    assert stored == {o.unit for o in imported}  # exactly what the list says, each with its file and date
    assert all(len(subs[county.store.find_unit(name).id]) >= 1 for name in stored)  # type: ignore[union-attr]
    assert desk.dialog.summary.text().startswith(f"已取消收取。共9个文件：导入{len(imported)}个")


def test_one_of_two_versions_is_picked_then_switched(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = desk.dialog
    result = dialog.run([desk.folder])
    assert result is not None
    rows = {dialog.table.item(r, 0).text(): r for r in range(dialog.table.rowCount())}
    draft, final = rows[VERSIONS[0]], rows[VERSIONS[1]]
    assert dialog.table.item(draft, 3).text().startswith(
        "和平乡本次有2个不同的文件（和平乡报告.docx、和平乡报告（定稿）.docx），请选定一个导入；此文件")
    opened: list[QUrl] = []
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: opened.append(url) or True)
    dialog.table.selectRow(final)
    assert dialog.open_selected() and opened[0].toLocalFile() == str(desk.folder / VERSIONS[1])
    assert dialog.assign.text() == "选用这个版本" and dialog.unit.currentText() == "和平乡"
    assert not dialog.replace.isChecked()
    assert dialog.assign_selected() is not None
    texts = [[dialog.table.item(r, c).text() for c in range(4)] for r in (draft, final)]
    assert texts[1][1:3] == ["已导入", "和平乡"] and texts[1][3].startswith("已选用这个版本")
    assert texts[0][1:] == ["未选用", "和平乡",
                            "已选用“和平乡报告（定稿）.docx”；要改用这个版本，选中后点“改用这个版本”"]
    shot(dialog, "county_collect_versions", None)
    county = desk.county
    hp = county.store.find_unit("和平乡")
    assert hp is not None and hp.id is not None
    assert [s.file_name for s in county.submissions(YEAR)[hp.id]] == [VERSIONS[1]]
    dialog.table.selectRow(draft)  # the clerk changes their mind
    assert dialog.assign.text() == "改用这个版本（替换已选用的）" and dialog.replace.isChecked()
    assert dialog.assign_selected() is not None
    assert [dialog.table.item(r, 1).text() for r in (draft, final)] == ["已导入", "未选用"]
    backups = list((desk.window.db_path.parent / "backups").glob("*-收取替换前.db"))
    assert len(backups) == 1  # replaced only after a backup
    report_id = county.report_ids(YEAR)[hp.id]
    assert [s.file_name for s in county.submissions(YEAR)[hp.id] if s.report_id == report_id] == [VERSIONS[0]]


def test_a_unit_that_has_a_report_asks_for_replace_in_the_window_words(desk: Desk,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = desk.dialog
    assert dialog.run([desk.folder / GOOD[1]]) is not None  # 石桥镇
    copy = desk.folder.parent / "石桥镇（再次报送）.docx"
    from tests.county.fixture import report_for, write_docx

    write_docx(report_for("石桥镇", missing=True), copy)
    assert dialog.run([copy]) is not None and dialog.outcomes[0].outcome is Outcome.EXISTS
    warned: list[str] = []
    monkeypatch.setattr("fazhi_desktop.ui.common.dialogs.Dialogs.warn", lambda _p, _t, text: warned.append(text))
    dialog.table.selectRow(0)
    assert dialog.replace.isChecked()  # offered, since the clerk picked this file
    dialog.replace.setChecked(False)
    done = dialog.assign_selected()
    assert done is not None and done.outcome is Outcome.EXISTS
    assert warned == ["已有石桥镇2025年度的报告（2月27日收到“石桥镇2025年度法治政府建设情况报告.docx”），未覆盖。\n\n"
                      "要用这个文件替换它，请勾选“替换该单位已有的报告”后再导入（替换前自动备份数据文件）。"]
    assert "--replace" not in warned[0]
