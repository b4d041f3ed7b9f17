"""Whether a rule's pattern can be ruled out for a whole report with one search of its joined text.

A rule that runs its pattern over each of a report's ~100 texts pays a Python loop per text even when the
pattern occurs nowhere, which is the common case (most rules find nothing in most reports). One search
of all texts joined by line breaks (:attr:`CheckContext.full_text`) rules that out — provided every match
the pattern has inside one text is also a match in the joined text. The characters of a match are the
same in both; what can differ is only what the pattern *asserts* about the edges of a text, where the
single text has nothing and the joined text has a line break:

- ``\\A``, ``\\Z`` and (without ``re.MULTILINE``) ``^`` and ``$`` match at a text's edges only;
- a negative lookaround succeeds at a text's edge, but may fail in the joined text when what it looks
  for can be a line break (``(?<!\\s)``, ``(?![^…])``, ``.`` under ``re.DOTALL`` …).

``\\b`` and ``\\B`` see a line break as they see nothing (both are non-word), and a positive lookaround
that succeeds inside a text sees the same characters in both. :func:`joinable` accepts a pattern only
when none of the above can occur, read conservatively from its source: anything it cannot vouch for is
searched text by text, as before (the result is the same either way; only the time differs).
"""

from __future__ import annotations

import re
from functools import cache

_EDGE = re.compile(r"\\[AZ]")
_ANCHOR = re.compile(r"(?<!(?<!\\)\[)[\^$]")  # ^ or $ that may be an anchor (anything but the ^ of a negated class)
_NEGATIVE = re.compile(r"\(\?<?!")
# What may match a line break inside a negative lookaround: a negated class, \s, \W, \D, \n, a character
# written as a code (\x0a, \u000a, \012, \N{…}, \t as the start of a range), a control character.
_MAY_BE_NEWLINE = re.compile(r"\[\^|\\[sWDntxuU0-7N]|[\x00-\x1f]")


@cache
def joinable(pattern: re.Pattern[str]) -> bool:
    """True when a search of texts joined by ``\\n`` finds a match whenever one of the texts has one."""
    source = pattern.pattern
    if _EDGE.search(source) or (_ANCHOR.search(source) and not pattern.flags & re.MULTILINE):
        return False
    negative = _negative_lookarounds(source)
    if negative and pattern.flags & re.DOTALL:
        return False
    return not any(_MAY_BE_NEWLINE.search(inside) for inside in negative)


def _negative_lookarounds(source: str) -> list[str]:
    """The text inside each ``(?!…)`` and ``(?<!…)`` of a pattern (nested ones included)."""
    found: list[str] = []
    open_at: list[int | None] = []  # per open group: where a negative lookaround's text starts
    i, in_class = 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 3 if source.startswith("[^]", i) else 2 if source.startswith("[]", i) else 1  # ] first is literal
            continue
        elif char == "(":
            match = _NEGATIVE.match(source, i)
            open_at.append(match.end() if match else None)
        elif char == ")" and open_at:
            start = open_at.pop()
            if start is not None:
                found.append(source[start:i])
        i += 1
    return found
