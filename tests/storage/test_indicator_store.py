"""数据指标 in storage: values, selection, custom indicators, new year copies the selection not the values."""

from __future__ import annotations

from decimal import Decimal

from fazhi_desktop.core.indicators import IndicatorValue, ValueState, load_catalog
from fazhi_desktop.core.model import Report
from fazhi_desktop.storage.repository import ReportStore


def test_new_report_selects_the_catalog_with_no_values(store: ReportStore, template_report: Report) -> None:
    assert template_report.id is not None
    values = store.indicator_values(template_report.id)
    assert list(values) == [i.key for i in load_catalog().indicators]
    assert all(v.value is None and v.state is ValueState.EMPTY for v in values.values())


def test_values_round_trip_and_copy_year(store: ReportStore, template_report: Report) -> None:
    rid = template_report.id
    assert rid is not None
    store.set_indicator_value(rid, IndicatorValue("fines", Decimal("8.65"), ValueState.VALUE, "注", "台账"))
    store.set_indicator_value(rid, IndicatorValue("litigation_cases", None, ValueState.NOT_OCCURRED))
    assert store.indicator_values(rid)["fines"] == IndicatorValue("fines", Decimal("8.65"), ValueState.VALUE,
                                                                  "注", "台账")
    unit = template_report.unit
    assert unit.id is not None
    custom = store.add_custom_indicator(unit.id, "法治讲座", "场")
    store.set_indicator_value(rid, IndicatorValue(custom.key, Decimal(6), ValueState.VALUE))
    store.select_indicators(rid, [k for k in store.indicator_values(rid) if k != "materials"])
    copy = store.copy_year(rid)
    assert copy.id is not None
    copied = store.indicator_values(copy.id)
    assert list(copied) == list(store.indicator_values(rid))  # same selection, same order
    assert "materials" not in copied and custom.key in copied
    assert all(v.value is None for v in copied.values())
    assert store.previous_values(copy.id)["fines"].value == Decimal("8.65")
    assert custom.key in store.catalog_for_report(copy.id)
