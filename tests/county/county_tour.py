"""Run by tests/county/test_county_screens.py in a fresh process per screen: the 汇总 board and its dialogs
(导入名单, 收取报告 with a collection listed, the 请稍候 of a collection) on an offscreen screen of a given size
and scale, a screenshot of each, and every button shown checked to lie on the screen.
Usage: python -m tests.county.county_tour WIDTHxHEIGHT SCALE OUT_DIR FOLDER (FOLDER: received files)

(The way tests/ui/screen_tour.py does it for the report window; a process per screen because the screen
and QT_SCALE_FACTOR are read when QApplication starts.)
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

SIZE, SCALE, OUT, FOLDER = sys.argv[1], sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
WIDTH, HEIGHT = (int(n) for n in SIZE.split("x"))
WORK = Path(tempfile.mkdtemp(prefix="fazhi-county-tour-"))
(WORK / "screen.json").write_text(json.dumps({"screens": [
    {"name": "tour", "x": 0, "y": 0, "width": WIDTH, "height": HEIGHT, "logicalDpi": 96, "dpr": 1}]}))
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={WORK / 'screen.json'}"
os.environ["QT_SCALE_FACTOR"] = SCALE

from PySide6.QtCore import QRect  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QWidget  # noqa: E402

from fazhi_desktop.storage.county import CountyStore  # noqa: E402
from fazhi_desktop.storage.session import open_session  # noqa: E402
from fazhi_desktop.ui.window import launcher  # noqa: E402

app = launcher.application()
app.setFont(QFont(["WenQuanYi Micro Hei", "Noto Sans CJK SC"], 10))
NAME = f"{SIZE}@{round(float(SCALE) * 100)}"
problems: list[str] = []
shots: list[str] = []


def _outside(widget: QWidget, area: QRect) -> bool:
    rect = QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():  # a button scrolled out of view is reached by scrolling
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent.objectName() == "qt_scrollarea_viewport":
            rect = rect.intersected(QRect(parent.mapToGlobal(parent.rect().topLeft()), parent.size()))
            if rect.isEmpty():
                return False
        parent = parent.parentWidget()
    window = widget.window()
    inside = QRect(window.mapToGlobal(window.rect().topLeft()), window.size()).adjusted(-1, -1, 1, 1)
    return not (area.adjusted(-1, -1, 1, 1).contains(rect) and inside.contains(rect))


def check(top: QWidget, what: str) -> None:
    app.processEvents()
    screen = top.screen() or app.primaryScreen()
    area = screen.availableGeometry()
    if not area.adjusted(-1, -1, 1, 1).contains(top.frameGeometry()):
        problems.append(f"{NAME} {what}: window {top.frameGeometry()} not inside {area}")
    for button in top.findChildren(QAbstractButton):
        if button.isVisible() and button.window() is top and _outside(button, area):
            problems.append(f"{NAME} {what}: button “{button.text() or type(button).__name__}” off the screen")
    path = OUT / f"{NAME}-{what}.png"
    top.grab().save(str(path))
    shots.append(path.name)


def tour() -> None:
    from fazhi_desktop.ui.county.collect_dialog import CollectDialog
    from fazhi_desktop.ui.county.collect_progress import CollectProgress
    from fazhi_desktop.ui.county.roster_dialog import RosterDialog
    from tests.county.fixture import ROSTER, unit

    db = WORK / "县.db"
    session = open_session(db)
    county = CountyStore(session.store)
    county.set_county_name("安平县")
    county.add_to_roster([unit(n) for n in ROSTER])
    window = launcher.build_window(session.store, db)
    window.show_first()
    window.county.act_show.trigger()
    window.county.view.set_years([2025], 2025)
    check(window, "1-汇总")
    roster = RosterDialog("安平县", window, {})
    roster.paste.setPlainText("\n".join(ROSTER))
    roster.show()
    check(roster, "2-导入名单")
    roster.close()
    collect = CollectDialog(2025, ROSTER, window.county.run_collect, window.county.run_assign, window)
    collect.received.setDate(collect.received.date().fromString("2026-02-27", "yyyy-MM-dd"))
    collect.show()
    collect.run([FOLDER])
    collect.table.selectRow(0)
    check(collect, "3-收取报告")
    progress = CollectProgress(collect)
    progress.setLabelText("正在读取第12个文件（共36个）：县住房和城乡建设局2025年度法治政府建设情况报告.docx")
    progress.setMaximum(36)
    progress.setValue(11)
    progress.show()
    check(progress, "4-请稍候")
    progress.close()
    collect.close()
    window.county.refresh()
    window.county.figures.board.wait()
    check(window, "5-汇总（已收取）")
    window.close()
    session.close()


tour()
(OUT / f"{NAME}.json").write_text(json.dumps({"problems": problems, "shots": shots}, ensure_ascii=False))
print(json.dumps({"problems": problems, "shots": shots}, ensure_ascii=False))
