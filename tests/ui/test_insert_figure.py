"""插入数据: a figure of the 数据指标 table written at the cursor, stored by the debounced autosave."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from fazhi_desktop.core.indicators import IndicatorValue, load_catalog, parse_values
from fazhi_desktop.resources import load_json
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.chapter.chapter_editor import ChapterEditor
from fazhi_desktop.ui.data import figure_actions
from fazhi_desktop.ui.data.figure_picker import FigureEntry, FigurePicker, figure_entries
from fazhi_desktop.ui.window.main_window import MainWindow

OUT = Path(os.environ.get("FAZHI_SCREENSHOT_DIR") or Path(__file__).resolve().parents[2] / "build" / "screenshots")


@pytest.fixture
def figures_window(demo_window: MainWindow, store: ReportStore) -> MainWindow:
    """The demo report with its figures stored (as ``--demo`` does), reopened so the table shows them."""
    report_id = demo_window.view.report_id or 0
    store.set_indicator_values(report_id, parse_values(load_catalog(), load_json("demo", "demo-report.json")
                                                       ["indicators"]))
    demo_window.open_report(report_id)
    return demo_window


def _demo_values() -> dict[str, IndicatorValue]:
    """The whole catalog selected (as for a new report), the demo's figures filled in."""
    catalog = load_catalog()
    figures = parse_values(catalog, load_json("demo", "demo-report.json")["indicators"])
    return {i.key: IndicatorValue(i.key) for i in catalog.indicators} | figures


def _chapter(window: MainWindow, block: int | None = 1) -> ChapterEditor:
    editor = window.view.chapter_editors()[0]
    window.view.setCurrentWidget(editor)
    if block is not None:
        editor.tree.select_index(block)
    return editor


def _pick(monkeypatch: pytest.MonkeyPatch, key: str | None) -> list[list[FigureEntry]]:
    """Make the picker choose ``key`` (None: cancel); returns the lists it was offered."""
    offered: list[list[FigureEntry]] = []

    def ask(entries: list[FigureEntry], parent: object = None) -> FigureEntry | None:
        offered.append(list(entries))
        return next(e for e in entries if e.key == key) if key else None

    monkeypatch.setattr(FigurePicker, "ask", staticmethod(ask))
    return offered


def test_inserting_writes_at_the_cursor_and_reaches_the_store(qtbot, monkeypatch, figures_window: MainWindow,
                                                               store: ReportStore) -> None:
    editor = _chapter(figures_window)
    body = editor.block_editor.body
    body.setPlainText("全年调解成功率达。")  # the block's stored text is replaced: the edit is saved
    cursor = body.textCursor()
    cursor.setPosition(len("全年调解成功率达"))
    body.setTextCursor(cursor)
    _pick(monkeypatch, "mediation_success_rate")
    figures_window.figures.action.trigger()
    assert body.toPlainText() == "全年调解成功率达97.3%。"
    assert body.textCursor().position() == len("全年调解成功率达97.3%")
    assert "97.3%" in figures_window.statusBar().currentMessage()
    assert figures_window.autosaver.has_pending()
    qtbot.waitUntil(lambda: store.load_chapter(editor.chapter_id).blocks[1].body == "全年调解成功率达97.3%。",
                    timeout=5000)


def test_a_selection_is_replaced_and_the_lead_can_take_a_figure(qtbot, monkeypatch, figures_window: MainWindow,
                                                                store: ReportStore) -> None:
    editor = _chapter(figures_window)
    figures_window.show()
    qtbot.waitExposed(figures_window)
    body = editor.block_editor.body
    body.setPlainText("受理矛盾纠纷XX件")
    cursor = body.textCursor()
    cursor.setPosition(len("受理矛盾纠纷"))
    cursor.setPosition(len("受理矛盾纠纷XX件"), cursor.MoveMode.KeepAnchor)
    body.setTextCursor(cursor)
    _pick(monkeypatch, "disputes_accepted")
    figures_window.figures.insert()
    assert body.toPlainText() == "受理矛盾纠纷186件"
    editor.lead.setPlainText("本年度")
    editor.lead.setFocus()
    editor.lead.moveCursor(editor.lead.textCursor().MoveOperation.End)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.lead)
    _pick(monkeypatch, "litigation_loss_rate")
    figures_window.figures.insert()
    assert editor.lead.toPlainText() == "本年度零败诉"
    qtbot.waitUntil(lambda: store.load_chapter(editor.chapter_id).lead == "本年度零败诉", timeout=5000)
    assert store.load_chapter(editor.chapter_id).blocks[1].body == "受理矛盾纠纷186件"


