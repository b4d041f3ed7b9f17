"""UI preferences and window geometry: an INI file in the data folder, never report content."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

SETTINGS_FILE = "settings.ini"


def open_settings(data_dir: Path) -> QSettings:
    """The INI settings beside the database, so portable mode carries them along (packaging §5.8)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    return QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)


def restore_geometry(window: QWidget, settings: QSettings) -> None:
    """The saved size and place; 1280×800 centred when none is saved or it is off every screen."""
    geometry = settings.value("main/geometry")
    if geometry is not None and window.restoreGeometry(geometry) and _on_some_screen(window):
        return
    window.resize(1280, 800)
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        frame = window.frameGeometry()
        frame.moveCenter(screen.availableGeometry().center())
        window.move(frame.topLeft())


def _on_some_screen(window: QWidget) -> bool:
    """False when the saved place is off every screen (a projector that is gone)."""
    return any(s.availableGeometry().intersects(window.frameGeometry()) for s in QGuiApplication.screens())


def save_geometry(window: QWidget, settings: QSettings) -> None:
    settings.setValue("main/geometry", window.saveGeometry())
    settings.sync()
