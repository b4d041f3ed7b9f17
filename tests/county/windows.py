"""Opening the main window on a county data file at 1024×768 for the 汇总 tests, and their screenshots."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from fazhi_desktop.storage.database import open_database
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.window.main_window import MainWindow
from fazhi_desktop.ui.window.ui_settings import open_settings

OUT = Path(os.environ.get("FAZHI_SCREENSHOT_DIR") or Path(__file__).resolve().parents[2] / "build" / "screenshots")


def open_window(qtbot, db: Path, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    QApplication.instance().setFont(QFont(["WenQuanYi Micro Hei", "Noto Sans CJK SC"], 10))  # type: ignore[union-attr]
    store = ReportStore(open_database(db, journal="delete"))
    window = MainWindow(store, open_settings(tmp_path / "settings"), db)
    qtbot.addWidget(window)
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def shot(widget, name: str, size: tuple[int, int] | None = (1024, 768)) -> Path:  # type: ignore[no-untyped-def]
    OUT.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    path = OUT / f"{name}.png"
    pixmap = widget.grab()
    assert pixmap.save(str(path))
    if size is not None:
        assert (pixmap.width(), pixmap.height()) == size
    return path