def test_the_picker_lists_only_filled_figures_with_computed_rates(monkeypatch, figures_window: MainWindow) -> None:
    body = _chapter(figures_window).block_editor.body
    offered = _pick(monkeypatch, None)
    before = body.toPlainText()
    assert figures_window.figures.insert() is None  # cancelled: nothing written
    assert body.toPlainText() == before
    assert not figures_window.autosaver.has_pending()
    texts = {e.key: e.text for e in offered[0]}
    assert texts["mediation_success_rate"] == "97.3%"
    assert texts["disputes_accepted"] == "186件"
    assert texts["litigation_loss_rate"] == "零败诉"
    assert texts["fines"] == "8.65万元"
    assert texts["reconsideration_correction_rate"] == "未发生行政复议案件"
    assert "petition_satisfaction_rate" not in texts  # empty in the demo
    assert "hotline_done_rate" not in texts
    assert all(e.text for e in offered[0])


def test_not_applicable_and_empty_figures_are_not_offered() -> None:
    catalog = load_catalog()
    values = parse_values(catalog, {"disputes_accepted": "不适用", "disputes_resolved": "", "penalty_cases": "0"})
    assert [(e.key, e.text) for e in figure_entries(catalog, values)] == [("penalty_cases", "0件")]


def test_the_picker_groups_filters_and_returns_the_choice(qtbot) -> None:
    catalog = load_catalog()
    entries = figure_entries(catalog, _demo_values())
    picker = FigurePicker(entries)
    qtbot.addWidget(picker)
    groups = [item.text(0) for i in range(picker.list.topLevelItemCount()) if (item := picker.list.topLevelItem(i))]
    assert groups[0] == "组织领导" and "矛盾纠纷化解" in groups
    rows = {i.text(0): i.text(1) for i in picker.figure_items()}
    assert rows["调解成功率（计算）"] == "97.3%"
    assert len(rows) == len(entries)
    picker.filter.setText("调解")
    shown = [i.text(0) for i in picker.figure_items() if not i.isHidden()]
    assert shown == ["调解成功", "调解成功率（计算）"]
    chosen = picker.chosen()
    assert chosen is not None and chosen.key == "disputes_resolved"
    picker.filter.setText("没有这个指标")
    assert picker.chosen() is None
    ok = picker.buttons.button(picker.buttons.StandardButton.Ok)
    assert ok is not None and not ok.isEnabled() and ok.text() == "插入"


def test_picker_screenshot(qtbot) -> None:
    catalog = load_catalog()
    entries = figure_entries(catalog, _demo_values())
    picker = FigurePicker(entries)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitExposed(picker)
    for item in picker.figure_items():
        if item.text(0).startswith("调解成功率"):
            picker.list.setCurrentItem(item)
            picker.list.scrollToItem(item)
    OUT.mkdir(parents=True, exist_ok=True)
    assert picker.grab().save(str(OUT / "figure_picker.png"))


def test_nothing_filled_says_so(monkeypatch, demo_window: MainWindow) -> None:
    offered = _pick(monkeypatch, "disputes_accepted")
    _chapter(demo_window)
    assert demo_window.figures.insert() is None
    assert offered == []  # the picker is not even opened
    assert demo_window.statusBar().currentMessage() == figure_actions.NOTHING_FILLED


def test_no_block_or_no_chapter_is_a_message_not_a_crash(monkeypatch, figures_window: MainWindow) -> None:
    offered = _pick(monkeypatch, "disputes_accepted")
    editor = _chapter(figures_window, block=None)
    editor.tree.select_index(-1)
    assert editor.current_index() < 0
    figures_window.figures.action.trigger()
    assert figures_window.statusBar().currentMessage() == figure_actions.NO_BLOCK
    figures_window.view.setCurrentWidget(figures_window.view.indicators)
    figures_window.figures.action.trigger()
    assert figures_window.statusBar().currentMessage() == figure_actions.NO_CHAPTER
    figures_window.view.unload()
    assert figures_window.figures.insert() is None
    assert figures_window.statusBar().currentMessage() == figure_actions.NO_REPORT
    assert offered == []


def test_the_action_is_in_the_edit_menu_the_toolbar_and_on_ctrl_shift_d(figures_window: MainWindow) -> None:
    action = figures_window.figures.action
    assert action.shortcut() == QKeySequence("Ctrl+Shift+D")
    assert action.shortcutContext() == Qt.ShortcutContext.WindowShortcut
    # the 编辑 menu, found as a child widget (QAction.menu() wrappers are short-lived under PySide6 6.9)
    edit = next(m for m in figures_window.menuBar().findChildren(QMenu) if m.title() == "编辑(&E)")
    assert action in edit.actions()
    editor = _chapter(figures_window)
    assert action in editor.toolbar.actions()
    assert action.isEnabled()
    figures_window.show_chooser()
    assert not action.isEnabled()


def test_ctrl_shift_d_in_the_body_inserts(qtbot, monkeypatch, figures_window: MainWindow,
                                          store: ReportStore) -> None:
    editor = _chapter(figures_window)
    figures_window.show()
    qtbot.waitExposed(figures_window)
    figures_window.activateWindow()
    body = editor.block_editor.body
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is body)
    before = body.toPlainText()
    _pick(monkeypatch, "penalty_cases")
    qtbot.keyClick(body, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert body.toPlainText() == before + "46件"
    qtbot.waitUntil(lambda: store.load_chapter(editor.chapter_id).blocks[1].body == before + "46件", timeout=5000)
