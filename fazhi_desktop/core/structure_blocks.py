"""One chapter's lines → its lead and blocks, repairing sub-headings whose numbers were lost."""

from __future__ import annotations

from dataclasses import dataclass, replace

from fazhi_desktop.core.headings import TERMINAL, is_short_title_line, split_run_in, typed_heading
from fazhi_desktop.core.model import Block, BlockKind
from fazhi_desktop.core.numbering import level_number

_LEVEL_NAMES = {2: "节", 3: "条", 4: "项"}


@dataclass(frozen=True)
class Entry:
    """A line of a chapter: a numbered heading (level 2–4) or a plain paragraph (level 0)."""

    text: str
    level: int = 0
    number: int = 0
    repaired: bool = False

    @property
    def heading(self) -> bool:
        return self.level > 0


def entries_for(lines: list[str]) -> list[Entry]:
    out = []
    for line in lines:
        typed = typed_heading(line)
        if typed and typed.level >= 2:
            out.append(Entry(typed.text, typed.level, typed.number))
        else:
            out.append(Entry(line))
    return out


def _sibling(entries: list[Entry], index: int, level: int, step: int) -> Entry | None:
    """The nearest heading at ``level`` in direction ``step`` under the same parent."""
    i = index + step
    while 0 <= i < len(entries):
        entry = entries[i]
        if entry.heading and entry.level < level:
            return None
        if entry.heading and entry.level == level:
            return entry
        i += step
    return None


def _followed_by_content(entries: list[Entry], index: int, level: int) -> bool:
    """A lost heading after the last numbered sibling must head real text (not a table cell)."""
    if index + 1 >= len(entries) or sum(1 for ch in entries[index].text if "\u4e00" <= ch <= "\u9fff") < 6:
        return False
    after = entries[index + 1]
    if after.heading:
        return after.level > level
    return len(after.text) >= 30 and after.text.endswith(tuple(TERMINAL))


def _gap_fit(entries: list[Entry], index: int) -> tuple[int, int] | None:
    """(level, number) when the line fills an exact gap: "（一）… / X / （三）…" or "X / （二）…"."""
    for level in (2, 3):
        prev = _sibling(entries, index, level, -1)
        nxt = _sibling(entries, index, level, +1)
        expected = prev.number + 1 if prev else 1
        if nxt is not None and nxt.number == expected + 1:
            return level, expected
    return None


def _trailing_fit(entries: list[Entry], index: int) -> tuple[int, int] | None:
    """(level, number) for a line after the last numbered sibling that heads real text."""
    nearest = next((e.level for e in reversed(entries[:index]) if e.heading), 2)
    for level in ((3, 2) if nearest >= 3 else (2, 3)):
        prev = _sibling(entries, index, level, -1)
        if prev is not None and _sibling(entries, index, level, +1) is None:
            return (level, prev.number + 1) if _followed_by_content(entries, index, level) else None
    return None


def repair_lost_numbers(entries: list[Entry]) -> tuple[list[Entry], list[str]]:
    """Promote short unpunctuated lines that sit where a numbered sibling is missing.

    "（一）… / X / （三）…" or "X / （二）…" (a gap filled exactly), or X after the last
    numbered sibling with text under it, as in the sample report.
    """
    entries = list(entries)
    notes: list[str] = []
    for index, entry in enumerate(entries):
        if entry.heading or not is_short_title_line(entry.text):
            continue
        fit = _gap_fit(entries, index) or _trailing_fit(entries, index)
        if fit is not None:
            level, expected = fit
            entries[index] = replace(entry, level=level, number=expected, repaired=True)
            number = level_number(level, expected)
            notes.append(f"“{entry.text}”原文缺少编号，已按上下文识别为{number}{_LEVEL_NAMES[level]}标题")
    return entries, notes


def _block(entry: Entry, body: list[str]) -> Block:
    kind = BlockKind.for_level(entry.level)
    heading, rest = split_run_in(entry.text)
    if not heading:  # one long sentence: the number runs into the text
        return Block(kind, body="\n".join([entry.text, *body]), run_in=True)
    if rest:
        return Block(kind, heading=heading, body="\n".join([rest, *body]), run_in=True)
    if heading.endswith(tuple(TERMINAL)) and not body:
        return Block(kind, heading=heading, run_in=True)
    return Block(kind, heading=heading, body="\n".join(body))


def _check_sequence(entries: list[Entry]) -> list[str]:
    """Typed numbers that skip or repeat: they are renumbered, so say so."""
    notes = []
    counters = {2: 0, 3: 0, 4: 0}
    for entry in entries:
        if not entry.heading:
            continue
        expected = counters[entry.level] + 1
        if entry.number != expected and not entry.repaired:
            typed = level_number(entry.level, entry.number)
            notes.append(f"原文编号{typed}“{entry.text[:12]}”不连续，已按顺序重新编号为"
                         f"{level_number(entry.level, expected)}")
        counters[entry.level] = expected
        for deeper in range(entry.level + 1, 5):
            counters[deeper] = 0
    return notes


def chapter_body(lines: list[str]) -> tuple[str, tuple[Block, ...], list[str]]:
    """(lead, blocks, notes) for the lines under one chapter title."""
    entries, notes = repair_lost_numbers(entries_for(lines))
    notes += _check_sequence(entries)
    if not any(e.heading for e in entries):
        text = "\n".join(e.text for e in entries)
        return "", ((Block(BlockKind.PARAGRAPH, body=text),) if text else ()), notes
    lead: list[str] = []
    blocks: list[Block] = []
    current: Entry | None = None
    body: list[str] = []
    for entry in entries:
        if entry.heading:
            if current is not None:
                blocks.append(_block(current, body))
            current, body = entry, []
        elif current is None:
            lead.append(entry.text)
        else:
            body.append(entry.text)
    if current is not None:
        blocks.append(_block(current, body))
    return "\n".join(lead), tuple(blocks), notes
