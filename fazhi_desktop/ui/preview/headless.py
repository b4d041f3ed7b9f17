"""A Qt GUI application for drawing pages outside the window (the command line's PDF and PNG files):
fonts and painting need a QGuiApplication, not a screen."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication


def ensure_gui_app() -> QCoreApplication:
    """The running application, or a new QGuiApplication that needs no display: on Linux (and 信创
    desktops) Qt's offscreen platform, which reads the same fonts through fontconfig; on Windows the
    normal platform, which opens no window either."""
    app = QCoreApplication.instance()
    if app is not None:
        return app
    if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication(["fazhi-desktop"])
