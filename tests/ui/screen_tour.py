"""Run by tests/ui/test_screen_fit.py in a fresh process per screen: the window and every dialog on an
offscreen screen of a given size and scale, a screenshot of each, and every button checked to lie on
the screen. Usage: python -m tests.ui.screen_tour WIDTHxHEIGHT SCALE OUT_DIR

The offscreen platform takes its screen from a JSON file (``offscreen:configfile=…``, Qt 6.9–6.11);
QT_SCALE_FACTOR scales like Windows' 125/150/200 %. Both are read when QApplication starts, hence a
process per screen.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from tests.ui.tour_screen import ScreenCheck, offscreen_screen

SIZE, SCALE, OUT = sys.argv[1], sys.argv[2], Path(sys.argv[3])
WIDTH, HEIGHT, WORK = offscreen_screen(SIZE, SCALE, "fazhi-tour-")

from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QDialog, QWidget  # noqa: E402

from fazhi_desktop.core.indicators import load_catalog, parse_values  # noqa: E402
from fazhi_desktop.core.serialize import report_from_dict  # noqa: E402
from fazhi_desktop.resources import load_json  # noqa: E402
from fazhi_desktop.storage.session import open_session  # noqa: E402
from fazhi_desktop.ui.window import launcher  # noqa: E402

app = launcher.application()
app.setFont(QFont(["WenQuanYi Micro Hei", "Noto Sans CJK SC"], 10))  # as the tests (see conftest)
NAME = f"{SIZE}@{round(float(SCALE) * 100)}"
screen_check = ScreenCheck(NAME, OUT)
check, problems, shots = screen_check.check, screen_check.problems, screen_check.shots


def dialog(what: str, make: Callable[[], QDialog]) -> None:
    made = make()
    made.show()  # as exec() would show it, without waiting
    check(made, what)
    made.close()
    made.deleteLater()


def control() -> None:
    """The check itself: a dialog bigger than the screen must be reported."""
    big = QDialog()
    big.resize(WIDTH + 100, HEIGHT + 100)
    big.show()
    check(big, "0-对照")
    big.close()
    found = [p for p in problems if "0-对照" in p]
    assert found, "the check did not see a window bigger than the screen"
    problems.clear()
    (OUT / f"{NAME}-0-对照.png").unlink()
    shots.clear()


def tour() -> None:
    control()
    db = WORK / "fazhi.db"
    session = open_session(db)
    store = session.store
    demo = report_from_dict(load_json("demo", "demo-report.json"))
    report = store.create_report(replace(demo, unit=store.save_unit(demo.unit)))
    assert report.id is not None
    store.set_indicator_values(report.id, parse_values(load_catalog(), load_json("demo", "demo-report.json")
                                                       ["indicators"]))
    window = launcher.build_window(store, db, demo=True)
    window.show_first()
    window.show_chooser()
    check(window, "1-报告列表")
    window.open_report(report.id)
    check(window, "2-基本信息")
    editor = window.view.chapter_editors()[0]
    window.view.setCurrentWidget(editor)
    editor.tree.select_index(1)
    check(window, "3-章节")
    window.view.setCurrentWidget(window.view.indicators)
    check(window, "4-数据指标")
    window.view.setCurrentWidget(window.view.checks)
    check(window, "5-检查")
    window.view.setCurrentWidget(editor)
    dialogs(window, db)
    preview(window)
    window.close()
    session.close()


def preview(window: QWidget) -> None:
    """The 预览 tab (Ctrl+P) with its pages laid out, the 版记 toggled on, two pages side by side."""
    import time

    from fazhi_desktop.ui.window.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.act_preview.trigger()
    pane = window.view.preview
    pane.toggles["imprint"].setChecked(True)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not (window.preview.controller.plan is not None
                                               and any(r.kind == "imprint" for p in pane.canvas.layout_.pages
                                                       for r in p.rows)):
        app.processEvents()
        time.sleep(0.01)
    check(window, "13-预览")
    pane.two_up.setChecked(True)
    pane.canvas.scroll_to_page(window.preview.controller.plan.pages if window.preview.controller.plan else 1)
    check(window, "14-预览双页")


def dialogs(window: QWidget, db: Path) -> None:
    from fazhi_desktop.core.model import Report
    from fazhi_desktop.importers.load import import_file
    from fazhi_desktop.ui.data.figure_picker import FigurePicker, figure_entries
    from fazhi_desktop.ui.datafile.about_dialog import AboutDialog
    from fazhi_desktop.ui.datafile.restore_dialog import RestoreDialog
    from fazhi_desktop.ui.edit.find_actions import show_find_dialog
    from fazhi_desktop.ui.exporting.export_dialog import ExportDialog
    from fazhi_desktop.ui.importing.import_preview_dialog import ImportPreviewDialog
    from fazhi_desktop.ui.reports.new_report_dialog import NewReportDialog
    from fazhi_desktop.ui.window.main_window import MainWindow

    assert isinstance(window, MainWindow)
    table = window.view.indicators
    assert table.catalog is not None
    report: Report = window.view.report()
    dialog("6-插入数据", lambda: FigurePicker(figure_entries(table.catalog, table.values), window))
    dialog("7-导出Word", lambda: ExportDialog(report, Path.home() / "报告.docx", window,
                                             "导出前检查：警告1处。可以直接导出。"))
    dialog("8-新建报告", lambda: NewReportDialog(["示例镇", "千佛镇"], 2025, window))
    dialog("9-关于", lambda: AboutDialog(db, window))
    from fazhi_desktop.storage.backups import backup_dir_for, list_backups, make_backup

    make_backup(window.store.db, db, "测试")
    dialog("10-从备份恢复", lambda: RestoreDialog(list_backups(backup_dir_for(db)), window))
    # a county-website copy from the project's own corpus (web chrome, removed lines listed): a fresh clone has it
    imported = import_file(Path(__file__).resolve().parents[1] / "fixtures" / "ingest" / "web-a-qingshi-2023.txt")
    dialog("11-导入预览", lambda: ImportPreviewDialog(imported, lambda _u, _y: False, window))
    find = show_find_dialog(window, True)
    find.dialog.needle.setText("示例镇")
    check(find.dialog, "12-查找和替换")
    find.dialog.close()


tour()
screen_check.report()
