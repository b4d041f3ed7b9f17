"""数据指标: the catalog of figures reports quote (resources/indicators.json), values and computed rates.

Values are Decimals (never floats), rates are computed from their counts with one decimal
(half up), a zero denominator is never turned into "0%" but into wording like "未发生行政诉讼案件".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from functools import cache

from fazhi_desktop.core.limits import MAX_DECIMALS, MAX_INTEGER_DIGITS, LimitError, check_number
from fazhi_desktop.resources import load_json


class IndicatorKind(StrEnum):
    COUNT = "count"  # whole numbers: 次, 件, 人次 …
    MONEY = "money"  # 万元, two decimals
    RATE = "rate"  # computed: numerator ÷ denominator
    PERCENT = "percent"  # a percentage typed by hand (满意度)


class ValueState(StrEnum):
    EMPTY = ""
    VALUE = "value"
    NOT_OCCURRED = "未发生"
    NOT_APPLICABLE = "不适用"


class IndicatorValueError(ValueError):
    """A value that does not fit the indicator; the message is Chinese, for a tooltip or the CLI."""


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    unit: str
    group: str
    kind: IndicatorKind = IndicatorKind.COUNT
    numerator: str = ""
    denominator: str = ""
    aliases: tuple[str, ...] = ()
    zero_text: str = ""  # when the numerator is 0, e.g. 零败诉
    none_text: str = ""  # when the denominator is 0, e.g. 未发生行政诉讼案件
    custom: bool = False

    @property
    def computed(self) -> bool:
        return self.kind is IndicatorKind.RATE


@dataclass(frozen=True)
class IndicatorValue:
    key: str
    value: Decimal | None = None
    state: ValueState = ValueState.EMPTY
    note: str = ""
    source: str = ""  # 台账 reference


@dataclass(frozen=True)
class Catalog:
    indicators: tuple[Indicator, ...]
    groups: tuple[str, ...]

    def __getitem__(self, key: str) -> Indicator:
        for ind in self.indicators:
            if ind.key == key:
                return ind
        raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        return any(ind.key == key for ind in self.indicators)

    def find(self, key_or_label: str) -> Indicator | None:
        text = key_or_label.strip()
        return next((i for i in self.indicators if text in (i.key, i.label)), None)

    def by_group(self) -> list[tuple[str, list[Indicator]]]:
        groups = list(self.groups) + sorted({i.group for i in self.indicators} - set(self.groups))
        return [(g, [i for i in self.indicators if i.group == g]) for g in groups
                if any(i.group == g for i in self.indicators)]


def load_catalog(custom: Iterable[Indicator] = ()) -> Catalog:
    """The shipped catalog, followed by the unit's own indicators."""
    shipped, groups = _shipped()
    return Catalog(shipped + tuple(custom), groups)


@cache
def _shipped() -> tuple[tuple[Indicator, ...], tuple[str, ...]]:
    """The shipped indicators and groups, read once per process (the county board asks for every report)."""
    data = load_json("indicators.json")
    shipped = tuple(
        Indicator(key=d["key"], label=d["label"], unit=d["unit"], group=d["group"], kind=IndicatorKind(d["kind"]),
                  numerator=d.get("numerator", ""), denominator=d.get("denominator", ""),
                  aliases=tuple(d.get("aliases", ())), zero_text=d.get("zero_text", ""),
                  none_text=d.get("none_text", ""))
        for d in data["indicators"]
    )
    return shipped, tuple(data["groups"])


_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％－", "0123456789.%-")


def parse_value(ind: Indicator, text: str) -> IndicatorValue:
    """What the clerk typed → a value; raises IndicatorValueError with a Chinese reason."""
    raw = text.strip().translate(_FULLWIDTH).replace(",", "").replace("，", "")
    if raw == "":
        return IndicatorValue(ind.key)
    if raw in ("未发生", "无", "零"):
        return IndicatorValue(ind.key, state=ValueState.NOT_OCCURRED)
    if raw in ("不适用", "/", "—", "-"):
        return IndicatorValue(ind.key, state=ValueState.NOT_APPLICABLE)
    raw = raw.removesuffix(ind.unit) if ind.unit != "%" else raw.removesuffix("%")
    if not _NUMBER.match(raw):
        raise IndicatorValueError(f"“{text}”不是数字。{ind.label}应填写数字（单位：{ind.unit}），或“未发生”“不适用”。")
    if raw.startswith("-"):
        raise IndicatorValueError(f"{ind.label}不能是负数。")
    try:
        number = check_number(raw.lstrip("+"))
    except (LimitError, InvalidOperation):
        raise IndicatorValueError(f"“{text}”超出范围：{ind.label}最多{MAX_INTEGER_DIGITS}位整数、"
                                  f"{MAX_DECIMALS}位小数。") from None
    if ind.kind is IndicatorKind.COUNT and number != number.to_integral_value():
        raise IndicatorValueError(f"{ind.label}是计数，应为整数（单位：{ind.unit}）。")
    if ind.kind in (IndicatorKind.RATE, IndicatorKind.PERCENT) and number > 100:
        raise IndicatorValueError(f"{ind.label}是百分比，不能超过100%。")
    return IndicatorValue(ind.key, number, ValueState.VALUE)


