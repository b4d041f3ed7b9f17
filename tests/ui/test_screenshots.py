"""Screenshots of the demo report at 1280×800 for people to look at (artifacts, not golden pixels).

They are written to ``build/screenshots`` (or ``$FAZHI_SCREENSHOT_DIR``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from fazhi_desktop.core.indicators import load_catalog, parse_values
from fazhi_desktop.resources import load_json
from fazhi_desktop.ui.window.main_window import MainWindow

OUT = Path(os.environ.get("FAZHI_SCREENSHOT_DIR") or Path(__file__).resolve().parents[2] / "build" / "screenshots")


@pytest.fixture
def shown(qtbot, demo_window: MainWindow) -> MainWindow:
    report_id = demo_window.view.report_id or 0  # the demo's figures, as ``--demo`` stores them
    figures = load_json("demo", "demo-report.json").get("indicators", {})
    demo_window.store.set_indicator_values(report_id, parse_values(load_catalog(), figures))
    demo_window.open_report(report_id)
    demo_window.resize(1280, 800)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    return demo_window


def _save(window: MainWindow, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()  # let the status bar lay out its new texts
    path = OUT / f"{name}.png"
    pixmap = window.grab()
    assert pixmap.save(str(path))
    assert (pixmap.width(), pixmap.height()) == (1280, 800)
    return path


def test_screenshots_of_chooser_info_and_chapter(shown: MainWindow) -> None:
    shown.show_chooser()
    assert _save(shown, "chooser").stat().st_size > 10_000
    shown.open_report(shown.view.report_id or 0)
    shown.view.setCurrentIndex(0)
    assert _save(shown, "info").stat().st_size > 10_000
    shown.view.setCurrentIndex(1)
    editor = shown.view.current_editor()
    assert editor is not None
    editor.tree.select_index(1)
    assert _save(shown, "chapter").stat().st_size > 10_000
    shown.view.setCurrentWidget(shown.view.indicators)
    assert _save(shown, "indicators").stat().st_size > 10_000
    editor.block_editor.body.insertPlainText("落实《法治政府建设实施纲要(2021-2025年)》。。")
    shown.view.setCurrentWidget(shown.view.checks)
    assert _save(shown, "checks").stat().st_size > 10_000
    for i in range(shown.view.count()):  # every tab's text is shown in full
        bar = shown.view.tabBar()
        assert bar.tabRect(i).width() >= bar.fontMetrics().horizontalAdvance(bar.tabText(i))
