"""Issue 17 in the window: a write-protected medium opens read-only (item 9); figures an older version let
in (NaN, 1e30) no longer break the 数据指标 and 检查 tabs (item 11)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from fazhi_desktop.core.model import Report
from fazhi_desktop.storage.database import open_database
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.storage.session import READ_ONLY_PLACE
from fazhi_desktop.ui.window.launcher import build_window, open_or_recover
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.reliability import disks

SHOTS = Path(os.environ.get("FAZHI_SCREENSHOT_DIR") or Path(__file__).resolve().parents[2] / "build" / "screenshots")


@pytest.fixture
def cd_window(qtbot, tmp_path: Path, demo_report: Report) -> Iterator[MainWindow]:
    with disks.tmpfs(tmp_path / "cd", 1024) as mount:
        db = mount / "fazhi.db"
        store = ReportStore(open_database(db))
        store.create_report(replace(demo_report, unit=store.save_unit(demo_report.unit)))
        store.db.close()
        disks.remount(mount, "ro")
        try:
            session = open_or_recover(db)  # no question asked: nothing but viewing is possible there
            assert session is not None and session.read_only and session.why_read_only == READ_ONLY_PLACE
            window = build_window(session.store, db, demo=True, read_only=True, why_read_only=session.why_read_only)
            qtbot.addWidget(window)
            window.resize(1024, 768)
            window.show()
            yield window
            window.close()
            session.close()
            assert sorted(p.name for p in mount.iterdir()) == ["fazhi.db"]  # no lock file, no -shm, no settings
        finally:
            disks.remount(mount, "rw")


def test_a_write_protected_medium_opens_read_only(cd_window: MainWindow) -> None:
    assert cd_window.windowTitle().endswith("（只读）")
    banners = [w.text() for w in cd_window.statusBar().findChildren(QLabel)]
    assert any("所在的位置不可写" in text for text in banners), banners
    assert cd_window.save_label.text() == "只读"
    SHOTS.mkdir(parents=True, exist_ok=True)
    cd_window.grab().save(str(SHOTS / "read_only_medium.png"))


def test_figures_an_older_version_let_in_do_not_break_the_tabs(demo_window: MainWindow, store: ReportStore,
                                                               stored_demo: Report, db_path: Path) -> None:
    assert stored_demo.id is not None
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE indicator_values SET value = 'NaN', state = 'value' WHERE key = 'disputes_accepted'")
    conn.execute("UPDATE indicator_values SET value = '1e30', state = 'value' WHERE key = 'disputes_mediated'")
    conn.commit()
    conn.close()
    demo_window.open_report(stored_demo.id)
    demo_window.view.setCurrentWidget(demo_window.view.indicators)
    demo_window.view.setCurrentWidget(demo_window.view.checks)
    assert demo_window.view.checks.summary.text()  # the checks ran and said something
