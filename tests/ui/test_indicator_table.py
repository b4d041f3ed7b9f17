"""The 数据指标 tab: live rates, bad values marked in place and never saved."""

from __future__ import annotations

from decimal import Decimal

from pytestqt.qtbot import QtBot

from fazhi_desktop.core.indicators import IndicatorValue, load_catalog, parse_values
from fazhi_desktop.ui.data.indicator_table import BAD, VALUE, IndicatorTable

CATALOG = load_catalog()


def make(qtbot: QtBot, **texts: str) -> tuple[IndicatorTable, list[IndicatorValue]]:
    table = IndicatorTable()
    qtbot.addWidget(table)
    values = {i.key: IndicatorValue(i.key) for i in CATALOG.indicators}
    values.update(parse_values(CATALOG, texts))
    table.load(CATALOG, values, parse_values(CATALOG, {"disputes_accepted": "150"}))
    saved: list[IndicatorValue] = []
    table.sig_value_changed.connect(saved.append)
    return table, saved


def test_rate_updates_live_and_contradiction_is_marked(qtbot: QtBot) -> None:
    table, saved = make(qtbot, disputes_accepted="100", disputes_resolved="90")
    assert table.item("mediation_success_rate", VALUE).text() == "90"  # the 单位 column says %
    table.item("disputes_resolved", VALUE).setText("120")
    assert saved[-1] == IndicatorValue("disputes_resolved", Decimal(120), saved[-1].state)
    rate = table.item("mediation_success_rate", VALUE)
    assert rate.text() == "120" and rate.background().color().name() == BAD
    assert "大于" in rate.toolTip() and "错误" in table.problems.text()
    table.item("disputes_resolved", VALUE).setText("95")
    assert table.item("mediation_success_rate", VALUE).text() == "95"
    assert table.item("mediation_success_rate", VALUE).toolTip() == ""


def test_bad_values_are_marked_and_never_saved(qtbot: QtBot) -> None:
    table, saved = make(qtbot)
    for text, reason in (("-5", "负数"), ("很多", "不是数字"), ("2.5", "整数")):
        table.item("disputes_accepted", VALUE).setText(text)
        item = table.item("disputes_accepted", VALUE)
        assert item.background().color().name() == BAD and reason in item.toolTip()
    table.item("service_satisfaction", VALUE).setText("120")
    assert "100%" in table.item("service_satisfaction", VALUE).toolTip()
    assert saved == []


def test_last_year_and_change_columns(qtbot: QtBot) -> None:
    table, saved = make(qtbot, disputes_accepted="186")
    assert table.item("disputes_accepted", 3).text() == "150件"
    assert table.item("disputes_accepted", 4).text() == "+36"
    table.item("disputes_accepted", 5).setText("含线上调解")
    assert saved[-1].note == "含线上调解" and saved[-1].value == Decimal(186)


def test_screenshot(qtbot: QtBot, tmp_path) -> None:
    from fazhi_desktop.resources import load_json

    table = IndicatorTable()
    qtbot.addWidget(table)
    values = {i.key: IndicatorValue(i.key) for i in CATALOG.indicators}
    values.update(parse_values(CATALOG, load_json("demo", "demo-report.json")["indicators"]))
    table.load(CATALOG, values, {})
    table.resize(1100, 700)
    table.show()
    qtbot.waitExposed(table)
    assert table.grab().save(str(tmp_path / "indicators.png"))
