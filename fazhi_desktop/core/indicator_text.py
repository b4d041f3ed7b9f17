"""Figures in the text versus the 数据指标 table, and writing a figure into a text (插入数据)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from itertools import accumulate

from fazhi_desktop.core.indicators import Catalog, Indicator, IndicatorValue, ValueState, compute_rate, display
from fazhi_desktop.core.model import Report

_GAP = 8  # characters allowed between a label and its number ("受理矛盾纠纷186件", "调解成功率达97.3%")


@dataclass(frozen=True)
class TextMismatch:
    key: str
    field: str  # "opening", "chapter_lead", "heading" or "body" (core.checks Field values)
    chapter: int | None  # None: the opening paragraph
    block: int | None
    offset: int
    quoted: Decimal
    table: Decimal
    snippet: str

    def message(self, catalog: Catalog) -> str:
        ind = catalog[self.key]
        return (f"正文中{ind.label}写作“{self.snippet}”，与数据指标表中的"
                f"{_plain(self.table)}{ind.unit}不一致，请核对。")


def _plain(number: Decimal) -> str:
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


_Text = tuple[str, int | None, int | None, str]  # field, chapter, block, text


def _texts(report: Report) -> Iterator[_Text]:
    yield "opening", None, None, report.opening
    for ci, chapter in enumerate(report.chapters):
        yield "chapter_lead", ci, None, chapter.lead
        for bi, block in enumerate(chapter.blocks):
            yield "heading", ci, bi, block.heading
            yield "body", ci, bi, block.body


def table_number(ind: Indicator, values: Mapping[str, IndicatorValue]) -> Decimal | None:
    if ind.computed:
        rate = compute_rate(ind, values).percent
        if rate is not None:
            return rate
    value = values.get(ind.key)
    if value is None or value.state is not ValueState.VALUE:
        return None
    return value.value


def text_mismatches(report: Report, catalog: Catalog, values: Mapping[str, IndicatorValue]) -> list[TextMismatch]:
    """Numbers next to an indicator's label and unit in the text that differ from the table."""
    found: list[TextMismatch] = []
    texts = [t for t in _texts(report) if t[3]]
    everything = "\n".join(t[3] for t in texts)  # an alias found nowhere needs no pattern run on each text
    starts = list(accumulate((len(t[3]) + 1 for t in texts[:-1]), initial=0))  # of each text in everything
    for ind in catalog.indicators:
        aliases = [alias for alias in _aliases(ind.label, ind.aliases) if alias in everything]
        if not aliases:
            continue
        expected = table_number(ind, values)
        if expected is None:
            continue
        for alias in aliases:
            for field, ci, bi, text in _holding(alias, texts, everything, starts):
                for offset, number, snippet in _quoted(alias, ind.unit, text):
                    quoted = Decimal(number)
                    if quoted != expected:
                        found.append(TextMismatch(ind.key, field, ci, bi, offset, quoted, expected, snippet))
    unique = {(m.key, m.field, m.chapter, m.block, m.offset): m for m in found}
    return sorted(unique.values(), key=lambda m: (m.chapter if m.chapter is not None else -1, m.block or 0, m.offset))


@cache
def _aliases(label: str, aliases: tuple[str, ...]) -> list[str]:
    """Longest first; of the same length, in catalog order (a set's order would change from run to run)."""
    return sorted(dict.fromkeys((label, *aliases)), key=len, reverse=True)


@cache
def _after_label(unit: str) -> re.Pattern[str]:
    """What follows an indicator's label: a short gap without punctuation, a number, then the unit (and
    not a longer unit)."""
    return re.compile(rf"[^，。；、：\d%]{{0,{_GAP}}}?(\d+(?:\.\d+)?)\s*{re.escape(unit)}(?!率)")


def _quoted(alias: str, unit: str, text: str) -> Iterator[tuple[int, str, str]]:
    """Each place ``alias`` is followed by a number and ``unit`` in ``text``: the number's offset, the number,
    and the whole snippet. The same as every match of the pattern alias + :func:`_after_label`, left to right
    and not overlapping, but with one pattern per unit to compile instead of one per alias."""
    after = _after_label(unit)
    at = text.find(alias)
    while at >= 0:
        match = after.match(text, at + len(alias))
        if match is None:
            at = text.find(alias, at + 1)
            continue
        yield match.start(1), match.group(1), text[at:match.end()]
        at = text.find(alias, match.end())


def _holding(alias: str, texts: list[_Text], everything: str, starts: list[int]) -> Iterator[_Text]:
    """The texts ``alias`` occurs in, in order: found in the joined text (an alias without a line break
    occurs there only inside one text), not by looking into each text."""
    if not alias or "\n" in alias:
        yield from (t for t in texts if alias in t[3])
        return
    last, at = -1, everything.find(alias)
    while at >= 0:
        index = bisect_right(starts, at) - 1
        if index != last:
            yield texts[index]
            last = index
        at = everything.find(alias, starts[index + 1] if index + 1 < len(starts) else len(everything))


def figure_text(ind: Indicator, values: Mapping[str, IndicatorValue]) -> str:
    """What 插入数据 writes into a body text: the current value with its unit ("186件", "零败诉")."""
    return display(ind, values.get(ind.key), values)
