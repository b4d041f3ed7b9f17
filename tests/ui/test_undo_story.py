"""Issue 18, undo: one history per report; 撤销修正 takes back its own changes only; text fields keep their
editing keys; a paste and an inserted figure are separate steps; 升级 and 降级 are exact inverses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fazhi_desktop.core.indicators import load_catalog, parse_values
from fazhi_desktop.core.model import BlockKind, Report
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.chapter.chapter_editor import ChapterEditor
from fazhi_desktop.ui.data.figure_picker import FigurePicker
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.ui.ime import ime_type
from tests.ui.window_keys import CTRL, SHIFT, shown


def _chapter(window: MainWindow, block: int = 1) -> ChapterEditor:
    editor = window.view.chapter_editors()[0]
    window.view.setCurrentWidget(editor)
    editor.tree.select_index(block)
    return editor


def _body(store: ReportStore, report: Report, block: int) -> str:
    store_report = store.load_report(report.id or 0)
    return store_report.chapters[0].blocks[block].body


def _end(editor: ChapterEditor) -> None:
    body = editor.block_editor.body
    body.moveCursor(body.textCursor().MoveOperation.End)


# ---- 2. 撤销修正 never takes back another edit -----------------------------------------------------
def _fix_sloppy_text(window: MainWindow, text: str = "全年办理案件12 件。。") -> ChapterEditor:
    editor = _chapter(window, 1)
    _end(editor)
    ime_type(editor.block_editor.body, text)
    window.view.setCurrentWidget(window.view.checks)
    window.view.checks.fix.click()
    return editor


def test_undo_fix_keeps_what_was_typed_in_another_section_since(demo_window: MainWindow, store: ReportStore,
                                                                stored_demo: Report) -> None:
    editor = _fix_sloppy_text(demo_window)
    assert _body(store, stored_demo, 1).endswith("全年办理案件12件。")
    demo_window.view.setCurrentWidget(editor)
    editor.tree.select_index(4)  # another section
    _end(editor)
    ime_type(editor.block_editor.body, "ZZZ")
    demo_window.view.checks.undo_fix.click()
    assert _body(store, stored_demo, 1).endswith("全年办理案件12 件。。")  # the fix is taken back ...
    assert _body(store, stored_demo, 4).endswith("ZZZ")  # ... and the later typing stays
    assert "恢复了 2 处" in demo_window.statusBar().currentMessage()


def test_undo_fix_in_a_text_typed_in_since_takes_back_only_the_fix(demo_window: MainWindow, store: ReportStore,
                                                                   stored_demo: Report) -> None:
    editor = _fix_sloppy_text(demo_window)
    demo_window.view.setCurrentWidget(editor)
    editor.tree.select_index(1)
    _end(editor)
    ime_type(editor.block_editor.body, "新写的一句")  # the same body, after the fixed text
    demo_window.view.checks.undo_fix.click()
    assert _body(store, stored_demo, 1).endswith("全年办理案件12 件。。新写的一句")


def test_undo_fix_says_so_when_the_fixed_text_was_rewritten(demo_window: MainWindow, store: ReportStore,
                                                           stored_demo: Report) -> None:
    editor = _fix_sloppy_text(demo_window, "办案12 件")
    demo_window.view.setCurrentWidget(editor)
    editor.tree.select_index(1)
    body = editor.block_editor.body
    fixed = _body(store, stored_demo, 1)
    assert fixed.endswith("办案12件")
    body.setPlainText(fixed[:-3] + "十二起")  # the clerk rewrote the fixed words
    demo_window.view.checks.undo_fix.click()
    assert _body(store, stored_demo, 1).endswith("办案十二起")
    assert "无法撤销修正" in demo_window.statusBar().currentMessage()


def test_undo_fix_right_after_the_fix_is_the_undo_step_itself(demo_window: MainWindow, store: ReportStore,
                                                              stored_demo: Report) -> None:
    _fix_sloppy_text(demo_window)
    fixed_index = demo_window.undo_stack.index()
    demo_window.view.checks.undo_fix.click()
    assert _body(store, stored_demo, 1).endswith("全年办理案件12 件。。")
    assert demo_window.undo_stack.index() == fixed_index - 1
    demo_window.act_redo.trigger()  # and 重做 puts the fix back
    assert _body(store, stored_demo, 1).endswith("全年办理案件12件。")


# ---- 3. text fields keep their editing keys ------------------------------------------------------------
def test_ctrl_delete_in_the_heading_deletes_a_word_not_the_item(qtbot, demo_window: MainWindow,
                                                                store: ReportStore) -> None:
    editor = _chapter(demo_window, 1)
    shown(qtbot, demo_window)
    count = len(store.load_blocks(editor.chapter_id))
    heading = editor.block_editor.heading
    heading.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is heading)
    heading.setText("abc def")
    heading.setCursorPosition(0)
    qtbot.keyClick(heading, Qt.Key.Key_Delete, CTRL)
    assert heading.text() == "def"
    assert len(store.load_blocks(editor.chapter_id)) == count  # the item is still there
    qtbot.keyClick(heading, Qt.Key.Key_End)
    qtbot.keyClick(heading, Qt.Key.Key_Backspace, CTRL)
    assert heading.text() == ""
    assert len(store.load_blocks(editor.chapter_id)) == count


def test_ctrl_z_and_ctrl_y_in_a_field_use_the_report_history(qtbot, demo_window: MainWindow,
                                                             store: ReportStore) -> None:
    editor = _chapter(demo_window, 1)
    shown(qtbot, demo_window)
    heading = editor.block_editor.heading
    old = heading.text()
    heading.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is heading)
    heading.end(False)
    ime_type(heading, "改了")
    assert heading.text() == old + "改了"
    qtbot.keyClick(heading, Qt.Key.Key_Z, CTRL)
    assert heading.text() == old
    qtbot.keyClick(heading, Qt.Key.Key_Y, CTRL)
    assert heading.text() == old + "改了"
    qtbot.keyClick(heading, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(heading, Qt.Key.Key_Z, CTRL | SHIFT)  # the other redo key
    assert heading.text() == old + "改了"
    demo_window.autosaver.flush()
    assert store.load_blocks(editor.chapter_id)[1].heading == old + "改了"


def test_a_deleted_item_comes_back_with_ctrl_z_in_the_outline(qtbot, demo_window: MainWindow,
                                                              store: ReportStore) -> None:
    editor = _chapter(demo_window, 1)
    shown(qtbot, demo_window)
    before = store.load_blocks(editor.chapter_id)
    editor.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.tree)
    qtbot.keyClick(editor.tree, Qt.Key.Key_Delete, CTRL)
    assert len(store.load_blocks(editor.chapter_id)) == len(before) - 1
    qtbot.keyClick(editor.tree, Qt.Key.Key_Z, CTRL)
    assert store.load_blocks(editor.chapter_id) == before  # the same rows, ids and all


# ---- 4. a paste and an inserted figure are separate steps; Ctrl+Y redoes in the text box -------------
def test_paste_and_figure_are_two_undo_steps(qtbot, monkeypatch: pytest.MonkeyPatch, demo_window: MainWindow,
                                             store: ReportStore) -> None:
    report_id = demo_window.view.report_id or 0
    store.set_indicator_values(report_id, parse_values(load_catalog(), {"disputes_accepted": "186"}))
    demo_window.open_report(report_id)
    monkeypatch.setattr(FigurePicker, "ask", staticmethod(
        lambda entries, *_a: next(e for e in entries if e.key == "disputes_accepted")))
    editor = _chapter(demo_window, 4)
    shown(qtbot, demo_window)
    body = editor.block_editor.body
    body.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is body)
    ime_type(body, "全年受理")
    QApplication.clipboard().setText("矛盾纠纷")
    qtbot.keyClick(body, Qt.Key.Key_V, CTRL)
    demo_window.figures.insert()
    assert body.toPlainText() == "全年受理矛盾纠纷186件"
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    assert body.toPlainText() == "全年受理矛盾纠纷"  # the figure only
    qtbot.keyClick(body, Qt.Key.Key_Z, CTRL)
    assert body.toPlainText() == "全年受理"  # then the paste
    qtbot.keyClick(body, Qt.Key.Key_Y, CTRL)
    qtbot.keyClick(body, Qt.Key.Key_Y, CTRL)
    assert body.toPlainText() == "全年受理矛盾纠纷186件"
    demo_window.autosaver.flush()
    assert store.load_blocks(editor.chapter_id)[4].body == "全年受理矛盾纠纷186件"


# ---- 5. 升级 and 降级 are exact inverses; a section does not run in --------------------------------------
def test_promote_then_demote_is_a_round_trip(demo_window: MainWindow, store: ReportStore) -> None:
    editor = _chapter(demo_window, 0)
    blocks = editor.blocks
    item = next(i for i, b in enumerate(blocks) if b.kind is BlockKind.ITEM and b.run_in
                and i + 1 < len(blocks) and blocks[i + 1].kind is BlockKind.ITEM)  # an item with a next sibling
    before = store.load_blocks(editor.chapter_id)
    editor.tree.select_index(item)
    editor.actions_by_name["outdent"].trigger()
    promoted = store.load_blocks(editor.chapter_id)
    assert promoted[item].kind is BlockKind.SECTION and not promoted[item].run_in  # 接排 dropped
    assert promoted[item + 1].kind is BlockKind.ITEM  # the next sibling keeps its level ...
    assert editor.tree.labels()[item + 1].startswith("1.")  # ... now the first item of the new section
    editor.actions_by_name["indent"].trigger()
    assert store.load_blocks(editor.chapter_id) == before


# ---- 10. several outline rows deleted at once, as one undo step -----------------------------------------
def test_multi_select_delete_is_one_undo_step(qtbot, demo_window: MainWindow, store: ReportStore) -> None:
    editor = _chapter(demo_window, 0)
    shown(qtbot, demo_window)
    before = store.load_blocks(editor.chapter_id)
    sections = [i for i, b in enumerate(before) if b.kind is BlockKind.SECTION][-4:]  # the last four, no items
    tree = editor.tree
    for n, index in enumerate(sections):
        item = tree.topLevelItem(tree.topLevelItemCount() - 4 + n)
        assert item is not None and item.text(0) == tree.labels()[index]
        tree.scrollToItem(item)
        rect = tree.visualItemRect(item)
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, CTRL if n else Qt.KeyboardModifier.NoModifier,
                         rect.center())
    assert tree.selected_indices() == sections
    steps_before = demo_window.undo_stack.index()
    tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree)
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert len(store.load_blocks(editor.chapter_id)) == len(before) - 4
    assert demo_window.undo_stack.index() == steps_before + 1
    assert demo_window.undo_stack.undoText() == "删除 4 个条目"
    demo_window.act_undo.trigger()
    assert store.load_blocks(editor.chapter_id) == before


# ---- the API other code uses for one undoable change ------------------------------------------------------
def test_changes_made_inside_one_step_are_undone_together(demo_window: MainWindow, store: ReportStore) -> None:
    """E.g. switching 接排 off and changing the heading's punctuation with it: ``steps.one_step()``."""
    from fazhi_desktop.ui.edit import steps

    editor = _chapter(demo_window, 1)
    before = store.load_blocks(editor.chapter_id)[1]
    assert before.run_in
    index = demo_window.undo_stack.index()
    with steps.one_step():
        editor.block_editor.run_in.setChecked(False)
        editor.block_editor.heading.end(False)
        ime_type(editor.block_editor.heading, "！")
    assert demo_window.undo_stack.index() == index + 1
    demo_window.autosaver.flush()
    changed = store.load_blocks(editor.chapter_id)[1]
    assert not changed.run_in and changed.heading == before.heading + "！"
    demo_window.act_undo.trigger()
    assert store.load_blocks(editor.chapter_id)[1] == before
    assert editor.block_editor.run_in.isChecked() and editor.block_editor.heading.text() == before.heading


