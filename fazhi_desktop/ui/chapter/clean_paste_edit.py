"""A body text box whose paste repairs text copied from PDFs and web pages (core.cleanup)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from fazhi_desktop.ui.edit import steps


class CleanPasteEdit(QPlainTextEdit):
    """Pasted text is cleaned: lines broken mid-sentence joined, page numbers and web clutter dropped,
    stray spaces between Chinese characters removed, control characters gone. Typing is untouched."""

    sig_paste_cleaned = Signal(str)
    """A paste was changed by the cleanup; the argument says how, in Chinese, for the status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if not source.hasText():
            super().insertFromMimeData(source)
            return
        raw = source.text()
        steps.own_step()  # a paste is one undo step (Ctrl+V and dropped text alike)
        from fazhi_desktop.core.cleanup import clean_paste  # its big regexes compile on the first paste

        cleaned = clean_paste(raw)
        self.insertPlainText(cleaned.text)
        if cleaned.text != raw.strip() and cleaned.text != raw:
            removed = f"，删除页码或网页杂项 {len(cleaned.removed)} 行" if cleaned.removed else ""
            self.sig_paste_cleaned.emit(f"粘贴的文字已整理（合并断行、去掉多余空格{removed}）")
