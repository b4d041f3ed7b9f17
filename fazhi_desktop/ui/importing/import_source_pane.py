"""The import preview's right side: the original text, removed lines greyed, and the list to keep them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QSplitter, QTextEdit, QVBoxLayout, QWidget

from fazhi_desktop.core.cleanup import Removed
from fazhi_desktop.ui.importing.removed_lines_list import RemovedLinesList

_GREY = "#9a9a9a"


class ImportSourcePane(QWidget):
    """原文 (read-only; the lines cleanup removed are grey and struck through) above 删除的行 (tick to keep)."""

    sig_keep_changed = Signal(object)
    """The user ticked or unticked a removed line: the line numbers to keep (frozenset[int])."""

    def __init__(self, original: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = QPlainTextEdit(original)
        self.original.setReadOnly(True)
        self.removed = RemovedLinesList()
        self.removed_label = QLabel()
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel("原文（只读；灰色带删除线的是清理时删除的行）"))
        top_layout.addWidget(self.original, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.removed_label)
        bottom_layout.addWidget(self.removed, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.removed.sig_keep_changed.connect(self.sig_keep_changed)

    def show_removed(self, rows: Sequence[Removed], keep: frozenset[int]) -> None:
        """List every removable line (``keep`` ticked) and grey the removed ones in the original."""
        gone = [r for r in rows if r.line not in keep]
        self.removed_label.setText(f"清理时删除的行：{len(gone)} 行（不属于报告正文；勾选即保留）" if rows
                                   else "清理时删除的行：无")
        self.removed.set_removed(rows, keep)
        grey = QTextCharFormat()
        grey.setForeground(QColor(_GREY))
        grey.setFontStrikeOut(True)
        selections = []
        document = self.original.document()
        for row in gone:
            block = document.findBlockByNumber(row.line - 1)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = grey
            selections.append(selection)
        self.original.setExtraSelections(selections)

    def show_text(self, text: str) -> None:
        """Select the start of ``text`` in the original, when it is there verbatim."""
        needle = text.strip()[:12]
        if not needle:
            return
        found = self.original.document().find(needle)
        if not found.isNull():
            self.original.setTextCursor(found)
            self.original.centerCursor()
