"""Window-level behaviour: title, geometry in the INI file, 字号, 关于 with backup, deleting the open report."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication

from fazhi_desktop.core.model import Report
from fazhi_desktop.storage.database import open_database
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.window.main_window import MainWindow
from fazhi_desktop.ui.window.ui_settings import SETTINGS_FILE, open_settings
from tests.ui.ime import ime_type


def test_window_title_shows_unit_year_and_status(demo_window: MainWindow) -> None:
    assert demo_window.windowTitle() == "示例镇 2025年度 · 定稿 — 法治政府建设年度报告助手"


def test_geometry_is_kept_in_the_ini_file_of_the_data_folder(qtbot, store: ReportStore, db_path: Path,
                                                            tmp_path: Path) -> None:
    folder = tmp_path / "data-folder"
    first = MainWindow(store, open_settings(folder), db_path)
    qtbot.addWidget(first)
    first.resize(640, 480)
    first.close()
    assert "geometry" in (folder / SETTINGS_FILE).read_text(encoding="utf-8")
    second = MainWindow(store, open_settings(folder), db_path)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (640, 480)
    second.close()


def test_font_size_setting_scales_the_ui_and_is_remembered(demo_window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    base = app.font().pointSizeF()
    try:
        demo_window.font_actions["大"].trigger()
        assert app.font().pointSizeF() == pytest.approx(base * 1.4)
        assert demo_window.settings.value("ui/font_size") == "大"
    finally:
        demo_window.font_actions["小"].trigger()
    assert app.font().pointSizeF() == pytest.approx(base)


def test_about_shows_the_data_folder_and_backs_up(monkeypatch: pytest.MonkeyPatch, demo_window: MainWindow,
                                                  tmp_path: Path, stored_demo: Report) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(Dialogs, "ask_directory", lambda *_: tmp_path / "usb")
    monkeypatch.setattr(Dialogs, "inform", lambda *_: None)
    (tmp_path / "usb").mkdir()
    dialog = demo_window.show_about()
    dialog.open_dir.click()
    assert opened and Path(opened[0].toLocalFile()) == demo_window.db_path.parent
    dialog.backup.click()
    copies = list((tmp_path / "usb").glob("法治报告数据备份_*.db"))
    assert len(copies) == 1
    copy = ReportStore(open_database(copies[0], journal="delete"))
    assert [s.title for s in copy.list_reports()] == ["示例镇2025年度法治政府建设情况报告"]
    copy.db.close()
    dialog.close()


def test_deleting_the_open_report_empties_the_tabs(monkeypatch: pytest.MonkeyPatch, demo_window: MainWindow,
                                                   stored_demo: Report) -> None:
    monkeypatch.setattr(Dialogs, "confirm", lambda *_: True)
    assert stored_demo.id is not None
    demo_window.delete_report(stored_demo.id)
    assert demo_window.view.report_id is None
    assert demo_window.view.chapter_editors() == []
    assert not demo_window.act_move_left.isEnabled()
    assert demo_window.undo_stack.count() == 0


def test_text_undo_never_reaches_into_another_block(demo_window: MainWindow) -> None:
    editor = demo_window.view.chapter_editors()[0]
    demo_window.view.setCurrentWidget(editor)
    editor.tree.select_index(0)  # a section with an empty body
    ime_type(editor.block_editor.body, "第一条的字")
    editor.tree.select_index(4)  # another section whose body is empty too
    assert editor.block_editor.body.toPlainText() == ""
    assert not editor.block_editor.body.document().isUndoAvailable()


def test_export_diagnostics_leaves_the_data_out_unless_asked(monkeypatch: pytest.MonkeyPatch,
                                                             window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "诊断.zip"
    monkeypatch.setattr(Dialogs, "ask_save_file", lambda *_: target)
    monkeypatch.setattr(Dialogs, "ask_yes_no", lambda *_: False)
    monkeypatch.setattr(Dialogs, "inform", lambda *_: None)
    # found among the window's actions (QAction.menu() wrappers are short-lived under PySide6 6.9)
    action = next(a for a in window.findChildren(QAction) if a.text() == "导出诊断信息…")
    action.trigger()
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
    assert "versions.txt" in names and not any(n.startswith("data/") for n in names)