def test_typing_is_one_step_per_sentence(demo_window: MainWindow, store: ReportStore) -> None:
    editor = _chapter(demo_window, 4)
    body = editor.block_editor.body
    index = demo_window.undo_stack.index()
    for piece in ("全年", "受理", "纠纷。", "调解", "成功"):
        ime_type(body, piece)
    assert demo_window.undo_stack.index() == index + 2  # “全年受理纠纷。” and “调解成功”
    demo_window.act_undo.trigger()
    assert body.toPlainText() == "全年受理纠纷。"
    demo_window.act_undo.trigger()
    assert body.toPlainText() == ""


def test_chapter_operations_are_undone_with_their_ids(monkeypatch: pytest.MonkeyPatch, demo_window: MainWindow,
                                                      store: ReportStore, stored_demo: Report) -> None:
    from fazhi_desktop.ui.common.dialogs import Dialogs

    monkeypatch.setattr(Dialogs, "confirm", lambda *_: True)
    original = store.load_report(stored_demo.id or 0).chapters
    _chapter(demo_window, 1)  # typing before the chapter operations stays in the history
    ime_type(demo_window.view.current_editor().block_editor.body, "先写的字")  # type: ignore[union-attr]
    demo_window.act_move_right.trigger()
    demo_window.view.setCurrentWidget(demo_window.view.chapter_editors()[2])
    demo_window.act_delete_chapter.trigger()
    assert len(store.load_report(stored_demo.id or 0).chapters) == len(original) - 1
    demo_window.act_undo.trigger()
    demo_window.act_undo.trigger()
    chapters = store.load_report(stored_demo.id or 0).chapters
    assert [c.id for c in chapters] == [c.id for c in original]
    assert chapters[0].blocks[1].body.startswith("先写的字")
    demo_window.act_undo.trigger()
    assert store.load_report(stored_demo.id or 0).chapters == original


