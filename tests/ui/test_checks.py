"""The 检查 tab: findings of core.checks for the stored report, going to them, the safe fixes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from fazhi_desktop.core.model import Report
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.ui.ime import ime_type

SLOPPY = "落实《法治政府建设实施纲要(2021-2025年)》，全年办理案件12 件。。"


def _type_sloppy_text(window: MainWindow) -> None:
    editor = window.view.chapter_editors()[0]
    window.view.setCurrentWidget(editor)
    editor.tree.select_index(1)
    editor.block_editor.body.moveCursor(editor.block_editor.body.textCursor().MoveOperation.End)
    ime_type(editor.block_editor.body, SLOPPY)  # not saved yet: the check must see it anyway


def test_check_tab_lists_findings_of_unsaved_typing(demo_window: MainWindow) -> None:
    _type_sloppy_text(demo_window)
    demo_window.view.setCurrentWidget(demo_window.view.checks)
    panel = demo_window.view.checks
    assert demo_window.view.tabText(demo_window.view.count() - 1) == "检查"
    assert panel.list.topLevelItemCount() == 5
    first = panel.list.topLevelItem(0)
    assert first is not None
    assert first.text(0) == "警告" and first.text(1).startswith("第一章“2025年度推进法治政府")
    assert "全角" in first.text(3)
    assert panel.fix.isEnabled() and panel.fix.text() == "自动修正（5处）"


def test_clean_report_says_so(demo_window: MainWindow) -> None:
    demo_window.view.setCurrentWidget(demo_window.view.checks)
    assert demo_window.view.checks.summary.text() == "没有发现问题。"
    assert not demo_window.view.checks.fix.isEnabled()


def test_double_click_goes_to_the_place(qtbot, demo_window: MainWindow) -> None:
    _type_sloppy_text(demo_window)
    demo_window.show()
    demo_window.activateWindow()
    qtbot.waitActive(demo_window)
    panel = demo_window.view.checks
    demo_window.view.setCurrentWidget(panel)
    item = next(panel.list.topLevelItem(i) for i in range(panel.list.topLevelItemCount())
                if panel.list.topLevelItem(i).text(2) == "。。")  # type: ignore[union-attr]
    assert item is not None
    panel.list.itemActivated.emit(item, 0)
    editor = demo_window.view.current_editor()
    assert editor is not None and editor is demo_window.view.chapter_editors()[0]
    assert editor.current_index() == 1
    body = editor.block_editor.body
    qtbot.waitUntil(lambda: QApplication.focusWidget() is body)
    assert body.textCursor().selectedText() == "。。"  # the finding's text is selected (issue 18, item 10)


def test_safe_fixes_are_saved_after_a_backup(demo_window: MainWindow, store: ReportStore,
                                             stored_demo: Report, db_path: Path) -> None:
    _type_sloppy_text(demo_window)
    panel = demo_window.view.checks
    demo_window.view.setCurrentWidget(panel)
    panel.fix.click()
    assert stored_demo.id is not None
    body = store.load_report(stored_demo.id).chapters[0].blocks[1].body
    assert body.endswith("落实《法治政府建设实施纲要（2021—2025年）》，全年办理案件12件。")
    assert list((db_path.parent / "backups").glob("*-自动修正.db"))
    assert panel.summary.text() == "没有发现问题。"
    assert demo_window.view.currentWidget() is panel
    assert demo_window.view.chapter_editors()[0].blocks[1].body == body  # the editor shows the fix


def test_ignored_finding_stays_hidden_until_restored(demo_window: MainWindow, store: ReportStore,
                                                     stored_demo: Report) -> None:
    _type_sloppy_text(demo_window)
    panel = demo_window.view.checks
    demo_window.view.setCurrentWidget(panel)
    panel.list.setCurrentItem(panel.list.topLevelItem(1))  # 2021-2025: say it is meant that way
    panel.ignore.click()
    assert panel.list.topLevelItemCount() == 4
    assert panel.unignore.isVisibleTo(panel) and panel.unignore.text() == "恢复已忽略（1条）"
    demo_window.view.setCurrentIndex(0)
    demo_window.view.setCurrentWidget(panel)  # still hidden on the next check
    assert panel.list.topLevelItemCount() == 4
    panel.unignore.click()
    assert panel.list.topLevelItemCount() == 5
    assert not panel.unignore.isVisibleTo(panel)


def _body(store: ReportStore, report: Report) -> str:
    return store.load_report(report.id or 0).chapters[0].blocks[1].body


def test_fix_one_then_all_of_a_rule_then_undo(demo_window: MainWindow, store: ReportStore,
                                              stored_demo: Report) -> None:
    _type_sloppy_text(demo_window)
    panel = demo_window.view.checks
    demo_window.view.setCurrentWidget(panel)
    assert panel.list.topLevelItemCount() == 5
    original = _body(store, stored_demo)
    assert original.endswith(SLOPPY)
    first = panel.list.topLevelItem(0)  # a half-width "(" → "（"
    assert first is not None
    panel.list.setCurrentItem(first)
    assert panel.fix_one.isEnabled() and panel.fix_rule.text() == "修正同类（2处）"  # "(" and ")"
    panel.fix_one.click()
    after_one = _body(store, stored_demo)
    assert "纲要（2021-2025年)》" in after_one  # only the selected bracket
    assert panel.list.topLevelItemCount() == 4 and panel.undo_fix.isEnabled()
    bracket = next(panel.list.topLevelItem(i) for i in range(panel.list.topLevelItemCount())
                   if "全角" in panel.list.topLevelItem(i).text(3))  # type: ignore[union-attr]
    panel.list.setCurrentItem(bracket)
    panel.fix_rule.setEnabled(True)  # one left of that rule: fix_rule fixes it too
    panel.fix_rule.click()
    assert "纲要（2021-2025年）》" in _body(store, stored_demo)
    panel.undo_fix.click()
    assert _body(store, stored_demo) == after_one  # the last fix is undone
    assert not panel.undo_fix.isEnabled()
    path = Path(demo_window.db_path).parent / "backups"
    assert list(path.glob("*-自动修正.db"))  # and every fix was preceded by a backup
