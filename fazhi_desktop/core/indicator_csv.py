"""数据指标 as CSV for Excel: export (UTF-8 with BOM, so Excel opens it) and import (UTF-8/BOM or GBK)."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping

from fazhi_desktop.core.indicators import Catalog, IndicatorValue, IndicatorValueError, display, parse_value

HEADER = ["代码", "指标", "单位", "数值", "上年", "备注", "来源"]


def to_csv(catalog: Catalog, values: Mapping[str, IndicatorValue],
           previous: Mapping[str, IndicatorValue] | None = None) -> bytes:
    """The selected indicators as CSV bytes (UTF-8 with BOM)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for ind in catalog.indicators:
        if ind.key not in values:
            continue
        value = values[ind.key]
        shown = "" if ind.computed and value.value is None else display(ind, value).removesuffix(ind.unit)
        last = display(ind, previous.get(ind.key), previous).removesuffix(ind.unit) if previous else ""
        writer.writerow([ind.key, ind.label, ind.unit, shown, last, value.note, value.source])
    return out.getvalue().encode("utf-8-sig")


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or GB18030/GBK; raises IndicatorValueError when neither fits."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise IndicatorValueError("无法识别 CSV 文件的编码（应为 UTF-8 或 GBK）。")


def from_csv(data: bytes, catalog: Catalog) -> dict[str, IndicatorValue]:
    """Values from CSV rows matched by 代码 or 指标; raises IndicatorValueError listing every bad row."""
    rows = list(csv.reader(io.StringIO(decode(data))))
    if not rows or not {"数值"} <= set(rows[0]) or not ({"代码", "指标"} & set(rows[0])):
        raise IndicatorValueError("CSV 第一行应为表头，至少包含“指标”（或“代码”）和“数值”两列。")
    head = {name: i for i, name in enumerate(rows[0])}
    result: dict[str, IndicatorValue] = {}
    errors: list[str] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        def cell(name: str, row: list[str] = row) -> str:
            return row[head[name]].strip() if name in head and head[name] < len(row) else ""

        ind = catalog.find(cell("代码")) or catalog.find(cell("指标"))
        if ind is None:
            errors.append(f"第{line}行：没有指标“{cell('指标') or cell('代码')}”")
            continue
        if ind.computed and cell("数值") == "":
            continue
        try:
            parsed = parse_value(ind, cell("数值"))
        except IndicatorValueError as exc:
            errors.append(f"第{line}行：{exc}")
            continue
        result[ind.key] = IndicatorValue(ind.key, parsed.value, parsed.state, cell("备注"), cell("来源"))
    if errors:
        raise IndicatorValueError("CSV 中有错误，未导入任何数据：" + "；".join(errors))
    return result
