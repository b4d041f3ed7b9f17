"""Fixtures for the window tests: a real temporary database and Qt's Chinese translation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from fazhi_desktop.core.model import Report
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.qt_translations import install_qt_translations
from fazhi_desktop.ui.window.main_window import MainWindow
from fazhi_desktop.ui.window.ui_settings import open_settings

_installed: list[bool] = []


@pytest.fixture(autouse=True)
def chinese_qt(qapp: QApplication) -> bool:
    """Install qtbase_zh_CN once per session, like launch() does; fixed font for stable layouts."""
    if not _installed:
        _installed.append(install_qt_translations(qapp))
        qapp.setFont(QFont(["WenQuanYi Micro Hei", "Noto Sans CJK SC"], 10))
    return _installed[0]


@pytest.fixture
def window(qtbot, store: ReportStore, db_path: Path, tmp_path: Path) -> Iterator[MainWindow]:
    w = MainWindow(store, open_settings(tmp_path / "settings"), db_path)
    qtbot.addWidget(w)
    yield w
    w.close()  # flushes while the database is still open


@pytest.fixture
def demo_window(window: MainWindow, stored_demo: Report) -> MainWindow:
    assert stored_demo.id is not None
    window.open_report(stored_demo.id)
    return window
