"""撤销/重做 and the lazily built tabs: a step that changed a chapter whose tab was never shown (or was rebuilt by
a chapter operation) is undone in the store and shown when the tab is built; and a report opened from the
汇总 view for viewing only: its history offers nothing and nothing it is asked changes the report."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from fazhi_desktop.core.model import Report
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.chapter.chapter_editor import ChapterEditor
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.edit.change_command import Change, Place
from fazhi_desktop.ui.edit.find_actions import show_find_dialog
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.ui.ime import ime_type
from tests.ui.menus import right_click_menu
from tests.ui.window_keys import CTRL


def _built(window: MainWindow) -> list[ChapterEditor]:
    return window.view.built_editors()


def _report(store: ReportStore, stored: Report) -> Report:
    return store.load_report(stored.id or 0)


# ---- lazily built chapter tabs ------------------------------------------------------------------------------
def test_a_replacement_in_unbuilt_tabs_is_undone_and_shown_when_they_are_built(
        demo_window: MainWindow, store: ReportStore, stored_demo: Report) -> None:
    assert _built(demo_window) == []  # 基本信息 on screen: no chapter tab built yet
    finder = show_find_dialog(demo_window, True)
    finder.dialog.needle.setText("示例镇")
    assert {h.field.chapter or h.field.row for h in finder.hits if h.field.kind in ("chapter", "block")}
    finder.goto(0)  # the first hit is in 基本信息: still no chapter built
    before = _report(store, stored_demo)
    finder.replace_all("样板镇")
    assert _built(demo_window) == []  # replacing built no tab ...
    demo_window.act_undo.trigger()
    assert _report(store, stored_demo) == before  # ... and its undo reached every chapter
    fourth = before.chapters[3]
    editor = demo_window.view.editor_for(fourth.id or 0)
    assert editor is not None and editor.lead.toPlainText() == fourth.lead  # built from the store: the original
    demo_window.act_redo.trigger()
    assert "样板镇" in editor.lead.toPlainText() and "示例镇" not in editor.lead.toPlainText()
    finder.dialog.close()


def test_typing_undone_after_a_chapter_operation_rebuilt_the_tabs(monkeypatch: pytest.MonkeyPatch,
                                                                  demo_window: MainWindow, store: ReportStore,
                                                                  stored_demo: Report) -> None:
    monkeypatch.setattr(Dialogs, "confirm", lambda *_: True)
    view = demo_window.view
    editor = view.chapter_editors()[1]
    view.setCurrentWidget(editor)
    editor.tree.select_index(0)
    body = editor.block_editor.body
    body.moveCursor(body.textCursor().MoveOperation.End)
    ime_type(body, "第二章里补写的。")
    demo_window.act_move_left.trigger()  # every chapter tab is made again, only the current one built
    assert editor not in _built(demo_window) and len(_built(demo_window)) == 1
    demo_window.act_undo.trigger()  # the move
    demo_window.act_undo.trigger()  # the typing, in a chapter whose tab is not built now
    assert _report(store, stored_demo) == stored_demo
    shown = view.current_editor()
    assert shown is not None and shown.chapter_id == editor.chapter_id  # brought into view, built for it
    assert shown.block_editor.body.toPlainText() == stored_demo.chapters[1].blocks[0].body


# ---- viewing from the 汇总 view -----------------------------------------------------------------------------
@pytest.fixture
def viewing(monkeypatch: pytest.MonkeyPatch, qtbot, demo_window: MainWindow, stored_demo: Report) -> MainWindow:
    """The clerk typed in the report, then the county office opened it from 汇总 for viewing."""
    monkeypatch.setattr(Dialogs, "confirm", lambda *_: True)
    monkeypatch.setattr(Dialogs, "ask_text", lambda *_a, **_k: "新的章标题")
    monkeypatch.setattr(Dialogs, "ask_choice", lambda _p, _t, _l, items: items[-1])
    line = demo_window.view.info.report_editors["addressee"].line  # type: ignore[attr-defined]
    ime_type(line, "甲")
    assert demo_window.undo_stack.canUndo()
    demo_window.county.open_report(stored_demo.id or 0, editable=False)
    demo_window.show()
    demo_window.activateWindow()
    qtbot.waitActive(demo_window)
    return demo_window


def test_viewing_offers_no_undo_anywhere(viewing: MainWindow, qtbot, store: ReportStore,
                                         stored_demo: Report) -> None:
    before = _report(store, stored_demo)
    assert viewing.view.read_only
    assert not viewing.act_undo.isEnabled() and not viewing.act_redo.isEnabled()
    line = viewing.view.info.report_editors["addressee"].line  # type: ignore[attr-defined]
    line.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is line)
    qtbot.keyClick(line, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(line, Qt.Key.Key_Y, CTRL)
    assert _report(store, stored_demo) == before
    entries = right_click_menu(line, [viewing.act_undo, viewing.act_redo], QPoint(5, 5))
    assert entries and not any(e.enabled for e in entries if e.text.startswith(("撤销", "撤消", "重做")))


def test_nothing_asked_while_viewing_changes_the_report(viewing: MainWindow, store: ReportStore,
                                                        stored_demo: Report) -> None:
    before = _report(store, stored_demo)
    view = viewing.view
    editor = view.chapter_editors()[2]  # built lazily while viewing: locked like the others
    view.setCurrentWidget(editor)
    assert editor.block_editor.body.isReadOnly() and editor.title.isReadOnly()
    for action in (viewing.act_add_chapter, viewing.act_rename_chapter, viewing.act_move_left,
                   viewing.act_delete_chapter, viewing.figures.action, viewing.act_replace):
        assert not action.isEnabled()
    viewing.chapters.add_chapter()  # asked for directly (a shortcut, a stale button): refused, no step
    viewing.chapters.rename_chapter()
    viewing.chapters.move_chapter(+1)
    viewing.chapters.delete_chapter()
    viewing.chapters.restore_chapter()
    place = Place("report", "addressee", stored_demo.id or 0)
    assert view.history.push("替换", [Change(place, before.addressee, "别的主送机关")]) is None
    view.history.record(place, before.addressee, "别的主送机关")
    editor.actions_by_name["delete"].trigger()
    view.setCurrentWidget(view.indicators)
    assert view.indicators.table.editTriggers() == view.indicators.table.EditTrigger.NoEditTriggers
    assert not view.info.report_editors["status"].combo.isEnabled()  # type: ignore[attr-defined]
    viewing.autosaver.flush()
    assert _report(store, stored_demo) == before
    assert viewing.undo_stack.count() == 0 and not viewing.act_undo.isEnabled()
    assert "只读" in viewing.statusBar().currentMessage()


def test_allowing_edits_starts_a_fresh_history(viewing: MainWindow, store: ReportStore,
                                               stored_demo: Report) -> None:
    viewing.county.allow_editing()
    assert not viewing.view.read_only and viewing.undo_stack.count() == 0
    line = viewing.view.info.report_editors["addressee"].line  # type: ignore[attr-defined]
    ime_type(line, "乙")
    assert viewing.act_undo.isEnabled()
    viewing.act_undo.trigger()
    viewing.autosaver.flush()
    assert _report(store, stored_demo).addressee == stored_demo.addressee + "甲"  # the earlier typing stays
