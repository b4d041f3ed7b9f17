"""Text hygiene: half-width punctuation, stray spaces, doubled punctuation, quotes, dates (§4.4)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from fazhi_desktop.core.checks.context import CheckContext
from fazhi_desktop.core.checks.finding import CJK, Field, Finding, Severity, TextUnit

_CJK_PUNCT = "，。、；：？！“”‘’《》（）【】"
_HALF = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_PUNCT = re.compile(rf"(?<=[{CJK}{_CJK_PUNCT}])[,;:?!()]|[,;:?!()](?=[{CJK}{_CJK_PUNCT}])")
_LEADING_NUMBER = re.compile(r"^[ \t\u3000]*\(([一二三四五六七八九十]+|\d{1,2})\)")
_SPACE_CJK = re.compile(rf"(?<=[{CJK}{_CJK_PUNCT}])[ \u00a0\u3000]+(?=[{CJK}{_CJK_PUNCT}])")
_SPACE_DIGIT = re.compile(rf"(?<=[{CJK}，。、；：])[ \u00a0]+(?=\d)|(?<=\d)[ \u00a0]+(?=[{CJK}])")
_DOUBLE = re.compile(r"([，。、；：？！])\1+|[，、；：][。，、；：]|。[，、；：]")
_STRAIGHT_QUOTE = re.compile('"')
_HAS_CJK = re.compile(f"[{CJK}]")
_LOST_DASH = re.compile(r"(?<!\d)(20\d{2})(20\d{2})(?=年)")
_BAD_DASH = re.compile(r"(?<!\d)(\d{4})\s*[-－~–―]\s*(\d{4})(?=年)")
_NO_YEAR = re.compile(r"(?<!\d)(20\d{2})(1[0-2]|0?[1-9])(?=月)")
_TEXT_DATE = re.compile(r"(?<![\d.])(20\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.])")
_PADDED = re.compile(r"(?<!\d)(20\d{2})年0(\d)月|(?<=月)0(\d)(?=日)")
_FULLWIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_DATE_PATTERNS = (_LOST_DASH, _BAD_DASH, _NO_YEAR, _TEXT_DATE, _PADDED)
# Characters one of which a text holds when the pattern matches in it (tested before a slower search).
NEEDS = {_HALF_PUNCT: ",;:?!()", _SPACE_CJK: " \u00a0\u3000", _SPACE_DIGIT: " \u00a0", _BAD_DASH: "-－~–―",
         _TEXT_DATE: "-/."}
_FORMULA = re.compile("报告如下")
_PAGE_MARK = re.compile(
    r"^[ \t\u3000]*(?:[-－—]\s*\d+\s*[-－—]|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页)"
    r"[ \t\u3000]*$", re.M)
_LINE_END_OK = re.compile(r"[。！？；：”’）》…—]$")
_STARTS_HEADING = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d))")
_STARTS_TEXT = re.compile(rf"^[{CJK}\d“《]")
BROKEN_LINE_MIN = 20  # a shorter line without end punctuation is more likely a heading


def check_hygiene(ctx: CheckContext) -> Iterator[Finding]:
    formula_count = 0
    # a pass whose patterns occur nowhere in the report is skipped for every text (see CheckContext.mentions)
    punctuation = any(ctx.mentions(p, NEEDS.get(p, "")) for p in (_HALF_PUNCT, _DOUBLE, _FULLWIDTH))
    spaces = any(ctx.mentions(p, NEEDS[p]) for p in (_SPACE_CJK, _SPACE_DIGIT))
    quotes = ctx.mentions(_STRAIGHT_QUOTE)
    dates = any(ctx.mentions(p, NEEDS.get(p, "")) for p in _DATE_PATTERNS)
    formula = ctx.mentions(_FORMULA)
    for unit in ctx.units:
        text = unit.text
        if not text:
            continue
        if punctuation:
            yield from _punctuation(unit)
        if spaces:
            yield from _spaces(unit)
        if quotes:
            yield from _quotes(unit)
        if dates:
            yield from _dates(unit)
        yield from _paste_artifacts(unit)
        if formula and unit.field is not Field.TITLE:
            for match in _FORMULA.finditer(text):
                formula_count += 1
                if formula_count > 1:
                    yield unit.match("text.duplicate_formula", Severity.WARNING, match,
                                     "“现将……报告如下”重复出现，开头只需写一次")


def _punctuation(unit: TextUnit) -> Iterator[Finding]:
    text = unit.text
    skip: set[int] = set()
    offset = 0
    for line in text.split("\n"):
        lead = _LEADING_NUMBER.match(line)
        if lead:  # numbering.py reports half-width brackets of a leading number
            skip.update({offset + lead.start(1) - 1, offset + lead.end(1)})
        offset += len(line) + 1
    for match in _HALF_PUNCT.finditer(text):
        if match.start() in skip:
            continue
        char = match.group(0)
        yield unit.match("text.halfwidth", Severity.WARNING, match,
                         f"中文中应使用全角标点“{_HALF[char]}”，不用半角“{char}”", fix=_HALF[char])
    for match in _DOUBLE.finditer(text):
        same = len(set(match.group(0))) == 1
        yield unit.match("text.double_punct", Severity.WARNING, match,
                         f"标点重复：“{match.group(0)}”", fix=match.group(0)[0] if same else None)
    for match in _FULLWIDTH.finditer(text):
        half = "".join(chr(ord(c) - 0xFEE0) for c in match.group(0))
        yield unit.match("text.fullwidth", Severity.WARNING, match,
                         f"公文中数字和字母用半角：“{match.group(0)}”应为“{half}”", fix=half)


def _spaces(unit: TextUnit) -> Iterator[Finding]:
    for match in _SPACE_CJK.finditer(unit.text):
        yield unit.match("text.space", Severity.WARNING, match, "汉字之间有多余的空格", fix="")
    for match in _SPACE_DIGIT.finditer(unit.text):
        yield unit.match("text.space", Severity.INFO, match, "汉字与数字之间不加空格", fix="")


def _quotes(unit: TextUnit) -> Iterator[Finding]:
    """Straight double quotes in Chinese text alternate “ and ” within a paragraph."""
    offset = 0
    for line in unit.text.split("\n"):
        if _HAS_CJK.search(line):
            for index, match in enumerate(_STRAIGHT_QUOTE.finditer(line)):
                fix = "“" if index % 2 == 0 else "”"
                yield unit.finding("text.straight_quote", Severity.WARNING, offset + match.start(),
                                   offset + match.end(), f"中文中应使用弯引号“{fix}”", fix=fix)
        offset += len(line) + 1


def _dates(unit: TextUnit) -> Iterator[Finding]:
    text = unit.text
    for match in _LOST_DASH.finditer(text):
        fixed = f"{match.group(1)}—{match.group(2)}"
        yield unit.match("text.year_range", Severity.ERROR, match,
                         f"年份区间丢失了连接号，应为“{fixed}年”", fix=fixed)
    for match in _BAD_DASH.finditer(text):
        fixed = f"{match.group(1)}—{match.group(2)}"
        yield unit.match("text.year_range", Severity.WARNING, match,
                         f"年份区间应使用连接号“—”：“{fixed}年”", fix=fixed)
    for match in _NO_YEAR.finditer(text):
        fixed = f"{match.group(1)}年{int(match.group(2))}"
        yield unit.match("text.missing_year_char", Severity.ERROR, match,
                         f"年份后漏了“年”字，应为“{fixed}月”", fix=fixed)
    for match in _TEXT_DATE.finditer(text):
        y, m, d = (int(g) for g in match.groups())
        if 1 <= m <= 12 and 1 <= d <= 31:
            fixed = f"{y}年{m}月{d}日"
            yield unit.match("text.date_format", Severity.INFO, match,
                             f"公文日期应写作“{fixed}”", fix=fixed)
    for match in _PADDED.finditer(text):
        fixed = f"{match.group(1)}年{match.group(2)}月" if match.group(1) else match.group(3)
        yield unit.match("text.date_format", Severity.WARNING, match,
                         "公文日期中的月、日不编虚位（如“1月5日”，不写“01月05日”）", fix=fixed)


def _paste_artifacts(unit: TextUnit) -> Iterator[Finding]:
    """Page numbers copied from a PDF, and lines broken in the middle of a sentence."""
    text = unit.text
    for match in _PAGE_MARK.finditer(text):
        if match.group(0).strip():
            end = match.end() + 1 if match.end() < len(text) and text[match.end()] == "\n" else match.end()
            yield unit.finding("text.page_mark", Severity.WARNING, match.start(), end,
                               "这一行是从PDF复制来的页码，应删除", fix="")
    if "\n" not in text:
        return
    lines = text.split("\n")
    offset = 0
    for line, following in pairwise(lines):
        offset += len(line) + 1
        stripped = line.strip()
        if (len(stripped) >= BROKEN_LINE_MIN and not _LINE_END_OK.search(stripped)
                and not _STARTS_HEADING.match(line) and _STARTS_TEXT.match(following.strip())
                and not _STARTS_HEADING.match(following) and not _PAGE_MARK.match(following)):
            yield unit.finding("text.broken_line", Severity.INFO, offset - 1, offset,
                               "句子中间断行（常见于从PDF复制的文字），应与下一行连接", fix="")
