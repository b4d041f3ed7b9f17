"""Character-level cleanup of one line: spaces, full-width forms, punctuation, year ranges."""

from __future__ import annotations

import re
import unicodedata

CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK = re.compile(f"[{CJK_RANGES}]")
# Chinese punctuation that may touch Chinese text without a space.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕［］｛｝—…·～％"
_X = f"{CJK_RANGES}{re.escape(CJK_PUNCT)}"

# U+200D stays between emoji (👨\u200d👩\u200d👧 is one family), as in core.text.strip_control.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u2060\u00ad]|\u200d(?![\u2600-\u27bf\U0001f000-\U0001faff])")
_TABS = re.compile("\t+")
# The tab or spaces Word and clerks put between a typed number and its heading ("一、<tab>主要举措").
_LABEL_GAP = re.compile(
    r"^(\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）][、]?))[\s\u3000]+(?=\S)"
    r"|^(\s*\d{1,2}[.．、])[\s\u3000]+(?=[^\s\d])")  # not "1. 5万元"
_SPACES = re.compile("[\u00a0\u2002-\u200a\u202f\u205f]")
_FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_STRAY_SPACE = re.compile(f"(?<=[{_X}0-9]) (?=[{_X}])|(?<=[{_X}]) (?=[0-9])")
_YEAR_RANGE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:[-－~～–―—]{1,2})?\s*((?:19|20)\d{2})\s*年"
)
_MONTH_NO_YEAR = re.compile(r"(?<![\d.])(20\d{2})(1[0-2]|[1-9])月")
_PAREN = re.compile(r"\(([^()\n]*)\)")
_ASCII_TO_CN = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
_PUNCT_NEAR_CJK = re.compile(f"(?<=[{_X}])[,;:?!]+|[,;:?!]+(?=[{_X}])")
_DIGIT_DOT = re.compile(r"(?<=\d)．(?=\d)")
_LINE_END_DOT = re.compile(f"(?<=[{CJK_RANGES}])\\.$")


def is_cjk_text(text: str) -> bool:
    return CJK.search(text) is not None


def display_width(text: str) -> int:
    """Width in half-width columns: Chinese characters and full-width forms count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _halfwidth(match: re.Match[str]) -> str:
    return chr(ord(match.group()) - 0xFEE0)


def _year_range(match: re.Match[str]) -> str:
    first, second = match.group(1), match.group(2)
    if int(second) <= int(first):
        return match.group()
    return f"{first}—{second}年"


def _paren(match: re.Match[str]) -> str:
    inner = match.group(1)
    start, end = match.span()
    text = match.string
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if is_cjk_text(inner) or is_cjk_text(f"{before}{after}"):
        return f"（{inner}）"
    return match.group()


def _quotes(line: str) -> str:
    if '"' not in line or line.count('"') % 2 or not is_cjk_text(line):
        return line
    parts = line.split('"')
    out = parts[0]
    for index, part in enumerate(parts[1:]):
        out += ("“" if index % 2 == 0 else "”") + part
    return out


# (rule of core.checks the change answers to, pattern that finds it, replacement)
_STEPS: tuple[tuple[str, re.Pattern[str], object], ...] = (
    ("text.fullwidth", _FULLWIDTH_ALNUM, _halfwidth),
    ("text.fullwidth", _DIGIT_DOT, "."),
    ("text.halfwidth", _PAREN, _paren),
    ("text.halfwidth", _PUNCT_NEAR_CJK, lambda m: "".join(_ASCII_TO_CN[ch] for ch in m.group())),
    ("text.halfwidth", _LINE_END_DOT, "。"),
)
_LATE_STEPS: tuple[tuple[str, re.Pattern[str], object], ...] = (
    ("text.halfwidth", _PUNCT_NEAR_CJK, lambda m: "".join(_ASCII_TO_CN[ch] for ch in m.group())),  # "," → “,”
    ("text.year_range", _YEAR_RANGE, _year_range),
    ("text.missing_year_char", _MONTH_NO_YEAR, r"\1年\2月"),
    ("text.space", _STRAY_SPACE, ""),
)

Change = tuple[str, str]  # (check rule, the text as it was)


def normalize_line(line: str) -> str:
    """Clean one line without ever removing a Chinese character.

    Strips indentation, turns full-width digits and letters half-width, writes ASCII , ; : ? ! ()
    next to Chinese as Chinese punctuation (1,234 / 3.5 / 09:18 / URLs stay), pairs straight
    quotes as “”, restores year ranges (2021-2025年, 20212025年 → 2021—2025年) and removes single
    stray spaces between Chinese characters, punctuation and digits. A full-width space or a tab
    counts as a wide gap and is kept as two spaces.
    """
    return normalize_line_changes(line)[0]


def normalize_line_changes(line: str) -> tuple[str, list[Change]]:
    """:func:`normalize_line`, and what it changed: (rule, original text) for each kind of change."""
    changes: list[Change] = []
    line = _ZERO_WIDTH.sub("", line)
    line = _LABEL_GAP.sub(lambda m: m.group(1) or m.group(2), line)
    line = _TABS.sub("  ", line)
    line = _SPACES.sub(" ", line).replace("\u3000", "  ")
    line = line.strip()
    for rule, pattern, repl in _STEPS:
        line = _step(line, rule, pattern, repl, changes)
    quoted = _quotes(line)
    if quoted != line:
        changes.append(("text.straight_quote", '"'))
        line = quoted
    for rule, pattern, repl in _LATE_STEPS:
        line = _step(line, rule, pattern, repl, changes)
    return line, changes


def _step(line: str, rule: str, pattern: re.Pattern[str], repl: object, changes: list[Change]) -> str:
    new, count = pattern.subn(repl, line)  # type: ignore[call-overload]
    for _ in range(3):  # nested brackets "(法())": the inner pair first, then the outer
        if not count:
            break
        new, count = pattern.subn(repl, new)  # type: ignore[call-overload]
    if new != line:
        found = pattern.search(line)
        if found is not None:
            start, end = found.span()
            changes.append((rule, line[max(0, start - 4):end + 4]))
    return str(new)
