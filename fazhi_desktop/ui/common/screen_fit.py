"""Windows and dialogs sized from the screen they are on: nothing a clerk needs is ever off-screen.

Laptops of 1366×768 and 1024×768, and 1920×1080 screens at 125–200 % (Windows' own advice), leave far
less room than a developer's monitor: sizes come from the available geometry of the screen, never
from fixed pixels, and what is taller than the screen scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QScrollArea, QWidget

MAXIMISE_BELOW = QSize(1440, 900)  # a first window on a screen smaller than this starts maximised
FRAME_ROOM = QSize(16, 48)  # the title bar and borders the window manager adds around a window


def screen_of(widget: QWidget | None) -> QScreen | None:
    """The screen ``widget`` (or its window) is on, else the primary screen."""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = widget.screen() if widget.isVisible() or parent is None else parent.screen()
    return screen or QGuiApplication.primaryScreen()


def available(widget: QWidget | None = None) -> QRect:
    """The area of the screen of ``widget`` that windows may use (without task bar and docks)."""
    screen = screen_of(widget)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 768)


def fit_size(wanted: QSize, area: QRect, share: float = 0.92) -> QSize:
    """``wanted``, made no bigger than ``share`` of ``area`` less the window frame."""
    width = min(wanted.width(), int(area.width() * share) - FRAME_ROOM.width())
    height = min(wanted.height(), int(area.height() * share) - FRAME_ROOM.height())
    return QSize(max(width, 200), max(height, 150))


def centred(size: QSize, area: QRect) -> QPoint:
    return QPoint(area.x() + max(0, (area.width() - size.width()) // 2),
                  area.y() + max(0, (area.height() - size.height() - FRAME_ROOM.height()) // 2))


def clamp_into(rect: QRect, area: QRect) -> QRect:
    """``rect`` moved (and shrunk if need be) so that it lies inside ``area``, frame included."""
    width = min(rect.width(), area.width() - FRAME_ROOM.width())
    height = min(rect.height(), area.height() - FRAME_ROOM.height())
    side = FRAME_ROOM.width() // 2
    x = min(max(rect.x(), area.x() + side), area.right() + 1 - width - side)
    y = min(max(rect.y(), area.y() + FRAME_ROOM.height() - side), area.bottom() + 1 - height - side)
    return QRect(x, y, width, height)


def fit_dialog(dialog: QWidget, wanted: QSize | None = None) -> None:
    """Size ``dialog`` to ``wanted`` (default: its size hint) within its screen and centre it there."""
    area = available(dialog)
    size = fit_size(wanted or dialog.sizeHint().expandedTo(dialog.minimumSizeHint()), area)
    dialog.resize(size)
    parent = dialog.parentWidget()
    if parent is not None and parent.isVisible():
        centre = parent.frameGeometry().center()
        dialog.move(centre.x() - size.width() // 2, centre.y() - size.height() // 2)
    else:
        dialog.move(centred(size, area))
    dialog.setGeometry(clamp_into(dialog.geometry(), area))


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area: a form taller than a small screen scrolls, its buttons
    (kept outside the area) stay on screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(content)
    return area
