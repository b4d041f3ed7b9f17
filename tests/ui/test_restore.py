"""从备份恢复 in the window: pick a backup, confirm, the report list shows the restored data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fazhi_desktop.core.model import Report
from fazhi_desktop.storage import backups
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.datafile.restore_dialog import RestoreDialog
from fazhi_desktop.ui.window.main_window import MainWindow


def test_restore_brings_back_a_deleted_report(window: MainWindow, store: ReportStore, stored_demo: Report,
                                              db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    made = backups.make_backup(store.db, db_path, "手动")
    assert stored_demo.id is not None
    store.delete_report(stored_demo.id)
    window.show_chooser()
    monkeypatch.setattr(RestoreDialog, "ask", classmethod(lambda cls, folder, parent=None: made))
    monkeypatch.setattr(Dialogs, "confirm", staticmethod(lambda *a: True))
    informed: list[str] = []
    monkeypatch.setattr(Dialogs, "inform", staticmethod(lambda parent, title, text: informed.append(text)))
    window.restore_backup()
    assert [s.unit for s in store.list_reports()] == ["示例镇"]
    assert "恢复前的数据另存为" in informed[0]
    assert window.pages.currentWidget() is window.chooser


def test_dialog_lists_backups_and_refuses_damaged_ones(qtbot: QtBot, store: ReportStore, stored_demo: Report,
                                                      db_path: Path) -> None:
    good = backups.make_backup(store.db, db_path, "启动", now=dt.datetime(2026, 1, 1, 8))
    bad = good.with_name("fazhi-20260102-080000-退出.db")
    bad.write_bytes(b"broken" * 100)
    dialog = RestoreDialog(backups.list_backups(good.parent))
    qtbot.addWidget(dialog)
    rows = [[dialog.list.topLevelItem(i).text(c) for c in range(3)]  # type: ignore[union-attr]
            for i in range(dialog.list.topLevelItemCount())]
    assert rows == [["2026-01-02 08:00:00", "退出", "已损坏，不能恢复"], ["2026-01-01 08:00:00", "启动", "1 份报告"]]
    assert dialog.chosen() == good  # the newest good one is preselected
    assert dialog.buttons.buttons()[0].text() in ("确定", "取消")
