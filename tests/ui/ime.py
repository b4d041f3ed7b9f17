"""Typing Chinese the way it really arrives: committed by an input method (QTest only types ASCII)."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def ime_type(widget: QWidget, text: str) -> None:
    """Commit ``text`` into ``widget`` as the input method does after 拼音 selection."""
    target = widget.focusProxy() or widget
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(target, event)
