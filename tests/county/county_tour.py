"""Run by tests/county/test_county_screens.py in a fresh process per screen: the 汇总 board and its dialogs
(导入名单, 收取报告 with a collection listed, the 请稍候 of a collection) on an offscreen screen of a given size
and scale, a screenshot of each, and every button shown checked to lie on the screen.
Usage: python -m tests.county.county_tour WIDTHxHEIGHT SCALE OUT_DIR FOLDER (FOLDER: received files)

(The way tests/ui/screen_tour.py does it for the report window; a process per screen because the screen
and QT_SCALE_FACTOR are read when QApplication starts.)
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.ui.tour_screen import ScreenCheck, offscreen_screen

SIZE, SCALE, OUT, FOLDER = sys.argv[1], sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
_, _, WORK = offscreen_screen(SIZE, SCALE, "fazhi-county-tour-")

from PySide6.QtGui import QFont  # noqa: E402

from fazhi_desktop.storage.county import CountyStore  # noqa: E402
from fazhi_desktop.storage.session import open_session  # noqa: E402
from fazhi_desktop.ui.window import launcher  # noqa: E402

app = launcher.application()
app.setFont(QFont(["WenQuanYi Micro Hei", "Noto Sans CJK SC"], 10))
NAME = f"{SIZE}@{round(float(SCALE) * 100)}"
screen_check = ScreenCheck(NAME, OUT)
check = screen_check.check


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
screen_check.report()
