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
from fazhi_desktop.ui.chapter.outline_requests import OutlineRequest
from fazhi_desktop.ui.chapter.outline_tree import OutlineTree
from fazhi_desktop.ui.chapter.suggestion_list import SuggestionList

# (attribute, text, shortcut, tooltip)
ACTIONS = (
    ("add_sibling", "添加同级", "Ctrl+Return", "在所选条目之后添加同一级的条目"),
    ("add_child", "添加下级", "Ctrl+Shift+Return", "在所选条目之下添加下一级条目"),
    ("add_paragraph", "添加段落", "Ctrl+Alt+Return", "添加一个不编号的正文段落"),
    ("move_up", "上移", "Alt+Up", "连同下级条目一起上移"),
    ("move_down", "下移", "Alt+Down", "连同下级条目一起下移"),
    ("outdent", "升级", "Alt+Left", "提高一级：（1）→ 1. →（一）"),
    ("indent", "降级", "Alt+Right", "降低一级：（一）→ 1. →（1）"),
    ("delete", "删除", "Ctrl+Delete", "删除所选条目及其下级条目（可用 Ctrl+Z 撤销）"),
)


class ChapterEditor(QWidget):
    """Edits one chapter. Outline changes are requested as core.outline operations, never done here."""

    sig_outline_requested = Signal(str, object)
    """Apply this outline operation (label, ``OutlineOp``) to the stored chapter."""

    sig_block_edited = Signal(int, str, object)
    """(block id, field, value): a block's heading/body/run_in/internal changed."""

    sig_chapter_edited = Signal(int, str, str)
    """(chapter id, "title" or "lead", text)."""

    sig_error = Signal(str)
    """An operation was refused; the Chinese reason."""

    def __init__(self, chapter: Chapter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert chapter.id is not None
        self.chapter = chapter
        self.blocks: tuple[Block, ...] = chapter.blocks
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
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{tip}（{QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)}）")
            self.addAction(action)
            self.toolbar.addAction(action)
            self.tree.addAction(action)  # the same actions on right-click in the outline
            self.actions_by_name[name] = action
        self._layout()
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
        chapter_id = self.chapter_id
        self.title.textEdited.connect(lambda text: self.sig_chapter_edited.emit(chapter_id, "title", text))
        self.lead.textChanged.connect(
            lambda: self.sig_chapter_edited.emit(chapter_id, "lead", self.lead.toPlainText()))
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

    def _on_selected(self, index: int) -> None:
        if 0 <= index < len(self.blocks):
            self.block_editor.set_block(self.blocks[index], block_numbers(self.blocks)[index])
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

    def _edit_block(self, field: str, value: object) -> None:
        index = self.current_index()
        if not 0 <= index < len(self.blocks):
            return
        block = replace(self.blocks[index], **{field: value})  # type: ignore[arg-type]
        self.blocks = (*self.blocks[:index], block, *self.blocks[index + 1:])
        self.tree.update_block(index, block)
        assert block.id is not None
        self.sig_block_edited.emit(block.id, field, value)

    # ---- outline requests (the window applies them through the store) ----------------------
    def _request(self, request: OutlineRequest | None) -> None:
        if request is None or self.read_only:  # e.g. a double-clicked suggestion while viewing only
            return
        self._type_into_new_block = request.new_block  # after adding, the cursor goes to the new block
        self.sig_outline_requested.emit(request.label, request.op)
        self._type_into_new_block = False

    def _simple(self, name: str) -> None:
        self._request(requests.simple(name, self.current_index()))

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

    def insert_suggestion(self, kind: BlockKind, text: str) -> None:
        """Insert a suggested heading: sections at the end, items under the current section."""
        self._request(requests.insert_suggestion(self.blocks, self.current_index(), kind, text))

    def show_place(self, field: str, block_id: int | None, block: int | None, offset: int) -> None:
        """Select and focus a place: field "chapter_title", "chapter_lead", "heading" or "body"."""
        if field == "chapter_title":
            self.title.setFocus()
            return
        if field == "chapter_lead":
            self.lead.setFocus()
            return
        index = next((i for i, b in enumerate(self.blocks) if block_id is not None and b.id == block_id),
                     block if block is not None else -1)
        if not 0 <= index < len(self.blocks):
            return
        self.tree.select_index(index)
        if field == "heading":
            self.block_editor.heading.setFocus()
            self.block_editor.heading.setCursorPosition(offset)
            return
        cursor = self.block_editor.body.textCursor()
        cursor.setPosition(min(offset, len(self.block_editor.body.toPlainText())))
        self.block_editor.body.setTextCursor(cursor)
        self.block_editor.body.setFocus()
