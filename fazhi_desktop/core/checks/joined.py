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
_LOOKAROUND = re.compile(r"\(\?<?([=!])")
_REFERS = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")  # a backreference, or a condition on a group
# What may match a line break inside a negative lookaround: a negated class, \s, \W, \D, \n, a character
# written as a code (\x0a, \u000a, \012, \N{…}, \t as the start of a range), a control character.
_MAY_BE_NEWLINE = re.compile(r"\[\^|\\[sWDntxuU0-7N]|[\x00-\x1f]")


@cache
def joinable(pattern: re.Pattern[str]) -> bool:
    """True when a search of texts joined by ``\\n`` finds a match whenever one of the texts has one."""
    source = pattern.pattern
    if _EDGE.search(source) or (_ANCHOR.search(source) and not pattern.flags & re.MULTILINE):
        return False
    negative = [source[inside:end] for _, inside, end, is_negative in _lookarounds(source) if is_negative]
    if negative and pattern.flags & re.DOTALL:
        return False
    return not any(_MAY_BE_NEWLINE.search(inside) for inside in negative)


@cache
def relaxed(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` without its lookarounds, when it has some: it matches wherever ``pattern`` does (an
    assertion only ever rules a match out), and is much quicker to search for when ``pattern`` starts
    with one (the search then tries the assertion at every position). None when there is nothing to drop,
    or when dropping would renumber groups a backreference or a condition refers to."""
    source = pattern.pattern
    spans = [(start, end) for start, _, end, _ in _lookarounds(source)]
    if not spans or _REFERS.search(source) or any(source[end + 1:end + 2] in ("*", "+", "?", "{")
                                                    for _, end in spans):
        return None  # (a quantified lookaround: dropping it would hand its quantifier to what comes before)
    kept, last = [], 0
    for start, end in sorted(spans):
        if start >= last:  # (a lookaround inside a dropped one goes with it)
            kept.append(source[last:start])
            last = end + 1
    kept.append(source[last:])
    try:
        return re.compile("".join(kept), pattern.flags)
    except re.error:
        return None


def _lookarounds(source: str) -> list[tuple[int, int, int, bool]]:
    """Each lookaround of a pattern (nested ones included): where its ``(`` is, where the text inside
    starts, where its ``)`` is, and whether it is negative (``(?!…)``, ``(?<!…)``)."""
    found: list[tuple[int, int, int, bool]] = []
    open_at: list[tuple[int, int, bool] | None] = []  # per open group: a lookaround's start, inside, negative
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
            match = _LOOKAROUND.match(source, i)
            open_at.append((i, match.end(), match.group(1) == "!") if match else None)
        elif char == ")" and open_at:
            group = open_at.pop()
            if group is not None:
                found.append((group[0], group[1], i, group[2]))
        i += 1
    return found
