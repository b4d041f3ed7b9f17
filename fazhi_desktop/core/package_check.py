"""The strict schema of a package's ``report.json`` and ``indicators.json``, checked before anything is built.

Every field has its type, length and range; anything else is one Chinese line naming the field, and
the package is not imported. Unknown extra keys are ignored (a newer program may add some). Numbers
are checked as text before Decimal sees them (core.limits), so NaN, Infinity, negatives and
exponents like ``1e999999999`` never reach arithmetic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from fazhi_desktop.core import limits
from fazhi_desktop.core.model import BlockKind, ChapterRole, SealMode, Status
from fazhi_desktop.core.schema import REPORT_FIELDS, UNIT_FIELDS, FieldKind

_TYPE_NAMES = {dict: "对象", list: "列表", str: "文字", int: "整数", float: "小数", bool: "是/否",
               type(None): "空值"}
_KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


class SchemaError(ValueError):
    """One violation; ``str()`` names the field and what is wrong (Chinese)."""


def _kind(value: object) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _expect(value: object, types: tuple[type, ...], where: str) -> Any:
    if isinstance(value, bool) and bool not in types:  # True is an int in Python, not in a package
        raise SchemaError(f"{where} 应为{_TYPE_NAMES[types[0]]}，实际是{_kind(value)}")
    if not isinstance(value, types):
        raise SchemaError(f"{where} 应为{_TYPE_NAMES[types[0]]}，实际是{_kind(value)}")
    return value


def _text(data: Mapping[str, Any], key: str, where: str, limit: int = limits.MAX_LINE, *,
          required: bool = False, nullable: bool = False) -> None:
    if key not in data:
        if required:
            raise SchemaError(f"{where} 缺少 {key}")
        return
    value = data[key]
    if value is None and nullable:
        return
    _expect(value, (str,), f"{where}{key}")
    if len(value) > limit:
        raise SchemaError(f"{where}{key} 太长（{len(value)} 字，最多 {limit} 字）")


def _date(value: object, where: str) -> None:
    if value is None:
        return
    _expect(value, (str,), where)
    try:
        day = dt.date.fromisoformat(str(value)[:10]) if len(str(value)) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise SchemaError(f"{where} 应为 2022-01-10 这样的日期，实际是 {str(value)[:20]}")
    if not limits.YEAR_MIN <= day.year <= limits.YEAR_MAX + 1:
        raise SchemaError(f"{where} 的年份超出范围（{limits.YEAR_MIN}—{limits.YEAR_MAX + 1}）")


def _field(data: Mapping[str, Any], key: str, kind: FieldKind, where: str) -> None:
    if key not in data:
        return
    value = data[key]
    if kind is FieldKind.DATE:
        _date(value, f"{where}{key}")
    elif kind is FieldKind.LIST:
        items = _expect(value, (list,), f"{where}{key}")
        if len(items) > 2:
            raise SchemaError(f"{where}{key} 最多两个")
        for n, item in enumerate(items):
            _expect(item, (str,), f"{where}{key}[{n}]")
            if len(item) > limits.MAX_LINE:
                raise SchemaError(f"{where}{key}[{n}] 太长")
    elif kind is FieldKind.BOOL:
        _expect(value, (bool,), f"{where}{key}")
    elif kind is FieldKind.SEAL:
        _choice(value, [m.value for m in SealMode], f"{where}{key}")
    elif kind is FieldKind.STATUS:
        _choice(value, [s.value for s in Status], f"{where}{key}")
    else:
        _text(data, key, where, limits.MAX_TEXT if kind is FieldKind.MULTILINE else limits.MAX_LINE,
              nullable=True)


def _choice(value: object, allowed: list[str], where: str) -> None:
    _expect(value, (str,), where)
    if value not in allowed:
        raise SchemaError(f"{where} 应为 {'、'.join(allowed)} 之一，实际是 {str(value)[:20]}")


def check_report_data(data: object) -> None:
    """Raises SchemaError unless ``data`` is a well-formed report as ``core.serialize`` writes it."""
    report = _expect(data, (dict,), "报告内容")
    unit = _expect(report.get("unit"), (dict,), "单位（unit）")
    for spec in UNIT_FIELDS:
        _text(unit, spec.key, "单位的 ", required=spec.key == "short_name")
    if not unit["short_name"].strip():
        raise SchemaError("单位的 short_name 不能为空")
    if "year" not in report:
        raise SchemaError("报告内容缺少 year")
    try:
        limits.check_year(report["year"], "报告年度（year）")
    except limits.LimitError as exc:
        raise SchemaError(str(exc)) from None
    _text(report, "title", "报告的 ", nullable=True)
    for spec in REPORT_FIELDS:
        _field(report, spec.key, spec.kind, "报告的 ")
    dates = _expect(report.get("status_dates", {}), (dict,), "状态日期（status_dates）")
    for status, day in dates.items():
        _choice(status, [s.value for s in Status], "状态日期的状态")
        _date(day, f"状态“{status}”的日期")
    chapters = _expect(report.get("chapters", []), (list,), "章节（chapters）")
    if len(chapters) > limits.MAX_CHAPTERS:
        raise SchemaError(f"章节太多（{len(chapters)} 章，最多 {limits.MAX_CHAPTERS} 章）")
    for n, chapter in enumerate(chapters, start=1):
        _check_chapter(chapter, f"第{n}章的 ")


def _check_chapter(data: object, where: str) -> None:
    chapter = _expect(data, (dict,), where.removesuffix("的 "))
    if "role" not in chapter:
        raise SchemaError(f"{where}缺少 role")
    _choice(chapter["role"], [r.value for r in ChapterRole], f"{where}role")
    _text(chapter, "title", where, required=True)
    _text(chapter, "lead", where, limits.MAX_TEXT)
    blocks = _expect(chapter.get("blocks", []), (list,), f"{where}blocks")
    if len(blocks) > limits.MAX_BLOCKS:
        raise SchemaError(f"{where}条目太多（{len(blocks)} 条）")
    for m, item in enumerate(blocks, start=1):
        at = f"{where.removesuffix('的 ')}第{m}条的 "
        block = _expect(item, (dict,), at.removesuffix("的 "))
        _choice(block.get("kind", "section"), [k.value for k in BlockKind], f"{at}kind")
        _text(block, "heading", at)
        _text(block, "body", at, limits.MAX_TEXT)
        for flag in ("run_in", "internal"):
            if flag in block:
                _expect(block[flag], (bool,), f"{at}{flag}")


def check_values_data(data: object) -> None:
    """Raises SchemaError unless ``data`` is a list of 数据指标 values as ``value_to_json`` writes them."""
    from fazhi_desktop.core.indicators import IndicatorKind, ValueState, load_catalog

    items = _expect(data, (list,), "数据指标（indicators.json）")
    if len(items) > limits.MAX_FIGURES:
        raise SchemaError(f"数据指标太多（{len(items)} 项）")
    catalog = load_catalog()
    for n, item in enumerate(items, start=1):
        where = f"第{n}项数据指标的 "
        value = _expect(item, (dict,), where.removesuffix("的 "))
        _text(value, "key", where, 64, required=True)
        key = value["key"]
        if not key or not set(key) <= _KEY_CHARS:
            raise SchemaError(f"{where}key 应为字母、数字和下划线，实际是 {key[:20]}")
        _choice(value.get("state", ""), [s.value for s in ValueState], f"{where}state")
        _text(value, "note", where)
        _text(value, "source", where)
        raw = value.get("value")
        if raw is None:
            if value.get("state") == ValueState.VALUE.value:
                raise SchemaError(f"{where}value 缺失")
            continue
        try:
            number = limits.check_number(_expect(raw, (str,), f"{where}value"), f"{where}value")
        except limits.LimitError as exc:
            raise SchemaError(str(exc)) from None
        if value.get("state") != ValueState.VALUE.value:
            raise SchemaError(f"{where}state 应为 value（有数值时）")
        if key in catalog:
            kind = catalog[key].kind
            if kind in (IndicatorKind.RATE, IndicatorKind.PERCENT) and number > 100:
                raise SchemaError(f"{where}value 是百分比，不能超过100")
            if kind is IndicatorKind.COUNT and number != number.to_integral_value():
                raise SchemaError(f"{where}value 是计数，应为整数")


def check_custom_data(data: object) -> None:
    """Raises SchemaError unless ``data`` is a list of the unit's own indicators as ``pack`` writes them
    (``custom_indicators.json``: key, label, unit, group, kind)."""
    from fazhi_desktop.core.indicators import IndicatorKind

    items = _expect(data, (list,), "自设指标（custom_indicators.json）")
    if len(items) > limits.MAX_FIGURES:
        raise SchemaError(f"自设指标太多（{len(items)} 项）")
    for n, item in enumerate(items, start=1):
        where = f"第{n}项自设指标的 "
        value = _expect(item, (dict,), where.removesuffix("的 "))
        for key, limit in (("key", 64), ("label", 60), ("unit", 16)):
            _text(value, key, where, limit, required=True)
            if not value[key].strip():
                raise SchemaError(f"{where}{key} 是空的")
        if not set(value["key"]) <= _KEY_CHARS:
            raise SchemaError(f"{where}key 应为字母、数字和下划线，实际是 {value['key'][:20]}")
        _text(value, "group", where, 60)
        _choice(value.get("kind", IndicatorKind.COUNT.value), [k.value for k in IndicatorKind], f"{where}kind")
