"""The statistics sheet built from the 数据指标: title, grouping, computed rates, only filled rows."""

from __future__ import annotations

from fazhi_desktop.core.indicator_sheet import HEADER, statistics_sheet
from fazhi_desktop.core.indicators import IndicatorValue, load_catalog, parse_values
from fazhi_desktop.core.model import Report

CATALOG = load_catalog()


def test_sheet_rows(demo_report: Report) -> None:
    values = {i.key: IndicatorValue(i.key) for i in CATALOG.indicators}
    values.update(parse_values(CATALOG, {"disputes_accepted": "186", "disputes_resolved": "181",
                                         "litigation_concluded": "1", "litigation_lost": "0",
                                         "reconsideration_concluded": "未发生"}))
    values["disputes_accepted"] = IndicatorValue("disputes_accepted", values["disputes_accepted"].value,
                                                 values["disputes_accepted"].state, note="含线上调解")
    sheet = statistics_sheet(demo_report, CATALOG, values)
    assert sheet.title == "示例镇2025年度法治政府建设主要数据统计表" and sheet.header == HEADER
    by_label = {row[2]: row for row in sheet.rows}
    assert by_label["调解成功率"][3] == "97.3%" and by_label["行政诉讼败诉率"][3] == "零败诉"
    assert by_label["行政复议纠错率"][3] == "未发生行政复议案件"
    assert by_label["受理矛盾纠纷"][3:] == ("186件", "含线上调解")
    assert [row[0] for row in sheet.rows] == [str(n) for n in range(1, len(sheet.rows) + 1)]
    groups = [row[1] for row in sheet.rows if row[1]]
    assert groups == sorted(set(groups), key=groups.index)  # each group named once, on its first row
    assert "2025年1月1日至2025年12月31日" in sheet.note


def test_empty_values_give_an_empty_sheet(demo_report: Report) -> None:
    values = {i.key: IndicatorValue(i.key) for i in CATALOG.indicators}
    assert statistics_sheet(demo_report, CATALOG, values).empty
