"""Opening a report builds only the tab on screen; a chapter's editor, the 数据指标 table and the 检查 list
are built when their tab is first shown (or when code asks for them), in the same place, with the same tab
text, number and behaviour; and starting the program loads only what the first screen needs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QWidget

from fazhi_desktop.core.indicators import load_catalog, parse_values
from fazhi_desktop.core.model import Report
from fazhi_desktop.ui.chapter.chapter_editor import ChapterEditor
from fazhi_desktop.ui.data.indicator_table import IndicatorTable
from fazhi_desktop.ui.window.main_window import MainWindow


def _built(window: MainWindow) -> list[ChapterEditor]:
    view = window.view
    return [w for i in range(view.count()) if isinstance(w := view.widget(i), ChapterEditor)]


def test_opening_builds_no_chapter_editor_until_its_tab_is_shown(demo_window: MainWindow, qtbot,
                                                                 stored_demo: Report) -> None:
    view = demo_window.view
    assert view.currentWidget() is view.info and _built(demo_window) == []
    texts = [view.tabText(i) for i in range(view.count())]
    tips = [view.tabToolTip(i) for i in range(view.count())]
    view.setCurrentIndex(3)  # the third chapter
    editor = view.currentWidget()
    assert isinstance(editor, ChapterEditor) and _built(demo_window) == [editor]
    assert editor.chapter_id == stored_demo.chapters[2].id
    assert editor.number_label.text().startswith("三")
    assert [view.tabText(i) for i in range(view.count())] == texts  # same place, same words
    assert [view.tabToolTip(i) for i in range(view.count())] == tips
    all_editors = view.chapter_editors()
    assert [e.chapter_id for e in all_editors] == [c.id for c in stored_demo.chapters]
    assert all_editors[2] is editor and view.currentWidget() is editor


def test_a_lazily_built_editor_saves_what_is_typed(demo_window: MainWindow, qtbot) -> None:
    view = demo_window.view
    view.setCurrentIndex(2)
    editor = view.current_editor()
    assert editor is not None
    editor.lead.setPlainText("后来才打开的这一章的导语。")
    qtbot.waitUntil(lambda: demo_window.store.load_chapter(editor.chapter_id).lead == "后来才打开的这一章的导语。",
                    timeout=3000)


def test_reopening_a_report_drops_unbuilt_pages(demo_window: MainWindow, stored_demo: Report) -> None:
    view = demo_window.view
    count = view.count()
    assert stored_demo.id is not None
    demo_window.open_report(stored_demo.id)  # e.g. after the report list
    assert view.count() == count
    assert len(view.chapter_editors()) == len(stored_demo.chapters)


def _tab(window: MainWindow, text: str) -> QWidget:
    view = window.view
    return next(view.widget(i) for i in range(view.count()) if view.tabText(i) == text)


def test_figures_are_made_and_filled_when_their_tab_is_first_shown(demo_window: MainWindow,
                                                                   stored_demo: Report) -> None:
    assert stored_demo.id is not None
    demo_window.store.set_indicator_values(stored_demo.id, parse_values(load_catalog(), {"disputes_accepted": "150"}))
    demo_window.open_report(stored_demo.id)
    page = _tab(demo_window, "数据指标")
    assert not isinstance(page, IndicatorTable)  # an empty page holds the place of a tab nobody looked at
    demo_window.view.setCurrentWidget(page)
    table = _tab(demo_window, "数据指标")
    assert isinstance(table, IndicatorTable) and demo_window.view.currentWidget() is table
    assert table.table.rowCount() > 20
    assert set(table.values) == set(demo_window.store.indicator_values(stored_demo.id))
    assert table.item("disputes_accepted", 1).text().startswith("150")


def test_a_built_table_is_refilled_when_shown_after_reopening(demo_window: MainWindow, stored_demo: Report) -> None:
    assert stored_demo.id is not None
    table = demo_window.view.indicators  # made and filled
    demo_window.store.set_indicator_values(stored_demo.id, parse_values(load_catalog(), {"disputes_accepted": "150"}))
    demo_window.open_report(stored_demo.id)
    assert not table.item("disputes_accepted", 1).text().startswith("150")  # not refilled out of sight
    demo_window.view.setCurrentWidget(table)
    assert table.item("disputes_accepted", 1).text().startswith("150")


def test_code_reading_the_figures_gets_them_filled(demo_window: MainWindow) -> None:
    assert demo_window.view.indicators.table.rowCount() > 20  # e.g. 插入数据… reads the table
    assert demo_window.view.indicators is _tab(demo_window, "数据指标")


def test_a_deleted_report_is_never_loaded_into_the_table(demo_window: MainWindow) -> None:
    demo_window.view.unload()  # the open report was deleted before its figures were looked at
    demo_window.view.setCurrentWidget(_tab(demo_window, "数据指标"))
    table = _tab(demo_window, "数据指标")
    assert isinstance(table, IndicatorTable) and table.table.rowCount() == 0


def test_the_check_list_is_made_and_run_when_first_shown(demo_window: MainWindow) -> None:
    from fazhi_desktop.ui.checks.check_panel import CheckPanel

    page = _tab(demo_window, "检查")
    assert not isinstance(page, CheckPanel)
    tip = demo_window.view.tabToolTip(demo_window.view.indexOf(page))
    demo_window.view.setCurrentWidget(page)
    panel = _tab(demo_window, "检查")
    assert isinstance(panel, CheckPanel) and panel is demo_window.view.checks
    assert panel.summary.text()  # the check ran as the tab was shown
    assert demo_window.view.tabToolTip(demo_window.view.indexOf(panel)) == tip


def test_the_report_list_is_made_when_first_shown(demo_window: MainWindow) -> None:
    from fazhi_desktop.ui.reports.report_chooser import ReportChooser

    assert not demo_window.findChildren(ReportChooser)  # reopening the last report never needs the list
    demo_window.act_list.trigger()  # 报告列表…
    assert isinstance(demo_window.pages.currentWidget(), ReportChooser)
    assert demo_window.pages.currentWidget() is demo_window.chooser
    assert demo_window.chooser.list.topLevelItemCount() >= 1
    assert demo_window.windowTitle().startswith("报告列表")


OPEN_SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from fazhi_desktop import cli
from fazhi_desktop.ui.window.main_window import MainWindow

LATER = ("decimal", "fazhi_desktop.core.indicators", "fazhi_desktop.ui.reports.report_chooser",
         "fazhi_desktop.ui.datafile.about_dialog", "fazhi_desktop.ui.data.figure_picker",
         "fazhi_desktop.ui.datafile.data_actions",
         "PySide6.QtNetwork", "fazhi_desktop.commands.report_cmds", "fazhi_desktop.core.templates",
         "fazhi_desktop.core.checks", "fazhi_desktop.ui.chapter.chapter_editor",
         "fazhi_desktop.ui.chapter.outline_tree",
         "fazhi_desktop.ui.data.indicator_table", "fazhi_desktop.ui.checks.check_panel",
         "fazhi_desktop.ui.preview.preview_pane", "fazhi_desktop.ui.preview.preview_controller",
         "fazhi_desktop.ui.exporting.export_choices", "fazhi_desktop.export.preflight",
         "fazhi_desktop.ui.checks.fix_record", "difflib")

def shown_once():
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
    print("AT FIRST", [m for m in LATER if m in sys.modules])
    import PySide6.QtCore
    print("QT NAMESPACE BUILT", "Qt" in vars(PySide6.QtCore))
    window.view.setCurrentWidget(window.view.indicators)
    print("FIGURES", window.view.indicators.table.rowCount() > 20, "decimal" in sys.modules)
    return 0

QApplication.exec = staticmethod(shown_once)
sys.exit(cli.main(["--db", sys.argv[1], "--demo"]))
"""


def test_opening_the_window_loads_only_what_the_first_screen_needs(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for _ in range(2):  # the first start creates the demo report (and needs the indicator catalog for it)
        done = subprocess.run([sys.executable, "-c", OPEN_SCRIPT, str(tmp_path / "fazhi.db")], env=env,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
    assert "AT FIRST []" in done.stdout  # the list, dialogs, figures and networking come when used
    assert "FIGURES True True" in done.stdout
    # PySide6 builds the Qt namespace's 93 enums (~13 ms) on first use; see fazhi_desktop/ui/__init__.py
    assert "QT NAMESPACE BUILT False" in done.stdout
