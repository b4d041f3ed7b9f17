"""UI preferences and window geometry: an INI file in the data folder, never report content."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from fazhi_desktop.ui.common.screen_fit import MAXIMISE_BELOW, available, centred, clamp_into, fit_size

SETTINGS_FILE = "settings.ini"
FIRST_SIZE = QSize(1360, 860)  # a first window on a large screen: room for the outline and the text


def open_settings(data_dir: Path) -> QSettings:
    """The INI settings beside the database, so portable mode carries them along (packaging §5.8)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)


def restore_geometry(window: QWidget, settings: QSettings) -> bool:
    """The saved size and place, moved and shrunk onto a screen that is there now; without one, a first
    size from the screen. True: show the window maximised (a first start on a small screen)."""
    geometry = settings.value("main/geometry")
    if geometry is not None and window.restoreGeometry(geometry):
        if not window.isMaximized():
            window.setGeometry(clamp_into(window.geometry(), _best_area(window.geometry())))
        return False
    area = available(window)
    if area.width() < MAXIMISE_BELOW.width() or area.height() < MAXIMISE_BELOW.height():
        window.resize(fit_size(FIRST_SIZE, area, 1.0))  # the size it has when un-maximised
        window.move(centred(window.size(), area))
        return True
    window.resize(fit_size(FIRST_SIZE, area))
    window.move(centred(window.size(), area))
    return False


def _best_area(rect: QRect) -> QRect:
    """The available area of the screen showing most of ``rect`` (the primary one when none does:
    a projector or second monitor that is gone)."""
    best, shown = None, 0
    for screen in QGuiApplication.screens():
        part = screen.availableGeometry().intersected(rect)
        if part.width() * part.height() > shown:
            best, shown = screen.availableGeometry(), part.width() * part.height()
    return best if best is not None else available(None)


def save_geometry(window: QWidget, settings: QSettings) -> None:
    settings.setValue("main/geometry", window.saveGeometry())
    settings.sync()
