"""What the keyboard tests share: the modifiers, and a main window shown and active as a clerk's is."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def shown(qtbot: Any, window: QWidget) -> None:
    """Show ``window`` and wait until it is the active window (keys go to it)."""
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
