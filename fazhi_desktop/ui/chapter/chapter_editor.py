"""One chapter tab: renamable title and lead, the outline on the left, the selected block on the right."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from fazhi_desktop.core import outline
from fazhi_desktop.core.model import Block, BlockKind, Chapter
from fazhi_desktop.core.numbering import block_numbers
from fazhi_desktop.core.outline import OutlineError
from fazhi_desktop.ui.chapter import outline_requests as requests
from fazhi_desktop.ui.chapter.block_editor import BlockEditor
from fazhi_desktop.ui.chapter.outline_requests import ACTIONS, OutlineRequest
from fazhi_desktop.ui.chapter.outline_tree import OutlineTree
from fazhi_desktop.ui.chapter.suggestion_list import SuggestionList
from fazhi_desktop.ui.checks.finding_marks import Mark
from fazhi_desktop.ui.common.text_select import select_in
from fazhi_desktop.ui.edit.undo_keys import route_undo_keys

NATIVE = QKeySequence.SequenceFormat.NativeText


class ChapterEditor(QWidget):
    """Edits one chapter. Outline changes are requested as core.outline operations, never done here."""

    sig_outline_requested = Signal(str, object)
    """Apply this outline operation (label, ``OutlineOp``) to the stored chapter."""

    sig_block_edited = Signal(int, str, object, object)
    """(block id, field, before, after): the clerk changed a block's heading/body/run_in/internal."""

    sig_chapter_edited = Signal(str, str, str)
    """("title" or "lead", before, after): the clerk changed the chapter's title or lead."""

    sig_error = Signal(str)
    """An operation was refused; the Chinese reason."""

    def __init__(self, chapter: Chapter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert chapter.id is not None
        self.chapter = chapter
        self.blocks: tuple[Block, ...] = chapter.blocks
        self.texts = {"title": chapter.title, "lead": chapter.lead}  # as stored (or being stored)
        self._showing = False  # a value is being shown, not typed
        self.marks: dict[int, list[Mark]] = {}  # 检查's findings in the bodies, by block id
        self._type_into_new_block = False
        self.read_only = False  # viewing only (see ui.read_only): no outline action is offered
        self.number_label = QLabel()
        self.title = QLineEdit(chapter.title)
        self.title.setPlaceholderText("章标题")
        self.lead = QPlainTextEdit(chapter.lead)
        self.lead.setPlaceholderText("（可选）章标题下的导语段落")
        self.lead.setTabChangesFocus(True)
        self.lead.setMaximumHeight(self.fontMetrics().lineSpacing() * 4)
        self.tree = OutlineTree()
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.block_editor = BlockEditor()
        self.suggestions = SuggestionList(chapter.role)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, keys, tip in ACTIONS:
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(k) for k in keys.split(";")])
            action.setToolTip(f"{tip}（{QKeySequence(keys.split(';')[0]).toString(NATIVE)}）")
            if name == "delete":  # in a text field Ctrl+Del deletes the next word, as in WPS and Word
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            else:
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.addAction(action)
            self.toolbar.addAction(action)
            self.tree.addAction(action)  # the same actions on right-click in the outline
            self.actions_by_name[name] = action
        self._layout()
        route_undo_keys(self.title, self.lead)
        self._connect_signals()
        self.tree.set_outline(self.blocks, 0 if self.blocks else -1)
        self._mark_used_suggestions()

    def _layout(self) -> None:
        header = QFormLayout()
        title_row = QHBoxLayout()
        title_row.addWidget(self.number_label)
        title_row.addWidget(self.title, 1)
        header.addRow("章标题", title_row)
        header.addRow("导语", self.lead)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.tree)
        left.addWidget(self.suggestions)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.block_editor)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.toolbar)
        layout.addWidget(split, 1)

    def _connect_signals(self) -> None:
        self.title.textEdited.connect(lambda text: self._edit_chapter("title", text))
        self.lead.textChanged.connect(lambda: self._edit_chapter("lead", self.lead.toPlainText()))
        self.tree.sig_block_selected.connect(self._on_selected)
        self.tree.sig_move_requested.connect(lambda src, dest: self._request(requests.move_to(src, dest)))
        self.block_editor.sig_heading_edited.connect(lambda t: self._edit_block("heading", t))
        self.block_editor.sig_body_edited.connect(lambda t: self._edit_block("body", t))
        self.block_editor.body.sig_paste_cleaned.connect(self.sig_error)  # shown in the status bar
        self.block_editor.sig_hint.connect(self.sig_error)
        self.block_editor.sig_run_in_toggled.connect(lambda v: self._edit_block("run_in", v))
        self.block_editor.sig_internal_toggled.connect(lambda v: self._edit_block("internal", v))
        self.suggestions.sig_insert_requested.connect(self.insert_suggestion)
        for name, action in self.actions_by_name.items():
            action.triggered.connect(getattr(self, name))

    @property
    def chapter_id(self) -> int:
        assert self.chapter.id is not None
        return self.chapter.id

    # ---- showing ----------------------------------------------------------------------------
    def set_number(self, number: str) -> None:
        self.number_label.setText(number)

    def show_outline(self, blocks: Sequence[Block], selected: int) -> None:
        """Show the stored outline after an operation and select ``selected``."""
        self.blocks = tuple(blocks)
        self.tree.set_outline(self.blocks, selected)
        self._mark_used_suggestions()
        if self._type_into_new_block and 0 <= selected < len(self.blocks):
            headed = self.blocks[selected].kind is not BlockKind.PARAGRAPH
            (self.block_editor.heading if headed else self.block_editor.body).setFocus()
        self._type_into_new_block = False

    def _mark_used_suggestions(self) -> None:
        self.suggestions.mark_used({b.heading.strip().rstrip("。；;，, ") for b in self.blocks})

    def current_index(self) -> int:
        return self.tree.current_index()

    def char_count(self) -> int:
        parts = [self.title.text(), self.lead.toPlainText()] + [b.heading + b.body for b in self.blocks]
        return sum(len("".join(p.split())) for p in parts)

    def set_marks(self, marks: dict[int, list[Mark]]) -> None:
        """检查's findings in the bodies of this chapter, by block id: the shown block's are underlined."""
        self.marks = marks
        shown = self.block_editor.block_id
        self.block_editor.marks.set_marks(marks.get(shown, []) if shown is not None else [])

    def _on_selected(self, index: int) -> None:
        shown = self.block_editor.block_id
        if shown is not None:  # where the marks are now, after typing
            self.marks[shown] = list(self.block_editor.marks.marks)
        if 0 <= index < len(self.blocks):
            block = self.blocks[index]
            self.block_editor.set_block(block, block_numbers(self.blocks)[index])
            self.block_editor.marks.set_marks(self.marks.get(block.id or -1, []))
        else:
            self.block_editor.set_block(None)
        self.suggestions.focus_section(self._section_heading(index))
        has = index >= 0 and not self.read_only
        for name in ("move_up", "move_down", "outdent", "indent", "delete", "add_child"):
            self.actions_by_name[name].setEnabled(has)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for action in self.actions_by_name.values():
            action.setEnabled(not read_only)
        self._on_selected(self.tree.current_index())

    def _section_heading(self, index: int) -> str:
        """The heading of the （一） section the block at ``index`` belongs to ("" for none)."""
        while 0 <= index < len(self.blocks):
            if self.blocks[index].kind is BlockKind.SECTION:
                return self.blocks[index].heading
            parent = outline.parent_index(self.blocks, index)
            index = -1 if parent is None else parent
        return ""

    def _edit_chapter(self, field: str, text: str) -> None:
        if self._showing:
            return
        before, self.texts[field] = self.texts[field], text
        self.sig_chapter_edited.emit(field, before, text)

    def _edit_block(self, field: str, value: object) -> None:
        index = self.current_index()
        if not 0 <= index < len(self.blocks):
            return
        before = getattr(self.blocks[index], field)
        block = self._set_block(index, field, value)
        assert block.id is not None
        self.sig_block_edited.emit(block.id, field, before, value)

    def _set_block(self, index: int, field: str, value: object) -> Block:
        block = replace(self.blocks[index], **{field: value})  # type: ignore[arg-type]
        self.blocks = (*self.blocks[:index], block, *self.blocks[index + 1:])
        self.tree.update_block(index, block)
        return block

    # ---- showing a value after undo, redo, a fix or a replacement ------------------------------
    def show_chapter_text(self, field: str, text: str) -> None:
        self.texts[field] = text
        self._showing = True
        try:
            if field == "title":
                self.title.setText(text)
            else:
                self.lead.setPlainText(text)
        finally:
            self._showing = False

    def show_block_value(self, block_id: int, field: str, value: object, select: bool) -> None:
        """The stored block ``block_id`` now has ``value`` in ``field``; ``select``: show that block."""
        index = next((i for i, b in enumerate(self.blocks) if b.id == block_id), -1)
        if index < 0:
            return
        block = self._set_block(index, field, value)
        if select and index != self.current_index():
            self.tree.select_index(index)
        elif index == self.current_index():
            self.block_editor.set_block(block, block_numbers(self.blocks)[index])
        if select:
            self.block_editor.focus_change(field)

    # ---- outline requests (the window applies them through the store) ----------------------
    def _request(self, request: OutlineRequest | None) -> None:
        if request is None or self.read_only:  # e.g. a double-clicked suggestion while viewing only
            return
        self._type_into_new_block = request.new_block  # after adding, the cursor goes to the new block
        self.sig_outline_requested.emit(request.label, request.op)
        self._type_into_new_block = False

    def add_sibling(self) -> None:
        self._request(requests.add_sibling(self.blocks, self.current_index()))

    def add_child(self) -> None:
        try:
            self._request(requests.add_child(self.blocks, self.current_index()))
        except OutlineError as exc:
            self.sig_error.emit(str(exc))

    def add_paragraph(self) -> None:
        self._request(requests.add_paragraph(self.blocks, self.current_index()))

    def move_up(self) -> None:
        self._simple("move_up")

    def move_down(self) -> None:
        self._simple("move_down")

    def indent(self) -> None:
        self._simple("indent")

    def outdent(self) -> None:
        self._simple("outdent")

    def delete(self) -> None:
        self._simple("delete")

    def _simple(self, name: str) -> None:
        self._request(requests.simple(name, self.current_index(), self.tree.selected_indices()))

    def insert_suggestion(self, kind: BlockKind, text: str) -> None:
        """Insert a suggested heading: sections at the end, items under the current section."""
        self._request(requests.insert_suggestion(self.blocks, self.current_index(), kind, text))

    def show_place(self, field: str, block_id: int | None, block: int | None, offset: int, length: int = 0) -> None:
        """Select ``length`` characters at ``offset`` of a field ("chapter_title", "chapter_lead", "heading"
        or "body" of the block ``block_id``, else at position ``block``) and focus it."""
        if field in ("chapter_title", "chapter_lead"):
            select_in(self.title if field == "chapter_title" else self.lead, offset, length)
            return
        index = next((i for i, b in enumerate(self.blocks) if block_id is not None and b.id == block_id),
                     block if block is not None else -1)
        if not 0 <= index < len(self.blocks):
            return
        self.tree.select_index(index)
        select_in(self.block_editor.heading if field == "heading" else self.block_editor.body, offset, length)
