"""Issue 18, the small things and 查找和替换: each reproduced as the clerk met it, then the fixed behaviour."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QTreeView

from fazhi_desktop.core.indicators import load_catalog, parse_values
from fazhi_desktop.core.model import Report
from fazhi_desktop.export import ExportError
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.common.file_dialog import file_dialog
from fazhi_desktop.ui.data.figure_picker import FigurePicker, figure_entries
from fazhi_desktop.ui.edit.find_actions import FindController, show_find_dialog
from fazhi_desktop.ui.exporting import export_actions
from fazhi_desktop.ui.exporting.export_dialog import ExportDialog, ExportRequest
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.ui.ime import ime_type
from tests.ui.window_keys import CTRL


def _active(qtbot, window: MainWindow) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)


# ---- 6. 插入数据 opens with 筛选 focused -------------------------------------------------------------------
def test_figure_picker_types_into_the_filter(qtbot, demo_window: MainWindow, store: ReportStore) -> None:
    report_id = demo_window.view.report_id or 0
    store.set_indicator_values(report_id, parse_values(load_catalog(), {"disputes_accepted": "186",
                                                                        "disputes_resolved": "180"}))
    demo_window.open_report(report_id)
    table = demo_window.view.indicators
    assert table.catalog is not None
    _active(qtbot, demo_window)
    picker = FigurePicker(figure_entries(table.catalog, table.values), demo_window)
    qtbot.addWidget(picker)
    picker.show()
    picker.activateWindow()
    qtbot.waitActive(picker)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is picker.filter)
    qtbot.keyClicks(picker.filter, "x")  # typing goes into 筛选 ...
    assert picker.filter.text() == "x"
    picker.filter.clear()
    ime_type(picker.filter, "调解")
    assert picker.chosen() is not None and "调解" in picker.chosen().label + picker.chosen().group  # type: ignore[union-attr]
    first = picker.chosen()
    qtbot.keyClick(picker.filter, Qt.Key.Key_Down)  # ... ↓ moves the choice, the keys stay in 筛选
    assert QApplication.focusWidget() is picker.filter and picker.chosen() not in (None, first)
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)  # Enter inserts the chosen figure
    assert picker.result() == FigurePicker.DialogCode.Accepted


# ---- 7. Ctrl+PgDown / Ctrl+PgUp switch tabs -------------------------------------------------------------
def test_ctrl_page_down_and_up_switch_tabs_even_in_a_text_field(qtbot, demo_window: MainWindow) -> None:
    _active(qtbot, demo_window)
    view = demo_window.view
    view.setCurrentIndex(1)
    editor = view.current_editor()
    assert editor is not None
    editor.block_editor.body.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.block_editor.body)
    qtbot.keyClick(editor.block_editor.body, Qt.Key.Key_PageDown, CTRL)
    assert view.currentIndex() == 2
    qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_PageUp, CTRL)
    qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_PageUp, CTRL)
    assert view.currentIndex() == 0


# ---- 8. export: an existing folder, the options kept, the file dialog in Chinese ------------------------
def test_export_starts_in_a_folder_that_exists(monkeypatch: pytest.MonkeyPatch, demo_window: MainWindow,
                                               tmp_path: Path) -> None:
    missing = tmp_path / "没有的文档"
    desktop = tmp_path / "桌面"
    desktop.mkdir()
    real = QStandardPaths.writableLocation

    def location(kind: QStandardPaths.StandardLocation) -> str:
        if kind == QStandardPaths.StandardLocation.DocumentsLocation:
            return str(missing)  # ~/Documents was never made
        if kind == QStandardPaths.StandardLocation.DesktopLocation:
            return str(desktop)
        return real(kind)

    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(location))
    report = demo_window.view.report()
    assert export_actions.default_path(report, demo_window.settings).parent == desktop
    desktop.rmdir()
    assert export_actions.default_path(report, demo_window.settings).parent == Path.home()


def test_a_failed_export_brings_the_dialog_back_with_the_choices(monkeypatch: pytest.MonkeyPatch,
                                                                 demo_window: MainWindow, tmp_path: Path) -> None:
    asked: list[ExportRequest | None] = []
    first = ExportRequest(path=tmp_path / "a.docx", red_header=True, imprint=True, web=False, cjk_digits=True)

    def ask(*_args: object, previous: ExportRequest | None = None, **_options: object) -> ExportRequest | None:
        asked.append(previous)
        return first if len(asked) == 1 else None

    def fail(*_args: object, **_kw: object) -> None:
        raise ExportError("磁盘已满")

    monkeypatch.setattr(ExportDialog, "ask", ask)
    monkeypatch.setattr(export_actions, "export_docx", fail)
    monkeypatch.setattr(Dialogs, "warn", lambda *_: None)
    assert demo_window.export_word() is None
    # the first time the dialog shows the options shared with the preview (the report's defaults here),
    # the second time the same choices as the failed try
    shared = asked[0]
    assert shared is not None and shared.red_header == bool(demo_window.view.report().issuer_mark)
    assert shared.imprint is False and shared.path.suffix == ".docx"
    assert asked[1:] == [first]
    assert demo_window.preview.choices.request.imprint  # what was chosen is shared with the preview
    dialog = ExportDialog(demo_window.view.report(), tmp_path / "x.docx", demo_window, "", first)
    assert dialog.request() == first
    dialog.path.setText(str(tmp_path / "没有这个文件夹" / "a.docx"))
    dialog._accept()
    assert "不存在" in dialog.error.text() and dialog.result() != ExportDialog.DialogCode.Accepted
    dialog.close()


def test_the_file_dialog_speaks_chinese_and_starts_where_asked(qtbot, tmp_path: Path) -> None:
    dialog = file_dialog(None, "导出到", tmp_path / "没有的文件夹" / "报告.docx", "Word 文件 (*.docx)", saving=True)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert labels == ["查找范围(&L)：", "文件名(&N)：", "文件类型(&T)："]  # Qt's own: "Look in:", "Files of type:"
    assert Path(dialog.directory().absolutePath()).is_dir()
    assert Path(dialog.directory().absolutePath()) != Path("/tmp") or tmp_path.parent == Path("/tmp")
    assert all(view.isColumnHidden(2) for view in dialog.findChildren(QTreeView))  # the "Folder" column
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.close()


# ---- 9. 已保存 after every kind of change; stale notes cleared --------------------------------------------
def test_saved_time_follows_outline_operations_and_old_notes_go(demo_window: MainWindow) -> None:
    editor = demo_window.view.chapter_editors()[0]
    demo_window.view.setCurrentWidget(editor)
    editor.tree.select_index(0)
    editor.actions_by_name["outdent"].trigger()  # refused: a note in the status bar
    assert "层级" in demo_window.statusBar().currentMessage()
    demo_window.save_label.setText("自动保存")
    editor.actions_by_name["move_down"].trigger()
    assert demo_window.save_label.text().startswith("已保存 ")
    assert demo_window.statusBar().currentMessage() == ""  # the old note no longer applies
    demo_window.save_label.setText("自动保存")
    demo_window.act_undo.trigger()
    assert demo_window.save_label.text().startswith("已保存 ")


# ---- 11. 查找和替换 across the report -----------------------------------------------------------------------
def test_find_lists_every_place_and_shows_it_selected(qtbot, demo_window: MainWindow) -> None:
    _active(qtbot, demo_window)
    finder = show_find_dialog(demo_window, False)
    finder.dialog.needle.setText("示例镇")
    where = [finder.dialog.results.topLevelItem(i).text(0)  # type: ignore[union-attr]
             for i in range(finder.dialog.results.topLevelItemCount())]
    assert "基本信息 › 单位简称" in where and any(w.startswith("第四章") for w in where)
    assert finder.dialog.count.text() == f"共 {len(where)} 处"
    assert not finder.dialog.replace_all.isVisible()  # Ctrl+F: finding only
    chapter_hit = next(i for i, w in enumerate(where) if w.startswith("第四章"))
    finder.goto(chapter_hit)
    editor = demo_window.view.current_editor()
    assert editor is not None and editor.chapter_id == demo_window.view.report().chapters[3].id
    assert editor.lead.textCursor().selectedText() == "示例镇"
    finder.dialog.close()


def test_replace_all_is_one_undo_step(qtbot, demo_window: MainWindow, store: ReportStore,
                                      stored_demo: Report) -> None:
    editor = demo_window.view.chapter_editors()[0]
    demo_window.view.setCurrentWidget(editor)
    editor.tree.select_index(1)
    editor.block_editor.body.moveCursor(editor.block_editor.body.textCursor().MoveOperation.End)
    ime_type(editor.block_editor.body, "全年办理行政复议案件一百八十六起")  # typed, not yet saved
    demo_window.act_replace.trigger()  # Ctrl+H
    finder = demo_window.findChild(FindController)
    assert finder is not None and finder.dialog.replace_all.isVisible()
    finder.dialog.needle.setText("一百八十六起")
    assert len(finder.hits) == 1  # the unsaved typing is searched too
    finder.dialog.needle.setText("示例镇")
    count = len(finder.hits)
    finder.dialog.replacement.setText("样板镇")
    steps = demo_window.undo_stack.index()
    finder.dialog.replace_all.click()
    report = store.load_report(stored_demo.id or 0)
    assert report.unit.short_name == "样板镇" and "样板镇" in report.chapters[3].lead
    assert demo_window.undo_stack.index() == steps + 1 and f"{count} 处" in demo_window.undo_stack.undoText()
    assert finder.dialog.count.text() == "没有找到"
    demo_window.act_undo.trigger()
    report = store.load_report(stored_demo.id or 0)
    assert report.unit.short_name == "示例镇" and "样板镇" not in report.chapters[3].lead
    assert demo_window.view.info.unit_editors["short_name"].focus_widget().text() == "示例镇"  # type: ignore[attr-defined]
    finder.dialog.close()


def test_replace_one_changes_only_the_selected_place(demo_window: MainWindow, store: ReportStore,
                                                     stored_demo: Report) -> None:
    finder = show_find_dialog(demo_window, True)
    finder.dialog.needle.setText("示例镇")
    before = len(finder.hits)
    finder.dialog.results.setCurrentItem(finder.dialog.results.topLevelItem(1))  # 单位全称
    finder.dialog.replacement.setText("样板镇")
    finder.dialog.replace_one.click()
    report = store.load_report(stored_demo.id or 0)
    assert report.unit.full_name == "样板镇人民政府" and report.unit.short_name == "示例镇"
    assert len(finder.hits) == before - 1 and finder.dialog.current() == 1  # the next one is selected
    finder.dialog.close()
