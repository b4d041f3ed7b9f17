"""The fixture county, built once per session: the received files, and a data file they were collected into."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from fazhi_desktop.cli import main
from fazhi_desktop.core.indicators import IndicatorValue, ValueState
from fazhi_desktop.storage.session import open_session
from tests.county.fixture import INVALID_FIGURE, LATE, ON_TIME, YEAR, Sent, build_batches, roster_text


@dataclass(frozen=True)
class Folder:
    first: Path
    second: Path
    sent_first: list[Sent]
    sent_second: list[Sent]
    roster: Path


@pytest.fixture(scope="session")
def county_files(tmp_path_factory: pytest.TempPathFactory) -> Folder:
    root = tmp_path_factory.mktemp("county")
    first, second, sent1, sent2 = build_batches(root / "收到")
    roster = root / "名单.txt"
    roster.write_text(roster_text(), encoding="utf-8")
    return Folder(first, second, sent1, sent2, roster)


@pytest.fixture(scope="session")
def collected_db(county_files: Folder, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data file with the roster and both batches collected (2月27日 on time, 3月9日 late)."""
    db = tmp_path_factory.mktemp("collected") / "县.db"
    assert main(["--db", str(db), "county", "roster", str(county_files.roster), "--county", "安平县"]) == 0
    assert main(["--db", str(db), "county", "collect", str(county_files.first), "--year", str(YEAR),
                 "--received", ON_TIME.isoformat()]) == 1
    assert main(["--db", str(db), "county", "collect", str(county_files.second), "--year", str(YEAR),
                 "--received", LATE.isoformat()]) == 0
    _store_invalid_figure(db)
    return db


def _store_invalid_figure(db: Path) -> None:
    """An unvalidated figure in one unit's report, as a data file from before validation may hold."""
    session = open_session(db, daily_backup=False)
    try:
        report_id = session.store.find_report_id(INVALID_FIGURE, YEAR)
        assert report_id is not None
        session.store.set_indicator_value(
            report_id, IndicatorValue("legal_aid_cases", Decimal("2.5"), ValueState.VALUE))
    finally:
        session.close(backup=False)


@pytest.fixture
def county_db(collected_db: Path, tmp_path: Path) -> Iterator[str]:
    """A fresh copy of the collected data file for one test."""
    target = tmp_path / "县.db"
    shutil.copy(collected_db, target)
    yield str(target)
