"""Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z in a text field undo and redo the report's history (编辑 → 撤销/重做),
exactly as in the outline; a field's own undo would know only its own typing. A paste is one step."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from fazhi_desktop.ui.edit import steps

HISTORY_KEYS = ("Ctrl+Z", "Ctrl+Y", "Ctrl+Shift+Z")


class _UndoKeys(QObject):
    """Lets the window's 撤销/重做 shortcuts fire in the watched field instead of the field's own undo."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._keys = [QKeySequence(k) for k in HISTORY_KEYS]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in self._keys):
                event.ignore()  # not the field's: the window's shortcut takes it
                return True
        elif (kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Paste)):
            steps.own_step()  # a paste is an undo step of its own
        return False


def route_undo_keys(*fields: QWidget) -> None:
    """Make ``fields`` (line and text fields of the report) use the report's undo history."""
    for field in fields:
        if isinstance(field, QPlainTextEdit):
            field.setUndoRedoEnabled(False)  # its own stack would fight the report's
        elif not isinstance(field, QLineEdit):
            continue
        field.installEventFilter(_UndoKeys(field))
