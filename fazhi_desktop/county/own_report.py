"""The county's own report started from its units': the 数据指标 pre-filled with the year's totals."""

from __future__ import annotations

from fazhi_desktop.core.county.figures import county_values
from fazhi_desktop.core.indicators import IndicatorValue, display, load_catalog
from fazhi_desktop.county.figures_table import build_table
from fazhi_desktop.storage.county import CountyStore


def fill_from_units(county: CountyStore, report_id: int, year: int) -> list[str]:
    """Store the summed counts of the units' reports of ``year`` in report ``report_id`` (its rates follow
    from them); each value's 来源 lists the units and their figures. Returns one line per figure."""
    table = build_table(county, year)
    values = county_values(table)
    county.store.set_indicator_values(report_id, values)
    catalog = load_catalog()
    stored: dict[str, IndicatorValue] = county.store.indicator_values(report_id)
    lines = []
    for ind in catalog.indicators:
        if ind.key in values:
            lines.append(f"{ind.label}：{display(ind, values[ind.key])}（{values[ind.key].note}）")
        elif ind.computed and ind.numerator in values and ind.denominator in values:
            shown = display(ind, stored.get(ind.key), stored)
            if shown:
                lines.append(f"{ind.label}：{shown}（由合计的{catalog[ind.numerator].label}÷"
                             f"{catalog[ind.denominator].label}计算）")
    return lines
