"""Numbers typed in the text (pasted reports): gaps, repeats, punctuation, brackets (§4.3)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from fazhi_desktop.core.checks.context import CheckContext
from fazhi_desktop.core.checks.finding import Field, Finding, Severity, TextUnit, line_spans
from fazhi_desktop.core.numbering import block_numbers, chinese_numeral

_CN = "一二三四五六七八九十"
_L1 = re.compile(rf"([{_CN}]+)([、.．，,])(?=\S)")
_L2 = re.compile(rf"([（(])([{_CN}]+)([）)])([、.．，,]?)")
_L3 = re.compile(r"(\d{1,2})([.．、，,])(?!\d)(?=\S)")
_L4 = re.compile(r"([（(])(\d{1,2})([）)])([、.．，,]?)")
_INLINE = re.compile(rf"(?:^|(?<=[，。；：！？\s]))([{_CN}]{{1,2}})是(?![否的])")
_INDENT = re.compile(r"^[ \t\u3000\u00a0]*")
_HEADING_LIKE = re.compile(r"^[^。；：！？:;!?\d（(]{5,30}$")
_CN_VALUES = {chinese_numeral(n): n for n in range(1, 100)}


@dataclass
class _Typed:
    level: int
    value: int
    start: int  # offset of the number in the unit text
    end: int
    label: str  # the number as it should be printed


def check_numbering(ctx: CheckContext) -> Iterator[Finding]:
    counters = {1: 0, 2: 0, 3: 0, 4: 0}
    report = ctx.report
    numbers = [block_numbers(chapter.blocks) for chapter in report.chapters]
    for unit in ctx.units:
        if unit.field in (Field.TITLE, Field.ADDRESSEE, Field.CLOSING):
            continue
        if unit.field is Field.CHAPTER_TITLE and report.number_chapters and unit.chapter is not None:
            _set(counters, 1, unit.chapter + 1)
            continue
        if unit.field is Field.HEADING and unit.chapter is not None and unit.block is not None:
            blocks = report.chapters[unit.chapter].blocks
            block = blocks[unit.block]
            if block.kind.numbered:
                _set(counters, block.level, _derived_value(numbers[unit.chapter][unit.block]))
            continue
        for offset, line in line_spans(unit.text):
            yield from _line(unit, offset, line, counters)
            yield from _inline(unit, offset, line)


def _set(counters: dict[int, int], level: int, value: int) -> None:
    counters[level] = value
    for deeper in range(level + 1, 5):
        counters[deeper] = 0


def _derived_value(number: str) -> int:
    digits = number.strip("（）.")
    return int(digits) if digits.isdigit() else _CN_VALUES.get(digits, 0)


def _line(unit: TextUnit, offset: int, line: str, counters: dict[int, int]) -> Iterator[Finding]:
    start = offset + _INDENT.match(line).end()  # type: ignore[union-attr]
    typed, fixes = _parse(unit, start)
    if typed is None:
        stripped = line.strip()
        if counters[2] and _HEADING_LIKE.match(stripped) and "，" in stripped and unit.field is Field.BODY:
            yield unit.finding("numbering.missing", Severity.INFO, start, start + len(stripped),
                               "这一行像是小标题，但没有编号（可能在粘贴时丢失）")
        return
    yield from fixes
    expected = counters[typed.level] + 1
    if typed.value == counters[typed.level]:
        yield unit.finding("numbering.repeat", Severity.WARNING, typed.start, typed.end,
                           f"编号重复：又一个“{typed.label}”")
    elif typed.value > expected:
        missing = _label(typed.level, expected)
        yield unit.finding("numbering.gap", Severity.WARNING, typed.start, typed.end,
                           f"编号不连续：“{typed.label}”之前缺少“{missing}”")
    elif typed.value < counters[typed.level]:
        yield unit.finding("numbering.order", Severity.WARNING, typed.start, typed.end,
                           f"编号顺序有误：“{typed.label}”出现在“{_label(typed.level, counters[typed.level])}”之后")
    _set(counters, typed.level, typed.value)


def _label(level: int, n: int) -> str:
    if level == 1:
        return chinese_numeral(n) + "、"
    if level == 2:
        return f"（{chinese_numeral(n)}）"
    return f"{n}." if level == 3 else f"（{n}）"


def _parse(unit: TextUnit, start: int) -> tuple[_Typed | None, list[Finding]]:
    text = unit.text
    fixes: list[Finding] = []
    for level, pattern in ((2, _L2), (4, _L4)):
        m = pattern.match(text, start)
        if m and (level == 4 or m.group(2) in _CN_VALUES):
            value = int(m.group(2)) if level == 4 else _CN_VALUES[m.group(2)]
            if m.group(1) != "（" or m.group(3) != "）":
                fixes.append(unit.finding(
                    "numbering.bracket", Severity.WARNING, m.start(), m.end(3),
                    "序号应使用全角括号“（）”", fix=f"（{m.group(2)}）"))
            if m.group(4):
                fixes.append(unit.match("numbering.punct", Severity.ERROR, m,
                                        f"“（{m.group(2)}）”后不加标点", fix="", group=4))
            return _Typed(level, value, m.start(), m.end(3), _label(level, value)), fixes
    m = _L1.match(text, start)
    if m and m.group(1) in _CN_VALUES:
        if m.group(2) != "、":
            fixes.append(unit.match("numbering.punct", Severity.ERROR, m,
                                    f"一级序号“{m.group(1)}”后应为顿号“、”", fix="、", group=2))
        value = _CN_VALUES[m.group(1)]
        return _Typed(1, value, m.start(), m.end(1), _label(1, value)), fixes
    m = _L3.match(text, start)
    if m:
        punct = m.group(2)
        if punct != ".":
            severity = {"、": Severity.WARNING, "．": Severity.INFO}.get(punct, Severity.ERROR)
            fixes.append(unit.match("numbering.punct", severity, m,
                                    f"三级序号应写作“{m.group(1)}.”（半角句点）", fix=".", group=2))
        value = int(m.group(1))
        return _Typed(3, value, m.start(), m.end(1), _label(3, value)), fixes
    return None, fixes


def _inline(unit: TextUnit, offset: int, line: str) -> Iterator[Finding]:
    """"一是……二是……三是……" within one paragraph: no gaps or repeats."""
    previous = 0
    for m in _INLINE.finditer(line):
        value = _CN_VALUES.get(m.group(1))
        if value is None:
            continue
        if previous == 0 and value != 1:
            previous = value
            continue  # the series may have begun in an earlier paragraph
        if value != previous + 1:
            expected = f"{chinese_numeral(previous + 1)}是"
            yield unit.finding("numbering.inline", Severity.WARNING, offset + m.start(1),
                               offset + m.end(), f"“{m.group(1)}是”前缺少或重复，应为“{expected}”")
        previous = value
