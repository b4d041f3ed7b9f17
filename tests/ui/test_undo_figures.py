"""数据指标 in the report's undo history: each accepted cell edit (a figure, a note, a source) is one undo step,
so Ctrl+Z after changing a figure brings the old figure back; a value the table refuses is no step; an undo
made from another tab shows the figure it changed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fazhi_desktop.core.indicators import load_catalog, parse_values
from fazhi_desktop.core.model import Report
from fazhi_desktop.resources import load_json
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.data.indicator_table import BAD, NOTE, VALUE, IndicatorTable
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.ui.ime import ime_type
from tests.ui.window_keys import CTRL


@pytest.fixture
def demo_window(demo_window: MainWindow, store: ReportStore, stored_demo: Report) -> MainWindow:
    """The demo report with its figures (受理矛盾纠纷 186件, 调解成功 181件, 法律援助 23件 …)."""
    figures = load_json("demo", "demo-report.json")["indicators"]
    store.set_indicator_values(stored_demo.id or 0, parse_values(load_catalog(), figures))
    demo_window.open_report(stored_demo.id or 0)
    return demo_window


def _table(qtbot, window: MainWindow) -> IndicatorTable:
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    table = window.view.indicators
    window.view.setCurrentWidget(table)
    return table


def _type_into(qtbot, table: IndicatorTable, key: str, column: int, text: str) -> None:
    """Select the cell, type over it and press Enter, as a clerk does."""
    item = table.item(key, column)
    table.table.setCurrentItem(item)
    table.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table.table)
    table.table.editItem(item)
    editor = QApplication.focusWidget()
    assert editor is not table.table
    editor.selectAll()  # type: ignore[union-attr]
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:
        ime_type(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table.table)


def _figure(store: ReportStore, report: Report, key: str) -> Decimal | None:
    return store.indicator_values(report.id or 0)[key].value


def test_ctrl_z_brings_the_old_figure_back_and_ctrl_y_the_new(qtbot, demo_window: MainWindow, store: ReportStore,
                                                              stored_demo: Report) -> None:
    table = _table(qtbot, demo_window)
    assert table.item("disputes_accepted", VALUE).text() == "186"
    index = demo_window.undo_stack.index()
    _type_into(qtbot, table, "disputes_accepted", VALUE, "190")
    demo_window.autosaver.flush()
    assert _figure(store, stored_demo, "disputes_accepted") == Decimal(190)
    assert demo_window.undo_stack.index() == index + 1
    assert demo_window.undo_stack.undoText() == "修改数据指标“受理矛盾纠纷”"
    qtbot.keyClick(table.table, Qt.Key.Key_Z, CTRL)
    assert _figure(store, stored_demo, "disputes_accepted") == Decimal(186)
    assert table.item("disputes_accepted", VALUE).text() == "186"
    assert table.values["disputes_accepted"].value == Decimal(186)
    qtbot.keyClick(table.table, Qt.Key.Key_Y, CTRL)
    assert _figure(store, stored_demo, "disputes_accepted") == Decimal(190)
    assert table.item("disputes_accepted", VALUE).text() == "190"


def test_each_accepted_edit_is_a_step_and_a_refused_one_is_none(qtbot, demo_window: MainWindow,
                                                                store: ReportStore, stored_demo: Report) -> None:
    table = _table(qtbot, demo_window)
    index = demo_window.undo_stack.index()
    _type_into(qtbot, table, "disputes_accepted", VALUE, "190")
    _type_into(qtbot, table, "disputes_accepted", VALUE, "200")  # the same cell again: a step of its own
    _type_into(qtbot, table, "disputes_accepted", NOTE, "含线上调解")
    assert demo_window.undo_stack.index() == index + 3
    _type_into(qtbot, table, "disputes_accepted", VALUE, "-5")  # refused: marked red, never saved
    assert table.item("disputes_accepted", VALUE).background().color().name() == BAD
    assert demo_window.undo_stack.index() == index + 3
    _type_into(qtbot, table, "disputes_accepted", VALUE, "很多")
    _type_into(qtbot, table, "disputes_accepted", VALUE, "210")  # corrected: one step (it used to be two)
    assert demo_window.undo_stack.index() == index + 4
    demo_window.act_undo.trigger()
    assert _figure(store, stored_demo, "disputes_accepted") == Decimal(200)
    _type_into(qtbot, table, "disputes_accepted", VALUE, "-5")
    assert demo_window.undo_stack.index() == index + 3
    demo_window.act_undo.trigger()  # the note
    assert store.indicator_values(stored_demo.id or 0)["disputes_accepted"].note == ""
    assert table.item("disputes_accepted", NOTE).text() == ""
    demo_window.act_undo.trigger()  # 200 → 190, and the refused text's red mark goes with it
    item = table.item("disputes_accepted", VALUE)
    assert _figure(store, stored_demo, "disputes_accepted") == Decimal(190) and item.text() == "190"
    assert item.background().color().name() != BAD
    demo_window.act_undo.trigger()
    assert _figure(store, stored_demo, "disputes_accepted") == Decimal(186)
    assert demo_window.undo_stack.index() == index


def test_rates_follow_an_undone_figure(qtbot, demo_window: MainWindow) -> None:
    table = _table(qtbot, demo_window)
    rate = table.item("mediation_success_rate", VALUE).text()
    _type_into(qtbot, table, "disputes_resolved", VALUE, "100")
    assert table.item("mediation_success_rate", VALUE).text() != rate
    demo_window.act_undo.trigger()
    assert table.item("mediation_success_rate", VALUE).text() == rate


def test_an_undo_from_another_tab_shows_the_figure(qtbot, demo_window: MainWindow, store: ReportStore,
                                                  stored_demo: Report) -> None:
    table = _table(qtbot, demo_window)
    _type_into(qtbot, table, "legal_aid_cases", VALUE, "30")
    demo_window.view.setCurrentWidget(demo_window.view.info)
    demo_window.act_undo.trigger()
    assert demo_window.view.currentWidget() is table
    assert table.table.currentItem() is table.item("legal_aid_cases", VALUE)
    assert _figure(store, stored_demo, "legal_aid_cases") == Decimal(23)


def test_figure_and_text_steps_interleave(qtbot, demo_window: MainWindow, store: ReportStore,
                                          stored_demo: Report) -> None:
    """A figure changed between two pieces of typing is undone in its turn, not with the typing."""
    table = _table(qtbot, demo_window)
    addressee = demo_window.view.info.report_editors["addressee"].line
    demo_window.view.setCurrentWidget(demo_window.view.info)
    addressee.end(False)
    ime_type(addressee, "甲")
    demo_window.view.setCurrentWidget(table)
    _type_into(qtbot, table, "disputes_accepted", VALUE, "190")
    demo_window.view.setCurrentWidget(demo_window.view.info)
    addressee.end(False)
    ime_type(addressee, "乙")
    demo_window.act_undo.trigger()
    demo_window.autosaver.flush()
    assert store.load_report(stored_demo.id or 0).addressee.endswith("甲")
    assert _figure(store, stored_demo, "disputes_accepted") == Decimal(190)
    demo_window.act_undo.trigger()
    assert _figure(store, stored_demo, "disputes_accepted") == Decimal(186)
    assert store.load_report(stored_demo.id or 0).addressee.endswith("甲")
