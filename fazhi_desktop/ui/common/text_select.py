"""Selecting a span of text in a line or text field and bringing it into view."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QWidget


def select_in(field: QWidget, offset: int, length: int = 0) -> None:
    """Focus ``field`` and select ``length`` characters from ``offset`` (0: put the cursor there); in a
    date box, of the date as it reads (2026年1月16日)."""
    if isinstance(field, QAbstractSpinBox):
        field.setFocus()
        inner = field.findChild(QLineEdit)
        if inner is not None:
            select_in(inner, offset, length)
        return
    if isinstance(field, QLineEdit):
        start = max(0, min(offset, len(field.text())))
        if length:
            field.setSelection(start, min(length, len(field.text()) - start))
        else:
            field.setCursorPosition(start)
    elif isinstance(field, QPlainTextEdit):
        from PySide6.QtGui import QTextCursor  # (on a jump to a finding, not while the window is built)

        size = len(field.toPlainText())
        cursor = field.textCursor()
        start = max(0, min(offset, size))
        cursor.setPosition(start)
        if length:
            cursor.setPosition(min(start + length, size), QTextCursor.MoveMode.KeepAnchor)
        field.setTextCursor(cursor)
        field.ensureCursorVisible()
    field.setFocus()
