"""Outline buttons and shortcuts: numbers follow every add, move, level change and delete; undo works."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from fazhi_desktop.core.model import Block, BlockKind
from fazhi_desktop.storage.database import StorageError
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.chapter.chapter_editor import ChapterEditor
from fazhi_desktop.ui.chapter.outline_tree import drop_destination
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.ui.ime import ime_type


def _chapter(window: MainWindow, index: int = 0) -> ChapterEditor:
    editor = window.view.chapter_editors()[index]
    window.view.setCurrentWidget(editor)
    return editor


def _numbers(editor: ChapterEditor) -> list[str]:
    """The number prefix of each top-level section row, e.g. ["（一）", "（二）", …]."""
    return [label.split("）")[0] + "）" for label in editor.tree.labels() if label.startswith("（")]


def _stored_headings(store: ReportStore, editor: ChapterEditor) -> list[str]:
    return [b.heading for b in store.load_blocks(editor.chapter_id)]


def test_add_sibling_renumbers_everything_after_it(demo_window: MainWindow, store: ReportStore) -> None:
    editor = _chapter(demo_window)
    second_section = next(i for i, b in enumerate(editor.blocks) if i > 0 and b.kind is BlockKind.SECTION)
    old_second_label = editor.tree.labels()[second_section]
    assert old_second_label.startswith("（二）")
    editor.tree.select_index(0)
    editor.actions_by_name["add_sibling"].trigger()
    new_index = editor.current_index()
    assert new_index == second_section  # after the first section's whole subtree
    assert editor.tree.labels()[new_index] == "（二）（未填标题）"
    assert editor.tree.labels()[new_index + 1] == "（三）" + old_second_label.removeprefix("（二）")
    stored = store.load_blocks(editor.chapter_id)
    assert len(stored) == len(editor.blocks) and stored[new_index].heading == ""


def test_add_child_and_type_its_heading(qtbot, demo_window: MainWindow, store: ReportStore) -> None:
    editor = _chapter(demo_window)
    editor.tree.select_index(0)
    children_before = sum(1 for lbl in editor.tree.labels()[1:4] if lbl[0].isdigit())
    editor.actions_by_name["add_child"].trigger()
    index = editor.current_index()
    assert editor.blocks[index].kind is BlockKind.ITEM
    assert editor.tree.labels()[index].startswith(f"{children_before + 1}.")
    ime_type(editor.block_editor.heading, "开展法治培训")
    assert editor.tree.labels()[index] == f"{children_before + 1}.开展法治培训"
    qtbot.waitUntil(lambda: store.load_blocks(editor.chapter_id)[index].heading == "开展法治培训",
                    timeout=5000)


def test_move_down_and_up_swap_whole_subtrees(demo_window: MainWindow, store: ReportStore) -> None:
    editor = _chapter(demo_window)
    first, second = editor.blocks[0].heading, editor.blocks[4].heading
    editor.tree.select_index(0)
    editor.actions_by_name["move_down"].trigger()
    headings = _stored_headings(store, editor)
    assert headings[0] == second
    moved = headings.index(first)
    assert editor.current_index() == moved
    assert editor.tree.labels()[0].startswith("（一）" + second)
    assert editor.tree.labels()[moved] == "（二）" + first
    assert [b.heading for b in editor.blocks[moved + 1: moved + 4]] == ["健全领导机制。", "落实学法制度。",
                                                                        "开展述法考核。"]
    editor.actions_by_name["move_up"].trigger()
    assert _stored_headings(store, editor)[0] == first
    count = demo_window.undo_stack.count()
    editor.actions_by_name["move_up"].trigger()  # already first: nothing to undo later
    assert demo_window.undo_stack.count() == count
    assert "没有变化" in demo_window.statusBar().currentMessage()


def test_indent_and_outdent_change_the_number_style(demo_window: MainWindow, store: ReportStore) -> None:
    editor = _chapter(demo_window)
    sections = [i for i, b in enumerate(editor.blocks) if b.kind is BlockKind.SECTION]
    third = sections[2]  # （三）, no children in the demo
    editor.tree.select_index(third)
    editor.actions_by_name["indent"].trigger()
    assert store.load_blocks(editor.chapter_id)[third].kind is BlockKind.ITEM
    assert editor.tree.labels()[third].startswith("4.")  # after 1. 2. 3. of （二）
    assert editor.tree.labels()[third + 1].startswith("（三）")  # the old （四） moved up a number
    editor.actions_by_name["outdent"].trigger()
    assert editor.tree.labels()[third].startswith("（三）")


def test_refused_operation_says_why_and_changes_nothing(demo_window: MainWindow,
                                                        store: ReportStore) -> None:
    editor = _chapter(demo_window)
    before = store.load_blocks(editor.chapter_id)
    editor.tree.select_index(0)
    editor.actions_by_name["outdent"].trigger()  # （一） cannot go higher
    assert "层级" in demo_window.statusBar().currentMessage()
    assert store.load_blocks(editor.chapter_id) == before
    assert demo_window.undo_stack.count() == 0


def test_delete_then_undo_and_redo(demo_window: MainWindow, store: ReportStore) -> None:
    editor = _chapter(demo_window)
    before = store.load_blocks(editor.chapter_id)
    editor.tree.select_index(0)
    editor.actions_by_name["delete"].trigger()
    after = store.load_blocks(editor.chapter_id)
    assert len(after) == len(before) - 4  # the section and its three items
    assert editor.tree.labels()[0].startswith("（一）依法全面履行")
    demo_window.act_undo.trigger()
    restored = store.load_blocks(editor.chapter_id)
    strip = [(b.kind, b.heading, b.body, b.run_in) for b in restored]
    assert strip == [(b.kind, b.heading, b.body, b.run_in) for b in before]
    assert editor.tree.labels()[0].startswith("（一）坚持党的领导")
    demo_window.act_redo.trigger()
    assert len(store.load_blocks(editor.chapter_id)) == len(before) - 4


def test_undo_goes_back_in_the_order_things_were_done(qtbot, demo_window: MainWindow,
                                                      store: ReportStore) -> None:
    editor = _chapter(demo_window)
    editor.tree.select_index(4)
    editor.actions_by_name["move_up"].trigger()  # （二） becomes （一）
    editor.tree.select_index(0)
    ime_type(editor.block_editor.body, "后来补写的正文")
    demo_window.act_undo.trigger()  # one history: the typing goes first ...
    stored = store.load_blocks(editor.chapter_id)
    assert stored[0].heading.startswith("依法全面履行") and stored[0].body == ""
    assert editor.block_editor.body.toPlainText() == ""
    demo_window.act_undo.trigger()  # ... then the move
    stored = store.load_blocks(editor.chapter_id)
    assert stored[0].heading.startswith("坚持党的领导")
    demo_window.act_redo.trigger()
    demo_window.act_redo.trigger()
    stored = store.load_blocks(editor.chapter_id)
    assert stored[0].heading.startswith("依法全面履行") and stored[0].body == "后来补写的正文"


def test_keyboard_shortcuts_in_the_outline(qtbot, demo_window: MainWindow, store: ReportStore) -> None:
    editor = _chapter(demo_window)
    demo_window.show()
    demo_window.activateWindow()
    qtbot.waitActive(demo_window)
    editor.tree.select_index(0)
    editor.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.tree)
    first = editor.blocks[0].heading
    qtbot.keyClick(editor.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _stored_headings(store, editor)[0] != first
    qtbot.keyClick(editor.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _stored_headings(store, editor)[0] == first
    count = len(editor.blocks)
    body = editor.block_editor.body
    body.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is body)
    qtbot.keyClick(body, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # add sibling from the text
    assert len(store.load_blocks(editor.chapter_id)) == count + 1
    assert editor.block_editor.body.toPlainText() == ""  # the new block is selected
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.block_editor.heading)  # ready to type


def test_suggested_heading_is_inserted_with_one_double_click(demo_window: MainWindow,
                                                             store: ReportStore) -> None:
    editor = _chapter(demo_window)
    tree = editor.suggestions.tree
    assert tree.topLevelItemCount() > 0
    top = tree.topLevelItem(0)
    assert top is not None
    tree.itemDoubleClicked.emit(top, 0)
    stored = store.load_blocks(editor.chapter_id)
    assert stored[-1].kind is BlockKind.SECTION and stored[-1].heading == top.text(0)
    assert editor.tree.labels()[-1].startswith("（十一）")
    child = top.child(0)
    assert child is not None
    tree.itemDoubleClicked.emit(child, 0)  # an item goes under the section just added
    stored = store.load_blocks(editor.chapter_id)
    # an item is run in (接排): it gets the full stop a run-in heading needs
    assert stored[-1].kind is BlockKind.ITEM and stored[-1].heading == child.text(0) + "。"
    assert editor.tree.labels()[-1] == "1." + child.text(0) + "。"


def test_empty_chapter_gets_its_first_block(demo_window: MainWindow, store: ReportStore) -> None:
    editor = _chapter(demo_window, 4)  # 其他需要报告的情况: one paragraph
    editor.tree.select_index(-1)
    editor.actions_by_name["add_paragraph"].trigger()
    assert len(store.load_blocks(editor.chapter_id)) == 2
    assert store.load_blocks(editor.chapter_id)[-1].kind is BlockKind.PARAGRAPH


def test_selected_section_unfolds_its_suggested_items(demo_window: MainWindow) -> None:
    editor = _chapter(demo_window)
    editor.tree.select_index(2)  # an item under （一）坚持党的领导…
    tree = editor.suggestions.tree
    expanded = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())  # type: ignore[union-attr]
                if tree.topLevelItem(i).isExpanded()]  # type: ignore[union-attr]
    assert expanded == ["坚持党的领导，压紧压实法治建设责任"]


def test_sentence_suggestion_becomes_a_paragraph(demo_window: MainWindow, store: ReportStore) -> None:
    editor = _chapter(demo_window, 4)  # 其他需要报告的情况
    top = editor.suggestions.tree.topLevelItem(0)
    assert top is not None and top.text(0) == "无其他需要报告的情况。"
    editor.suggestions.tree.itemDoubleClicked.emit(top, 0)
    last = store.load_blocks(editor.chapter_id)[-1]
    assert (last.kind, last.heading, last.body) == (BlockKind.PARAGRAPH, "", "无其他需要报告的情况。")


def test_drop_destination_moves_whole_subtrees() -> None:
    k = BlockKind
    blocks = tuple(Block(kind, heading=str(i)) for i, kind in
                   enumerate([k.SECTION, k.ITEM, k.ITEM, k.SECTION, k.ITEM, k.SECTION]))
    assert drop_destination(blocks, 0, 5, after=False) == 2  # （一）+2 items before （三）
    assert drop_destination(blocks, 0, 5, after=True) == 3  # to the end
    assert drop_destination(blocks, 3, 0, after=False) == 0
    assert drop_destination(blocks, 0, 1, after=True) is None  # into its own subtree
    assert drop_destination(blocks, 0, 3, after=False) is None  # where it already is
    assert drop_destination(blocks, 5, -1, after=False) is None
    assert drop_destination(blocks, 4, 2, after=True) == 3  # an item to the end of （一）


def test_dropping_a_row_moves_it_through_the_store(qtbot, demo_window: MainWindow, store: ReportStore) -> None:
    editor = _chapter(demo_window)
    demo_window.resize(1280, 800)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    first = editor.blocks[0].heading
    editor.tree.select_index(0)
    target = editor.tree.topLevelItem(2)  # （三）
    assert target is not None
    third = editor.blocks[int(target.data(0, Qt.ItemDataRole.UserRole))].heading
    rect = editor.tree.visualItemRect(target)
    mime = QMimeData()
    event = QDropEvent(QPointF(rect.center().x(), rect.top() + 1), Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    editor.tree.dropEvent(event)
    headings = _stored_headings(store, editor)
    assert headings.index(first) == 4  # after （二） and its three items
    assert headings[8] == third  # and right before （三）, its three items in between
    assert editor.tree.labels()[4] == "（二）" + first
    demo_window.act_undo.trigger()
    assert _stored_headings(store, editor)[0] == first


def test_failed_outline_write_says_why_and_leaves_nothing_to_undo(monkeypatch: pytest.MonkeyPatch,
                                                                   demo_window: MainWindow,
                                                                   store: ReportStore) -> None:
    editor = _chapter(demo_window)
    before = store.load_blocks(editor.chapter_id)
    editor.tree.select_index(0)

    def disk_full(*_args: object) -> None:
        raise StorageError("保存失败：磁盘空间已满。刚才的修改没有写入，已保存的内容完好；请处理后重试。")

    monkeypatch.setattr(store, "apply_outline", disk_full)
    editor.actions_by_name["add_sibling"].trigger()
    assert "磁盘空间已满" in demo_window.statusBar().currentMessage()
    assert demo_window.undo_stack.count() == 0
    monkeypatch.undo()
    assert store.load_blocks(editor.chapter_id) == before
    assert len(editor.tree.labels()) == len(before)


def test_switching_on_run_in_adds_the_full_stop_undoably(qtbot, demo_window: MainWindow,
                                                          store: ReportStore) -> None:
    editor = _chapter(demo_window)
    editor.tree.select_index(0)
    editor.actions_by_name["add_child"].trigger()
    index = editor.current_index()
    block_editor = editor.block_editor
    block_editor.run_in.setChecked(False)
    ime_type(block_editor.heading, "推行法律明白人培养工程")
    hints: list[str] = []
    editor.sig_error.connect(hints.append)
    block_editor.run_in.setChecked(True)
    assert block_editor.heading.text() == "推行法律明白人培养工程。"
    assert hints and "Ctrl+Z" in hints[-1]
    qtbot.waitUntil(lambda: store.load_blocks(editor.chapter_id)[index].heading == "推行法律明白人培养工程。",
                    timeout=5000)
    assert store.load_blocks(editor.chapter_id)[index].run_in
    block_editor.heading.setFocus()
    qtbot.keyClick(block_editor.heading, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert block_editor.heading.text() == "推行法律明白人培养工程"
    block_editor.run_in.setChecked(False)
    block_editor.run_in.setChecked(True)  # a heading with its own mark is left alone
    ime_type(block_editor.heading, "！")
    block_editor.run_in.setChecked(False)
    block_editor.run_in.setChecked(True)
    assert block_editor.heading.text().endswith("！") and not block_editor.heading.text().endswith("！。")
