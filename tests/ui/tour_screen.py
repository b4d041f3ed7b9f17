"""What the screen tours share (tests/ui/screen_tour.py, tests/county/county_tour.py): an offscreen screen of
a given size and scale, set up before the QApplication starts (it reads both then), and the check that a
window and every button shown on it lie on that screen, with a screenshot of each."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QWidget


def offscreen_screen(size: str, scale: str, prefix: str) -> tuple[int, int, Path]:
    """Width, height and a work folder; the offscreen platform is told the screen (``offscreen:configfile``,
    Qt 6.9–6.11) and QT_SCALE_FACTOR the scale (like Windows' 125/150/200 %)."""
    width, height = (int(n) for n in size.split("x"))
    work = Path(tempfile.mkdtemp(prefix=prefix))
    (work / "screen.json").write_text(json.dumps({"screens": [
        {"name": "tour", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={work / 'screen.json'}"
    os.environ["QT_SCALE_FACTOR"] = scale
    return width, height, work


def shown_part(widget: QWidget) -> tuple[QRect, bool]:
    """The part of ``widget`` not hidden by a scroll area (global coordinates), and whether it is in one:
    a button scrolled out of view is reached by scrolling, not off the screen."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QAbstractScrollArea

    rect = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())
    scrolled = False
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent.objectName() == "qt_scrollarea_viewport":
            rect = rect.intersected(QRect(parent.mapToGlobal(parent.rect().topLeft()), parent.size()))
            scrolled = True
        parent = parent.parentWidget()
    return rect, scrolled


def outside(widget: QWidget, area: QRect) -> bool:
    from PySide6.QtCore import QRect

    rect, scrolled = shown_part(widget)
    if scrolled and rect.isEmpty():
        return False
    window = widget.window()
    inside_window = QRect(window.mapToGlobal(window.rect().topLeft()), window.size()).adjusted(-1, -1, 1, 1)
    return not (area.adjusted(-1, -1, 1, 1).contains(rect) and inside_window.contains(rect))


class ScreenCheck:
    """Problems found and screenshots taken on the screen named ``name`` (e.g. 1024x768@150)."""

    def __init__(self, name: str, out: Path) -> None:
        self.name, self.out = name, out
        self.problems: list[str] = []
        self.shots: list[str] = []

    def check(self, top: QWidget, what: str) -> None:
        """``top`` and every button on it that is shown lie inside the available screen; a screenshot."""
        from PySide6.QtWidgets import QAbstractButton, QApplication

        QApplication.processEvents()
        screen = top.screen() or QApplication.primaryScreen()
        area = screen.availableGeometry()
        if not area.adjusted(-1, -1, 1, 1).contains(top.frameGeometry()):  # a pixel of rounding at 125 %
            self.problems.append(f"{self.name} {what}: window {top.frameGeometry()} not inside {area}")
        for button in top.findChildren(QAbstractButton):
            if button.isVisible() and button.window() is top and outside(button, area):
                label = button.text() or button.toolTip() or type(button).__name__
                self.problems.append(f"{self.name} {what}: button “{label}” off the screen")
        path = self.out / f"{self.name}-{what}.png"
        top.grab().save(str(path))
        self.shots.append(path.name)

    def report(self) -> None:
        """The findings as JSON: beside the screenshots, and on stdout for the test that ran the tour."""
        text = json.dumps({"problems": self.problems, "shots": self.shots}, ensure_ascii=False)
        (self.out / f"{self.name}.json").write_text(text)
        print(text)
