"""Issue 18, item 1: the window and every dialog fit the screen — 1024×768, 1366×768, 1440×900 and
1920×1080, and 1920×1080 at 125, 150 and 200 % — with a screenshot of each (build/screenshots/screens/,
to look at) and every button shown checked to lie on the screen (tests/ui/screen_tour.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.screen_fit import MAXIMISE_BELOW, clamp_into, fit_size
from fazhi_desktop.ui.window.main_window import MainWindow
from fazhi_desktop.ui.window.ui_settings import open_settings

REPO = Path(__file__).resolve().parents[2]
OUT = Path(os.environ.get("FAZHI_SCREENSHOT_DIR") or REPO / "build" / "screenshots") / "screens"
SCREENS = [("1024x768", "1"), ("1366x768", "1"), ("1440x900", "1"), ("1920x1080", "1"),
           ("1920x1080", "1.25"), ("1920x1080", "1.5"), ("1920x1080", "2"), ("1366x768", "1.5")]
SHOTS = 14  # the report list, 基本信息, a chapter, 数据指标, 检查, seven dialogs and the 预览 (one and two pages)


def _tour(size: str, scale: str) -> dict[str, list[str]]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run([sys.executable, "-m", "tests.ui.screen_tour", size, scale, str(OUT)], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, list[str]] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_every_window_and_dialog_fits_every_screen() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda screen: _tour(*screen), SCREENS))
    problems = [p for r in results for p in r["problems"]]
    assert problems == []
    assert [len(r["shots"]) for r in results] == [SHOTS] * len(SCREENS)
    assert all((OUT / shot).stat().st_size > 5_000 for r in results for shot in r["shots"])


def _available() -> QRect:
    screen = QApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def test_a_saved_place_off_every_screen_is_brought_back(qtbot, store: ReportStore, db_path: Path,
                                                        tmp_path: Path) -> None:
    settings = open_settings(tmp_path / "s")
    first = MainWindow(store, settings, db_path)
    qtbot.addWidget(first)
    first.setGeometry(-274, -176, 1919, 1200)  # as saved on a bigger monitor that is gone
    first.close()
    second = MainWindow(store, open_settings(tmp_path / "s"), db_path)
    qtbot.addWidget(second)
    assert _available().contains(second.geometry())
    assert not second.start_maximised  # the clerk's own size, only made to fit
    second.close()


def test_a_first_start_on_a_small_screen_is_maximised(qtbot, store: ReportStore, db_path: Path,
                                                       tmp_path: Path) -> None:
    window = MainWindow(store, open_settings(tmp_path / "new"), db_path)
    qtbot.addWidget(window)
    area = _available()
    assert area.width() < MAXIMISE_BELOW.width() or area.height() < MAXIMISE_BELOW.height()
    assert window.start_maximised
    window.show_first()
    assert window.isMaximized()
    window.close()


@pytest.mark.parametrize(("rect", "area"), [
    (QRect(-274, -176, 1919, 1200), QRect(0, 0, 1366, 728)),
    (QRect(1500, 900, 800, 600), QRect(0, 0, 1920, 1040)),
    (QRect(100, 100, 800, 600), QRect(1920, 0, 1280, 1024)),  # on a second screen to the right
])
def test_clamping_keeps_the_window_and_its_title_bar_inside(rect: QRect, area: QRect) -> None:
    clamped = clamp_into(rect, area)
    assert area.contains(clamped.adjusted(-8, -40, 8, 8))  # the frame and title bar too
    assert clamped.size() == rect.size().boundedTo(clamped.size())


def test_sizes_from_the_screen_never_exceed_it() -> None:
    for area in (QRect(0, 0, 1024, 728), QRect(0, 0, 911, 512)):
        size = fit_size(area.size() * 2, area)
        assert size.width() < area.width() and size.height() < area.height()
