"""Every field of the report — 基本信息 (lines, the 开头段 box, 落款机关, dates, switches and choices), chapter
titles and leads, headings and bodies — uses the report's one undo history: its right-click menu offers the
report's 撤销/重做 (never the field's own, which would know only the field's typing), and Ctrl+Z / Ctrl+Y /
Ctrl+Shift+Z in it undo and redo the report's steps."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from fazhi_desktop.core.model import Report
from fazhi_desktop.core.schema import REPORT_FIELDS, UNIT_FIELDS, FieldKind
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.info.field_editor import FieldEditor
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.ui.ime import ime_type
from tests.ui.menus import Entry, right_click_menu
from tests.ui.window_keys import CTRL, SHIFT, shown


def _menu(window: MainWindow, target: QWidget) -> list[Entry]:
    if isinstance(target, QPlainTextEdit):
        target = target.viewport()  # where a right-click in a text box arrives
    return right_click_menu(target, [window.act_undo, window.act_redo])


def _assert_reports_history(window: MainWindow, entries: list[Entry], what: str) -> None:
    assert entries, f"{what}: no menu"
    names = [e.name for e in entries]
    assert "edit-undo" not in names and "edit-redo" not in names, f"{what}: the field's own 撤销/重做"
    assert [e.window_action for e in entries[:2]] == [window.act_undo, window.act_redo], what


def _text_inputs(window: MainWindow) -> dict[str, QWidget]:
    """Every input of 基本信息 a clerk types text into, by a readable name."""
    info = window.view.info
    inputs: dict[str, QWidget] = {}
    for group, editors in (("report", info.report_editors), ("unit", info.unit_editors)):
        for key, editor in editors.items():
            for name in ("line", "text", "first", "second", "date"):
                if hasattr(editor, name):
                    inputs[f"{group}.{key}.{name}"] = getattr(editor, name)
    return inputs


def test_every_info_field_offers_the_reports_undo_on_right_click(qtbot, demo_window: MainWindow) -> None:
    shown(qtbot, demo_window)
    inputs = _text_inputs(demo_window)
    assert {"report.signatories.second", "report.date.date", "report.opening.text", "unit.short_name.line",
            "report.imprint_date.date"} <= set(inputs)
    for name, widget in inputs.items():
        _assert_reports_history(demo_window, _menu(demo_window, widget), name)
    date = demo_window.view.info.report_editors["date"].date
    inner = date.findChild(QLineEdit)
    assert inner is not None  # a right-click lands on the date's text, inside the date box
    entries = _menu(demo_window, inner)
    _assert_reports_history(demo_window, entries, "the text inside the date box")
    assert any(e.text.startswith("全选") for e in entries)  # the date box's own entries stay
    assert any(e.text.startswith("升高") for e in entries) and any(e.text.startswith("降低") for e in entries)


def test_chapter_title_lead_heading_and_body_offer_the_reports_undo(qtbot, demo_window: MainWindow) -> None:
    shown(qtbot, demo_window)
    editor = demo_window.view.chapter_editors()[0]
    demo_window.view.setCurrentWidget(editor)
    editor.tree.select_index(1)
    for name, widget in (("章标题", editor.title), ("导语", editor.lead), ("小标题", editor.block_editor.heading),
                         ("正文", editor.block_editor.body)):
        _assert_reports_history(demo_window, _menu(demo_window, widget), name)


def test_the_body_menu_still_offers_raw_paste(qtbot, demo_window: MainWindow) -> None:
    """The findings' menu had taken the place of the body's own, and 粘贴原文 had gone with it."""
    shown(qtbot, demo_window)
    editor = demo_window.view.chapter_editors()[0]
    demo_window.view.setCurrentWidget(editor)
    editor.tree.select_index(1)
    QApplication.clipboard().setText("从网页复制的一句话。")
    entries = _menu(demo_window, editor.block_editor.body)
    texts = [e.text for e in entries]
    assert "粘贴原文（不整理）" in texts
    assert texts.index("粘贴原文（不整理）") == next(i for i, e in enumerate(entries) if e.name == "edit-paste") + 1


def test_the_menus_undo_takes_back_what_was_typed_in_the_field(qtbot, demo_window: MainWindow,
                                                               store: ReportStore, stored_demo: Report) -> None:
    shown(qtbot, demo_window)
    line = demo_window.view.info.report_editors["addressee"].line
    line.setFocus()
    line.end(False)
    ime_type(line, "办公室")
    entries = _menu(demo_window, line)
    undo = entries[0]
    assert undo.enabled and undo.text == "撤销 修改主送机关"
    assert undo.window_action is not None
    undo.window_action.trigger()
    demo_window.autosaver.flush()
    assert store.load_report(stored_demo.id or 0).addressee == stored_demo.addressee
    assert line.text() == stored_demo.addressee
    redo = _menu(demo_window, line)[1]
    assert redo.enabled and redo.text == "重做 修改主送机关" and redo.window_action is not None
    redo.window_action.trigger()
    assert store.load_report(stored_demo.id or 0).addressee == stored_demo.addressee + "办公室"


# ---- Ctrl+Z / Ctrl+Y in every kind of 基本信息 field ----------------------------------------------------------
def _change(qtbot, editor: FieldEditor) -> None:
    """Change the field with the keyboard (an input method for Chinese), as a clerk does."""
    widget = editor.focus_widget()
    kind = editor.spec.kind
    if kind in (FieldKind.TEXT, FieldKind.LIST):
        assert isinstance(widget, QLineEdit)
        widget.end(False)
        ime_type(widget, "乙")
    elif kind is FieldKind.MULTILINE:
        assert isinstance(widget, QPlainTextEdit)
        widget.moveCursor(widget.textCursor().MoveOperation.End)
        ime_type(widget, "补充一句")
    elif kind is FieldKind.DATE:
        qtbot.keyClick(widget, Qt.Key.Key_Up)  # the year (the section under the cursor) one up
    elif kind is FieldKind.BOOL:
        qtbot.keyClick(widget, Qt.Key.Key_Space)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Down)  # the next choice


def _stored(store: ReportStore, report_id: int, group: str, key: str) -> object:
    report = store.load_report(report_id)
    return getattr(report if group == "report" else report.unit, key)


KINDS = [(g, s.key) for g, specs in (("report", REPORT_FIELDS), ("unit", UNIT_FIELDS)) for s in specs]


@pytest.mark.parametrize(("group", "key"), KINDS, ids=[f"{g}.{k}" for g, k in KINDS])
def test_ctrl_z_and_ctrl_y_in_the_field_undo_and_redo_its_change(qtbot, demo_window: MainWindow,
                                                                 store: ReportStore, stored_demo: Report,
                                                                 group: str, key: str) -> None:
    report_id = stored_demo.id or 0
    shown(qtbot, demo_window)
    info = demo_window.view.info
    editor = (info.report_editors if group == "report" else info.unit_editors)[key]
    widget = editor.focus_widget()
    info.ensureWidgetVisible(widget)
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    before = _stored(store, report_id, group, key)
    index = demo_window.undo_stack.index()
    _change(qtbot, editor)
    demo_window.autosaver.flush()
    after = _stored(store, report_id, group, key)
    assert after != before, "the keyboard changed nothing"
    assert demo_window.undo_stack.index() == index + 1  # one step of the report's history
    press: Callable[..., None] = qtbot.keyClick
    press(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    demo_window.autosaver.flush()
    assert _stored(store, report_id, group, key) == before
    assert demo_window.undo_stack.index() == index  # the report's step, not the field's own undo
    assert editor.value() == before
    press(QApplication.focusWidget(), Qt.Key.Key_Y, CTRL)
    assert _stored(store, report_id, group, key) == after and editor.value() == after
    press(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    press(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL | SHIFT)
    assert _stored(store, report_id, group, key) == after and demo_window.undo_stack.index() == index + 1


def test_a_right_click_in_a_read_only_window_offers_no_undo(qtbot, demo_window: MainWindow) -> None:
    """Viewing (the data file held by another PC): the report's 撤销/重做 are hidden, so the menu has none."""
    demo_window._lock()
    shown(qtbot, demo_window)
    line = demo_window.view.info.report_editors["addressee"].line
    names = [e.text for e in right_click_menu(line, [demo_window.act_undo, demo_window.act_redo], QPoint(5, 5))]
    assert names and not any(n.startswith(("撤销", "撤消", "重做")) for n in names)


def test_typing_another_units_name_says_so_in_the_field_and_keeps_nothing_pending(
        demo_window: MainWindow, store: ReportStore, stored_demo: Report) -> None:
    """It used to leave 保存失败：UNIQUE constraint failed … in the status bar and ask before closing."""
    store.ensure_unit("样板镇")
    editor = demo_window.view.info.unit_editors["short_name"]
    line = editor.line  # type: ignore[attr-defined]
    line.selectAll()
    ime_type(line, "样板镇")
    assert demo_window.autosaver.flush()  # nothing left that cannot be written
    assert editor.error.text() == "单位“样板镇”已存在，不能重名"
    assert store.load_report(stored_demo.id or 0).unit.short_name == "示例镇"
