"""The 附件 "XX镇{year}年度法治政府建设主要数据统计表", built from the 数据指标 as plain rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from fazhi_desktop.core.indicators import Catalog, IndicatorValue, display
from fazhi_desktop.core.model import Report

HEADER = ("序号", "类别", "指标", "数值", "备注")
COL_WIDTHS = (0.8, 1.6, 3.5, 1.6, 1.6)  # relative; fits 156 mm in 四号 without landscape


@dataclass(frozen=True)
class StatisticsSheet:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    col_widths: tuple[float, ...] = COL_WIDTHS
    note: str = ""

    @property
    def empty(self) -> bool:
        return not self.rows


def statistics_sheet(report: Report, catalog: Catalog, values: Mapping[str, IndicatorValue]) -> StatisticsSheet:
    """Every selected indicator that has a figure (typed, computed or 未发生), grouped, numbered."""
    rows: list[tuple[str, ...]] = []
    for group, indicators in catalog.by_group():
        first = True
        for ind in indicators:
            if ind.key not in values:
                continue
            shown = display(ind, values.get(ind.key), values)
            if not shown:
                continue
            # the group is written once, on its first row, as statistics tables usually are
            rows.append((str(len(rows) + 1), group if first else "", ind.label, shown, values[ind.key].note))
            first = False
    title = f"{report.unit.short_name}{report.year}年度法治政府建设主要数据统计表"
    note = f"统计时段：{report.year}年1月1日至{report.year}年12月31日。"
    return StatisticsSheet(title, HEADER, tuple(rows), note=note)
