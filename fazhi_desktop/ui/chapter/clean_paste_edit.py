"""A body text box whose paste repairs text copied from PDFs, web pages and Word (core.cleanup)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget

from fazhi_desktop.ui.edit import steps

RAW_PASTE_KEYS = "Ctrl+Shift+V"

class CleanPasteEdit(QPlainTextEdit):
    """Pasted text goes through the same cleanup as an import: lines broken mid-sentence joined, page
    numbers and web clutter dropped (each named in the status bar), tables written out as text, stray
    spaces and half-width punctuation fixed. The paste is two undo steps — the text as copied, then the
    cleanup — so one Ctrl+Z (the report's undo) gives back the original paste. 粘贴原文 (Ctrl+Shift+V) pastes without
    cleanup. Typing is untouched."""

    sig_paste_cleaned = Signal(str)
    """A paste was changed by the cleanup; the argument says how, in Chinese, for the status bar."""

    sig_figures_found = Signal(object)
    """The paste held a table whose rows match 数据指标 indicators: the core.tables.TableFigure tuple."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.raw_paste = QAction("粘贴原文（不整理）", self)
        self.raw_paste.setShortcuts([QKeySequence(RAW_PASTE_KEYS)])
        self.raw_paste.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.raw_paste.triggered.connect(self.paste_original)
        self.addAction(self.raw_paste)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if not source.hasText():
            super().insertFromMimeData(source)
            return
        from fazhi_desktop.core.cleanup import clean_paste, source_lines  # big regexes compile on the first paste
        from fazhi_desktop.core.issues import paste_message

        raw = source.text()
        original = "\n".join(source_lines(raw))  # only control characters go: nothing a file may not hold
        cleaned = clean_paste(raw)
        start = self._insert_block(original, None)
        if cleaned.text == original or cleaned.text == original.strip():
            return
        self._insert_block(cleaned.text, start)  # a second undo step: Ctrl+Z restores the paste as copied
        self.sig_paste_cleaned.emit(paste_message(cleaned, original))
        if cleaned.figures:
            self.sig_figures_found.emit(cleaned.figures)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+Shift+V also where the action's shortcut does not reach (a text box takes its key events first)
        if QKeySequence(event.keyCombination()) == QKeySequence(RAW_PASTE_KEYS):
            event.accept()
            self.paste_original()
            return
        super().keyPressEvent(event)

    def paste_original(self) -> None:
        """粘贴原文: the clipboard's text as copied (only control characters removed), one undo step."""
        if self.isReadOnly():
            return
        from fazhi_desktop.core.cleanup import source_lines

        text = QGuiApplication.clipboard().text()
        if text:
            self._insert_block("\n".join(source_lines(text)), None)
            self.sig_paste_cleaned.emit("已粘贴原文，未作整理（按 Ctrl+V 粘贴可自动整理）。")

    def _insert_block(self, text: str, since: int | None) -> int:
        """Insert ``text`` as one undo step, over the selection or over everything from ``since`` to the
        cursor; the position where it starts."""
        cursor = self.textCursor()
        if since is not None:
            end = cursor.position()
            cursor.setPosition(since)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        start = cursor.selectionStart()
        steps.own_step()  # one step of the report's undo history (Ctrl+V, a drop, 粘贴原文, the cleanup)
        cursor.beginEditBlock()
        cursor.insertText(text)
        cursor.endEditBlock()
        self.setTextCursor(cursor)
        return start

    def context_menu(self, pos: QPoint) -> QMenu:
        """The standard menu, with 粘贴原文 right after 粘贴."""
        menu = self.createStandardContextMenu(pos)
        self.raw_paste.setEnabled(not self.isReadOnly() and bool(QGuiApplication.clipboard().text()))
        actions = menu.actions()
        at = next((i for i, a in enumerate(actions) if a.objectName() == "edit-paste"), len(actions) - 1)
        if at + 1 < len(actions):
            menu.insertAction(actions[at + 1], self.raw_paste)
        else:
            menu.addAction(self.raw_paste)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()
