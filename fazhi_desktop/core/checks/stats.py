"""Statistics that contradict themselves: rates over 100 %, parts above totals, rates off the counts (§3)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from fazhi_desktop.core.checks.context import CheckContext
from fazhi_desktop.core.checks.finding import CJK, Finding, Severity, TextUnit

_RATE = re.compile(rf"([{CJK}]{{1,12}}?率)(?:达到?|为|是|均为|均达|均达到|保持)?\s*(\d+(?:\.\d+)?)\s*[%％]")
_GROWTH = re.compile("增长|增幅|提高|提升|上升|下降|减少|同比|环比|增加")
_COUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(余|多)?\s*(人次|件|起|人|名|个|份|次|项|卷|户|家|条|场)")
_SENTENCE = re.compile(r"[^。；！？\n]+")
_DIGIT = re.compile(r"\d")
_PART_WORDS = re.compile("其中|成功|合格|办结|结案|败诉|按期")
_LABEL_START = re.compile(r"[，、：（）“”]")


@dataclass(frozen=True)
class _Count:
    value: float
    unit: str
    start: int
    end: int
    label: str  # the words just before the number
    approximate: bool


def check_stats(ctx: CheckContext) -> Iterator[Finding]:
    for unit in ctx.units:
        if not unit.text or not _DIGIT.search(unit.text):
            continue
        for sentence in _SENTENCE.finditer(unit.text):
            if _DIGIT.search(sentence.group(0)):  # every count and rate has a digit
                yield from _sentence(ctx, unit, sentence.start(), sentence.group(0))


def _counts(base: int, sentence: str) -> list[_Count]:
    counts = []
    previous_end = 0
    for m in _COUNT.finditer(sentence):
        before = sentence[previous_end:m.start()]
        label = _LABEL_START.split(before)[-1]
        counts.append(_Count(float(m.group(1)), m.group(3), base + m.start(), base + m.end(), label,
                             bool(m.group(2))))
        previous_end = m.end()
    return counts


def _sentence(ctx: CheckContext, unit: TextUnit, base: int, sentence: str) -> Iterator[Finding]:
    counts = [c for c in _counts(base, sentence) if not c.approximate]
    for i, part in enumerate(counts):
        if not _PART_WORDS.search(part.label):
            continue
        total = next((c for c in counts[:i] if c.unit == part.unit and not _PART_WORDS.search(c.label)),
                     None)
        if total is not None and part.value > total.value:
            yield unit.finding(
                "stats.part_over_total", Severity.ERROR, part.start, part.end,
                f"数字矛盾：“{part.label}{_num(part.value)}{part.unit}”大于前面的总数"
                f"“{total.label}{_num(total.value)}{total.unit}”")
    for m in _RATE.finditer(sentence) if "率" in sentence else ():  # (a quick test: each rate holds 率)
        label, value = m.group(1), float(m.group(2))
        start, end = base + m.start(), base + m.end()
        if _GROWTH.search(label):
            continue
        if value > 100:
            yield unit.finding("stats.rate_over_100", Severity.ERROR, start, end,
                               f"比率不能超过100%：“{m.group(0)}”")
            continue
        yield from _rate_vs_counts(ctx, unit, label, value, m.group(0), start, end,
                                   [c for c in counts if c.end <= start])


def _rate_vs_counts(ctx: CheckContext, unit: TextUnit, label: str, value: float, text: str, start: int,
                    end: int, counts: list[_Count]) -> Iterator[Finding]:
    """"受理186件，调解成功181件，调解成功率97.3%": the rate must follow from the two counts."""
    stem = label[:-1][-2:]
    if len(stem) < 2:
        return
    parts = [c for c in counts if stem in c.label]
    if not parts:
        return
    part = parts[-1]
    totals = [c for c in counts if c.unit == part.unit and c.start < part.start and stem not in c.label]
    if not totals or totals[-1].value <= 0 or part.value > totals[-1].value:
        return
    total = totals[-1]
    computed = part.value / total.value * 100
    if abs(computed - value) > ctx.options.rate_tolerance:
        yield unit.finding(
            "stats.rate_mismatch", Severity.WARNING, start, end,
            f"按所列数字计算，{_num(part.value)}÷{_num(total.value)}＝{computed:.1f}%，"
            f"与“{text}”不符")


def _num(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
