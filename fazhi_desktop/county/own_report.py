"""The county's own report started from its units': the 数据指标 pre-filled with the year's totals, the units'
own indicators (自设指标) of the same name and unit summed too, as the county report's own indicators."""

from __future__ import annotations

from fazhi_desktop.core.county.figures import county_values
from fazhi_desktop.core.indicators import IndicatorValue, display, load_catalog
from fazhi_desktop.county.figures_table import build_table
from fazhi_desktop.storage.county import CountyStore


def fill_from_units(county: CountyStore, report_id: int, year: int) -> list[str]:
    """Store the summed counts of the units' reports of ``year`` in report ``report_id`` (its rates follow
    from them); each value's 来源 lists the units and their figures. Returns one line per figure."""
    table = build_table(county, year)
    totals = county_values(table)
    own = [t.indicator for t in table.totals.values() if t.indicator.custom]
    store = county.store
    unit_id = store.load_report(report_id).unit.id
    assert unit_id is not None
    with store.transaction():  # the county report's own indicators and every value, or none of them
        values = store.adopt_custom_indicators(unit_id, own, totals)
        store.set_indicator_values(report_id, values)
    catalog = load_catalog()
    stored: dict[str, IndicatorValue] = store.indicator_values(report_id)
    lines = []
    for ind in catalog.indicators:
        if ind.key in totals:
            lines.append(f"{ind.label}：{display(ind, totals[ind.key])}（{totals[ind.key].note}）")
        elif ind.computed and ind.numerator in totals and ind.denominator in totals:
            shown = display(ind, stored.get(ind.key), stored)
            if shown:
                lines.append(f"{ind.label}：{shown}（由合计的{catalog[ind.numerator].label}÷"
                             f"{catalog[ind.denominator].label}计算）")
    for ind in own:
        lines.append(f"{ind.label}（单位自设）：{display(ind, totals[ind.key])}（{totals[ind.key].note}）")
    return lines
