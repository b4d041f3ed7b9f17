"""The 数据指标 tab of the window: the stored figures, last year beside them, edits saved like text."""

from __future__ import annotations

from decimal import Decimal

from fazhi_desktop.core.indicators import load_catalog, parse_values
from fazhi_desktop.core.model import Report
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.data.indicator_table import VALUE
from fazhi_desktop.ui.window.main_window import MainWindow


def test_edits_reach_the_store_and_the_check_compares_text_and_table(qtbot, demo_window: MainWindow,
                                                                     store: ReportStore,
                                                                     stored_demo: Report) -> None:
    assert stored_demo.id is not None
    table = demo_window.view.indicators
    demo_window.view.setCurrentWidget(table)
    table.item("disputes_accepted", VALUE).setText("100")
    qtbot.waitUntil(lambda: store.indicator_values(stored_demo.id or 0)["disputes_accepted"].value
                    == Decimal(100), timeout=5000)
    demo_window.view.setCurrentWidget(demo_window.view.checks)
    problems = [demo_window.view.checks.list.topLevelItem(i).text(3)  # type: ignore[union-attr]
                for i in range(demo_window.view.checks.list.topLevelItemCount())]
    assert any("与数据指标表中的100件不一致" in p for p in problems)  # the demo's text says 186件


def test_next_year_shows_last_years_figures(window: MainWindow, store: ReportStore,
                                            stored_demo: Report) -> None:
    assert stored_demo.id is not None
    store.set_indicator_values(stored_demo.id, parse_values(load_catalog(), {"disputes_accepted": "150"}))
    window.copy_report(stored_demo.id)
    assert window.view.report().year == 2026
    assert window.view.indicators.item("disputes_accepted", 3).text().startswith("150")


def test_a_unit_adds_its_own_indicator(monkeypatch, demo_window: MainWindow, store: ReportStore,
                                       stored_demo: Report) -> None:
    from fazhi_desktop.ui.common.dialogs import Dialogs

    answers = iter(["法治讲座", "场"])
    monkeypatch.setattr(Dialogs, "ask_text", staticmethod(lambda *a, **k: next(answers)))
    table = demo_window.view.indicators
    demo_window.view.setCurrentWidget(table)
    table.add_button.click()
    catalog = store.catalog_for_report(stored_demo.id or 0)
    added = next(i for i in catalog.indicators if i.label == "法治讲座")
    assert added.unit == "场" and added.custom
    table.item(added.key, VALUE).setText("6")
    demo_window.autosaver.flush()
    assert store.indicator_values(stored_demo.id or 0)[added.key].value == Decimal(6)
