"""Recognising web-page chrome and PDF page furniture by the shape of the whole line (domain.md §4.4).

The patterns are data (resources/import/clutter.json). A line that reads as a sentence is never
clutter, whatever words it contains: only lines made entirely of labels, controls, links, page
numbers and the like are. :func:`clutter_reason` says why a line would go, in Chinese, for the
list of removed lines the user sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
_SENTENCE_END = "。！？；!?;"
_PROSE = re.compile(f"[{_CJK}]{{2}}[，,][{_CJK}“《]{{2}}")
_TOKEN_SPLIT = re.compile(r"[\s【】\[\]|｜丨/·•、:：]+")
_SPACES = re.compile(r"\s+")
_CLOSERS = "”’）》」』】"


@dataclass(frozen=True)
class _Rule:
    reason: str
    pattern: re.Pattern[str]
    search: bool = False
    needs: tuple[str, ...] = ()  # at least one of these labels must be on the line


@dataclass(frozen=True)
class _TokenRule:
    reason: str
    words: frozenset[str]
    min_tokens: int


@dataclass(frozen=True)
class ClutterData:
    """The compiled patterns of resources/import/clutter.json."""

    rules: tuple[_Rule, ...]
    token_rules: tuple[_TokenRule, ...]
    strong_pages: tuple[re.Pattern[str], ...]
    weak_pages: tuple[re.Pattern[str], ...]
    reasons: dict[str, str]
    words: dict[str, tuple[str, ...]]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _expand(pattern: str, lists: dict[str, str]) -> str:
    """{meta} → the word list ``meta`` as an alternation; regex quantifiers such as {1,30} stay."""
    return re.sub(r"\{([a-z_]+)\}", lambda m: f"(?:{lists[m.group(1)]})" if m.group(1) in lists else m.group(0),
                  pattern)


@cache
def clutter_data() -> ClutterData:
    from fazhi_desktop.resources import load_json

    raw: dict[str, Any] = load_json("import", "clutter.json")
    words: dict[str, list[str]] = raw["words"]
    lists = {name: _alternation(values) for name, values in words.items()}
    rules = tuple(
        _Rule(rule["reason"], re.compile(_expand(rule["pattern"], lists)), bool(rule.get("search")),
              tuple(words[rule["needs"]]) if rule.get("needs") else ())
        for rule in raw["rules"]
    )
    token_rules = tuple(
        _TokenRule(rule["reason"], frozenset(w for name in rule["words"] for w in words[name]), rule["min_tokens"])
        for rule in raw["token_lines"]
    )
    pages = raw["page_numbers"]
    return ClutterData(
        rules, token_rules, tuple(re.compile(p) for p in pages["strong"]),
        tuple(re.compile(p) for p in pages["weak"]), dict(raw["reasons"]),
        {name: tuple(values) for name, values in words.items()},
    )


def squeeze(line: str) -> str:
    """The line without any white space (patterns are matched against this)."""
    return _SPACES.sub("", line)


def is_sentence(line: str) -> bool:
    """A line that ends a sentence or reads as prose (a comma between Chinese words): never clutter."""
    text = line.strip().rstrip(_CLOSERS)
    return bool(text) and (text[-1] in _SENTENCE_END or bool(_PROSE.search(line)))


def is_strong_page_number(line: str) -> bool:
    """— 3 —, - 3 -, 第3页 共9页, Page 3 of 9: a page number wherever it stands."""
    flat = squeeze(line)
    return bool(flat) and any(p.match(flat) for p in clutter_data().strong_pages)


def is_weak_page_number(line: str) -> bool:
    """A bare 3 or 3/9: a page number only where the lines around it say so (never a table cell)."""
    flat = squeeze(line)
    return bool(flat) and any(p.match(flat) for p in clutter_data().weak_pages)


def is_separator(line: str) -> bool:
    """A line of dashes, stars or bars only."""
    flat = squeeze(line)
    return bool(flat) and re.fullmatch(r"[-—–－―─_=＝*＊~～·•|｜<>＜＞/\\]+", flat) is not None


def _token_reason(line: str) -> str | None:
    tokens = [t for t in _TOKEN_SPLIT.split(line) if t]
    if not tokens:
        return None
    for rule in clutter_data().token_rules:
        if len(tokens) >= rule.min_tokens and all(t in rule.words for t in tokens):
            return rule.reason
    return None


def clutter_reason(line: str) -> str | None:
    """Why ``line`` is web-page chrome (a Chinese reason), or None when it is (or may be) report text."""
    line = line.strip()
    if not line or is_sentence(line) or len(line) > 200:
        return None
    data = clutter_data()
    reason = _token_reason(line)  # buttons and menus first: "字体：【大】【中】【小】" is a picker, not metadata
    if reason:
        return reason
    flat = squeeze(line)
    for rule in data.rules:
        found = rule.pattern.search(flat) if rule.search else rule.pattern.match(flat)
        if found and (not rule.needs or any(f"{label}：" in flat or f"{label}:" in flat for label in rule.needs)):
            return rule.reason
    if is_separator(line) and not is_strong_page_number(line):
        return data.reasons["separator"]
    return None


def reason(key: str) -> str:
    """The Chinese reason for a removal decided in code (page numbers, running headers …)."""
    return clutter_data().reasons[key]


def clutter_words() -> list[str]:
    """Every word in the data file (the paste test puts each into a sentence that must survive)."""
    data = clutter_data()
    return sorted({w for values in data.words.values() for w in values})
