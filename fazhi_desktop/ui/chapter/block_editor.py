"""The selected block's heading and body, with the run-in and internal toggles."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from fazhi_desktop.core.headings import TERMINAL as RUN_IN_END
from fazhi_desktop.core.model import Block, BlockKind
from fazhi_desktop.ui.chapter.clean_paste_edit import CleanPasteEdit
from fazhi_desktop.ui.checks.finding_marks import FindingMarks
from fazhi_desktop.ui.edit.undo_keys import route_undo_keys

KIND_LABELS = {
    BlockKind.SECTION: "一级小标题（一）",
    BlockKind.ITEM: "二级小标题 1.",
    BlockKind.POINT: "三级小标题（1）",
    BlockKind.PARAGRAPH: "正文段落（不编号）",
}


def common_prefix(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


class BlockEditor(QWidget):
    """Edits one block; every keystroke is emitted for the debounced autosave."""

    sig_heading_edited = Signal(str)
    """The heading text changed."""

    sig_body_edited = Signal(str)
    """The body text changed (paragraphs separated by newlines)."""

    sig_run_in_toggled = Signal(bool)
    """The heading is now run in (True) or on its own line (False)."""

    sig_internal_toggled = Signal(bool)
    """The block is now internal (left out of the 网页公开版) or not."""

    sig_hint = Signal(str)
    """Something the editor did for the clerk, for the status bar."""

    sig_fill_figures = Signal(object)
    """填入数据指标 was pressed under a pasted table: its core.tables.TableFigure tuple."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._block_id: int | None = None
        self.read_only = False  # viewing only (see ui.read_only)
        self.kind_label = QLabel()
        self.heading = QLineEdit()
        self.heading.setPlaceholderText("标题句，如：坚持党的领导，压紧压实法治建设责任")
        self.run_in = QCheckBox("标题与正文接排（标题句后直接接正文，不单独成行）")
        self.internal = QCheckBox("内部内容（网页公开版不包含）")
        self.body = CleanPasteEdit()  # pasting from a PDF or a web page repairs the text
        self.body.setPlaceholderText("正文。每段一行，回车分段。")
        self.body.setTabChangesFocus(True)
        self.paste_note = QLabel()  # what the last paste's cleanup did, in full (the status bar cuts it off)
        self.paste_note.setWordWrap(True)
        self.paste_note.setStyleSheet("QLabel { background: #fff8e1; border: 1px solid #e0c97a; padding: 4px; }")
        self.fill_figures = QPushButton("填入数据指标")  # the figures of a pasted table, one undo step
        self.fill_figures.setToolTip("把刚粘贴的表格中与“数据指标”同名的数字填入数据指标（可撤销）")
        self.fill_figures.hide()
        self._figures: object = ()
        self._hide_paste_note()
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("层级", self.kind_label)
        form.addRow("标题", self.heading)
        form.addRow("", self.run_in)
        form.addRow("正文", self.body)
        form.addRow("", self.paste_note)
        form.addRow("", self.fill_figures)
        form.addRow("", self.internal)
        route_undo_keys(self.heading, self.body)  # Ctrl+Z/Ctrl+Y: the report's one undo history
        self.marks = FindingMarks(self.body)  # 检查's findings underlined in the text
        self._connect_signals()
        self.set_block(None)

    def _connect_signals(self) -> None:
        self.heading.textEdited.connect(self.sig_heading_edited)
        self.body.textChanged.connect(self._on_body_changed)
        self.body.sig_paste_cleaned.connect(self._show_paste_note)
        self.body.sig_figures_found.connect(self._offer_figures)
        self.fill_figures.clicked.connect(self._fill_figures)
        self.run_in.toggled.connect(self._on_run_in)
        self.internal.toggled.connect(self._on_internal)

    def set_read_only(self, read_only: bool) -> None:
        """Viewing only: the 接排 switch stays off whatever block is shown."""
        self.read_only = read_only
        self.run_in.setEnabled(not read_only and self.heading.isEnabled())
        self.internal.setEnabled(not read_only)

    def set_block(self, block: Block | None, number: str = "") -> None:
        """Show ``block`` (None: nothing selected) without emitting edits."""
        self._loading = True
        try:
            self.setEnabled(block is not None)
            if block is None:
                self._hide_paste_note()
                self._block_id = None
                self.kind_label.setText("（请在左侧选择或添加条目）")
                self.heading.clear()
                self.body.setPlainText("")
                self.run_in.setChecked(False)
                self.internal.setChecked(False)
                return
            headed = block.kind is not BlockKind.PARAGRAPH
            self.kind_label.setText(f"{KIND_LABELS[block.kind]}　当前编号：{number or '无'}")
            same = block.id is not None and block.id == self._block_id  # keep cursor and undo history
            if not same:
                self._hide_paste_note()
            if not same or self.heading.text() != block.heading:
                self.heading.setText(block.heading)
            self.heading.setEnabled(headed)
            self.run_in.setChecked(block.run_in)
            self.run_in.setEnabled(headed and not self.read_only)
            self.internal.setChecked(block.internal)
            old = self.body.toPlainText()
            if not same or old != block.body:
                self.body.setPlainText(block.body)
                if same:  # an undo or redo: the cursor where the text changed
                    cursor = self.body.textCursor()
                    cursor.setPosition(min(common_prefix(old, block.body), len(block.body)))
                    self.body.setTextCursor(cursor)
            self._block_id = block.id
        finally:
            self._loading = False

    def _show_paste_note(self, message: str) -> None:
        self.paste_note.setText(message)
        self.paste_note.show()
        self.fill_figures.hide()  # until this paste's table offers figures

    def _hide_paste_note(self) -> None:
        self.paste_note.hide()
        self.fill_figures.hide()

    def _offer_figures(self, figures: object) -> None:
        self._figures = figures
        self.fill_figures.setVisible(not self.read_only)

    def _fill_figures(self) -> None:
        self.fill_figures.hide()  # once: a second press would be a step that changes nothing
        self.sig_fill_figures.emit(self._figures)

    def _on_body_changed(self) -> None:
        if not self._loading:
            self.sig_body_edited.emit(self.body.toPlainText())

    def _on_run_in(self, checked: bool) -> None:
        if self._loading:
            return
        self.sig_run_in_toggled.emit(checked)
        heading = self.heading.text().rstrip()
        if checked and heading and not heading.endswith(tuple(RUN_IN_END)):
            # A run-in heading prints at the start of its paragraph: without a full stop it runs on. Added
            # as an edit of the line (not setText), so Ctrl+Z in the heading takes it back.
            self.heading.home(False)  # a cursor move ends the typing's undo step: Ctrl+Z removes the "。" alone
            self.heading.end(False)
            if heading != self.heading.text():
                self.heading.cursorBackward(True, len(self.heading.text()) - len(heading))
            if heading[-1] in "，,、":
                self.heading.cursorBackward(True, 1)
            self.heading.insert("。")
            self.sig_heading_edited.emit(self.heading.text())
            self.sig_hint.emit("已在接排标题末尾加“。”（在标题框中按 Ctrl+Z 可撤销）")

    def _on_internal(self, checked: bool) -> None:
        if not self._loading:
            self.sig_internal_toggled.emit(checked)

    @property
    def block_id(self) -> int | None:
        """The id of the block shown (None: none)."""
        return self._block_id

    def focus_change(self, field: str) -> None:
        """Focus the input of ``field`` (after an undo or redo changed it)."""
        widget = {"heading": self.heading, "body": self.body, "run_in": self.run_in}.get(field, self.internal)
        widget.setFocus()
