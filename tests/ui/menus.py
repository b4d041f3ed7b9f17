"""Right-clicking a widget as the clerk does and reading the menu that opens (then closing it)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget


@dataclass(frozen=True)
class Entry:
    """One entry of an opened menu: its object name, text, whether it can be chosen, and the action if
    it is one of the window's (for triggering after the menu is gone)."""

    name: str
    text: str
    enabled: bool
    window_action: QAction | None


class _Catch(QObject):
    def __init__(self, window_actions: list[QAction]) -> None:
        super().__init__()
        self.window_actions = window_actions
        self.menus: list[list[Entry]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QMenu):
            self.menus.append([Entry(a.objectName(), a.text(), a.isEnabled() and a.isVisible(),
                                     next((w for w in self.window_actions if w is a), None))
                               for a in watched.actions() if a.isVisible()])
            QTimer.singleShot(0, watched.close)
        return False


def right_click_menu(target: QWidget, window_actions: list[QAction], at: QPoint | None = None) -> list[Entry]:
    """The entries of the menu a right-click on ``target`` opens ([] when none opens)."""
    point = at or QPoint(5, 5)
    catch = _Catch(window_actions)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(catch)
    try:
        QTest.mouseMove(target, point)  # the mouse comes first (a text box watches its viewport from then on)
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, target.mapToGlobal(point))
        QApplication.sendEvent(target, event)
    finally:
        app.removeEventFilter(catch)
    return catch.menus[0] if catch.menus else []