def one_decimal(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class RateResult:
    percent: Decimal | None  # None: cannot or must not be computed
    text: str  # what a report writes: "97.3%", "零败诉", "未发生行政诉讼案件", ""


def compute_rate(ind: Indicator, values: Mapping[str, IndicatorValue]) -> RateResult:
    """The rate from its counts; never 0/0, never above 100 % silently (see consistency)."""
    num, den = values.get(ind.numerator), values.get(ind.denominator)
    if den is not None and den.state is ValueState.NOT_OCCURRED:
        return RateResult(None, ind.none_text or "未发生")
    if num is None or den is None or num.value is None or den.value is None:
        return RateResult(None, "")
    if den.value == 0:
        return RateResult(None, ind.none_text or "未发生")
    percent = one_decimal(num.value / den.value * 100)
    if num.value == 0 and ind.zero_text:
        return RateResult(percent, ind.zero_text)
    return RateResult(percent, f"{_plain(percent)}%")


def _plain(number: Decimal) -> str:
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def display(ind: Indicator, value: IndicatorValue | None, values: Mapping[str, IndicatorValue] | None = None) -> str:
    """The figure as written in a report: "186件", "97.3%", "8.65万元", "未发生", "" when empty."""
    if ind.computed and values is not None:
        rate = compute_rate(ind, values)
        if rate.text:
            return rate.text
    if value is None or value.state is ValueState.EMPTY:
        return ""
    if value.state is not ValueState.VALUE or value.value is None:
        return value.state.value
    if ind.kind is IndicatorKind.MONEY:
        return f"{value.value.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}{ind.unit}"
    return f"{_plain(value.value)}{ind.unit}"


@dataclass(frozen=True)
class IndicatorProblem:
    """A contradiction among the figures, for the checker (severity 错误 or 警告)."""

    key: str
    severity: str
    message: str


def consistency(catalog: Catalog, values: Mapping[str, IndicatorValue]) -> list[IndicatorProblem]:
    """Numerator above denominator, a rate above 100 %, a typed rate its counts contradict (±0.5 pp)."""
    problems: list[IndicatorProblem] = []
    for ind in catalog.indicators:
        if not ind.computed:
            continue
        num, den = values.get(ind.numerator), values.get(ind.denominator)
        if num and den and num.value is not None and den.value is not None and num.value > den.value:
            problems.append(IndicatorProblem(ind.key, "错误", (
                f"{catalog[ind.numerator].label}（{_plain(num.value)}）大于{catalog[ind.denominator].label}"
                f"（{_plain(den.value)}），{ind.label}会超过100%，请核对。")))
            continue
        typed = values.get(ind.key)
        computed = compute_rate(ind, values).percent
        if typed and typed.value is not None and computed is not None and abs(typed.value - computed) > Decimal("0.5"):
            problems.append(IndicatorProblem(ind.key, "警告", (
                f"填写的{ind.label}为{_plain(typed.value)}%，但按{catalog[ind.numerator].label}÷"
                f"{catalog[ind.denominator].label}计算为{_plain(computed)}%。")))
    return problems


def ordered_values(catalog: Catalog, values: Sequence[IndicatorValue]) -> dict[str, IndicatorValue]:
    by_key = {v.key: v for v in values}
    return {i.key: by_key[i.key] for i in catalog.indicators if i.key in by_key}


def parse_values(catalog: Catalog, texts: Mapping[str, str]) -> dict[str, IndicatorValue]:
    """Values from ``{key: text}`` (data files, packages); unknown keys raise IndicatorValueError."""
    values: dict[str, IndicatorValue] = {}
    for key, text in texts.items():
        if key not in catalog:
            raise IndicatorValueError(f"没有指标“{key}”")
        values[key] = parse_value(catalog[key], str(text))
    return values


def value_to_json(value: IndicatorValue) -> dict[str, str | None]:
    return {"key": value.key, "value": format(value.value, "f") if value.value is not None else None,
            "state": value.state.value, "note": value.note, "source": value.source}


def value_from_json(data: Mapping[str, object]) -> IndicatorValue:
    """The inverse of :func:`value_to_json`; a value outside core.limits raises LimitError."""
    raw = data.get("value")
    return IndicatorValue(str(data["key"]), check_number(str(raw)) if raw is not None else None,
                          ValueState(str(data.get("state", ""))), str(data.get("note", "")),
                          str(data.get("source", "")))
