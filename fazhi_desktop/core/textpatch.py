"""Taking back one change to a text after other changes were made to it since (撤销修正).

A fix turned ``original`` into ``changed``; the clerk has since typed, so the text is now ``current``.
:func:`revert_where_unchanged` puts back the fix's own edits wherever the fixed text is still there as
the fix left it, and leaves every later edit alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher


@dataclass(frozen=True)
class Reverted:
    """The text with the edits taken back, how many edits were taken back and how many could not be."""

    text: str
    reverted: int
    kept: int


def edits(before: str, after: str) -> list[tuple[int, int, str]]:
    """The edits that turn ``before`` into ``after``: (start, end) in ``after`` and the text ``before`` had."""
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    return [(j1, j2, before[i1:i2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _mapped(start: int, end: int, blocks: list[tuple[int, int, int]]) -> tuple[int, int] | None:
    """Where ``changed[start:end]`` is in the current text, when it lies in a stretch left as it was."""
    for a, b, size in blocks:
        if a <= start and end <= a + size and (start < end or size > 0):
            return b + start - a, b + end - a
    return None


def revert_where_unchanged(original: str, changed: str, current: str) -> Reverted:
    """``current`` with every edit that turned ``original`` into ``changed`` taken back, where the text
    around it is still as ``changed`` had it; edits whose place was changed since are kept (counted)."""
    blocks = [(m.a, m.b, m.size) for m in SequenceMatcher(None, changed, current, autojunk=False).get_matching_blocks()
              if m.size]
    text = current
    reverted = kept = 0
    places: list[tuple[int, int, str]] = []
    for start, end, old in edits(original, changed):
        where = _mapped(start, end, blocks)
        if where is None:
            kept += 1
        else:
            places.append((*where, old))
            reverted += 1
    for start, end, old in sorted(places, reverse=True):
        text = text[:start] + old + text[end:]
    return Reverted(text, reverted, kept)