def test_a_fix_the_disk_refuses_changes_nothing_and_is_no_step(monkeypatch: pytest.MonkeyPatch,
                                                                demo_window: MainWindow, store: ReportStore,
                                                                stored_demo: Report) -> None:
    from fazhi_desktop.storage.chapters import WriteError

    editor = _chapter(demo_window, 1)
    _end(editor)
    ime_type(editor.block_editor.body, "（2021-2025年）")
    _end(editor)
    demo_window.view.chapter_editors()[0].tree.select_index(4)
    ime_type(demo_window.view.chapter_editors()[0].block_editor.body, "全年办理案件12 件。")
    demo_window.autosaver.flush()
    before = store.load_report(stored_demo.id or 0)
    calls: list[int] = []
    real = store.update_block

    def full_on_the_second(block_id: int, **changes: object) -> None:
        calls.append(block_id)
        if len(calls) == 2:
            raise WriteError("保存失败：磁盘空间已满。刚才的修改没有写入，已保存的内容完好；请处理后重试。")
        real(block_id, **changes)

    monkeypatch.setattr(store, "update_block", full_on_the_second)
    steps_before = demo_window.undo_stack.count()
    demo_window.view.setCurrentWidget(demo_window.view.checks)
    demo_window.view.checks.fix.click()
    assert len(calls) == 2  # two texts to fix, the second refused ...
    assert store.load_report(stored_demo.id or 0) == before  # ... so neither is written
    assert demo_window.undo_stack.count() == steps_before  # and it is no step of the history
    assert not demo_window.view.checks.undo_fix.isEnabled()
    assert "磁盘空间已满" in demo_window.statusBar().currentMessage()
