"""One chapter's lines → its lead and blocks, repairing sub-headings whose numbers were lost.

Every repair and every number typed wrongly (（一）、, 1、, a skipped number) is reported twice: as a
note for the preview and as a :class:`SourceIssue` for ``check FILE``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from fazhi_desktop.core.headings import TERMINAL, is_short_title_line, split_run_in, typed_heading
from fazhi_desktop.core.issues import SourceIssue
from fazhi_desktop.core.model import Block, BlockKind
from fazhi_desktop.core.numbering import level_number

_LEVEL_NAMES = {2: "节", 3: "条", 4: "项"}
_SECTION_BODY_MIN = 15  # a paragraph under an unnumbered heading is real text, not a table cell


@dataclass(frozen=True)
class Entry:
    """A line of a chapter: a numbered heading (level 2–4) or a plain paragraph (level 0)."""

    text: str
    level: int = 0
    number: int = 0
    repaired: bool = False
    label: str = ""  # the number as typed ("" when it was lost)

    @property
    def heading(self) -> bool:
        return self.level > 0


@dataclass(frozen=True)
class Body:
    """A chapter's lead, blocks, notes for the preview and issues (chapter index still unset)."""

    lead: str
    blocks: tuple[Block, ...]
    notes: list[str]
    issues: list[SourceIssue]


def entries_for(lines: list[str]) -> list[Entry]:
    out = []
    for line in lines:
        typed = typed_heading(line)
        if typed and typed.level >= 2:
            out.append(Entry(typed.text, typed.level, typed.number, label=typed.label))
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


def _cjk(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


def _followed_by_content(entries: list[Entry], index: int, level: int) -> bool:
    """A lost heading after the last numbered sibling must head real text (not a table cell)."""
    if index + 1 >= len(entries) or _cjk(entries[index].text) < 6:
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


def _note_repaired(entry: Entry, level: int, number: int) -> str:
    return f"“{entry.text}”原文缺少编号，已按上下文识别为{level_number(level, number)}{_LEVEL_NAMES[level]}标题"


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
            notes.append(_note_repaired(entry, level, expected))
    return entries, notes


def _section_like(entries: list[Entry], index: int) -> bool:
    """A heading typed without a number (bold in Word): short, no end punctuation, text or items under it."""
    entry = entries[index]
    if entry.heading or "：" in entry.text or not is_short_title_line(entry.text, 30) or index + 1 >= len(entries):
        return False
    after = entries[index + 1]
    if after.heading:
        return after.level >= 3
    return len(after.text) >= _SECTION_BODY_MIN and after.text.endswith(tuple(TERMINAL))


def promote_unnumbered_sections(entries: list[Entry]) -> tuple[list[Entry], list[str]]:
    """A chapter whose sections were typed without numbers: two or more heading-like lines, or one above
    numbered items, become its （一）（二）… sections."""
    if any(e.heading and e.level == 2 for e in entries):
        return entries, []
    found = [i for i in range(len(entries)) if _section_like(entries, i)]
    if len(found) < 2 and not (found and any(e.heading for e in entries[found[0]:])):
        return entries, []
    entries = list(entries)
    notes = []
    for number, index in enumerate(found, start=1):
        entries[index] = replace(entries[index], level=2, number=number, repaired=True)
        notes.append(_note_repaired(entries[index], 2, number))
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


def _label_issue(entry: Entry) -> SourceIssue | None:
    """（一）、 / 1、 / 1， : punctuation after a typed number (domain.md §4.3 rule 4)."""
    label, level = entry.label, entry.level
    right = level_number(level, entry.number)
    if not label or label == right:
        return None
    tail = label[-1]
    if level in (2, 4) and tail in "、，,．.":
        return SourceIssue("numbering.punct", "错误", f"“{right}”后不加标点（原文为“{label}”，导入时已去掉）",
                           "heading", text=label)
    if level == 3 and tail in "、．，,":
        severity = {"、": "警告", "．": "提示"}.get(tail, "错误")
        return SourceIssue("numbering.punct", severity, f"三级序号应写作“{right}”（原文为“{label}”，导入时已改正）",
                           "heading", text=label)
    return None


def _sequence(entries: list[Entry]) -> dict[int, tuple[str, SourceIssue]]:
    """Typed numbers that skip or repeat, and numbers that were lost: they are numbered again, so say so."""
    out: dict[int, tuple[str, SourceIssue]] = {}
    counters = {2: 0, 3: 0, 4: 0}
    for index, entry in enumerate(entries):
        if not entry.heading:
            continue
        expected = counters[entry.level] + 1
        right = level_number(entry.level, expected)
        if entry.repaired:
            out[index] = ("", SourceIssue("numbering.gap", "警告", f"“{entry.text[:16]}”前缺少“{right}”：原文漏了编号，"
                                          "导入时已按上下文补上", "heading", text=entry.text[:16]))
        elif entry.number != expected:
            typed = level_number(entry.level, entry.number)
            note = f"原文编号{typed}“{entry.text[:12]}”不连续，已按顺序重新编号为{right}"
            rule = "numbering.repeat" if entry.number == expected - 1 else "numbering.gap"
            out[index] = (note, SourceIssue(rule, "警告", note, "heading", text=typed))
        counters[entry.level] = expected
        for deeper in range(entry.level + 1, 5):
            counters[deeper] = 0
    return out


def chapter_body(lines: list[str]) -> Body:
    """The lead, blocks, notes and issues for the lines under one chapter title."""
    entries, notes = promote_unnumbered_sections(entries_for(lines))
    entries, repaired = repair_lost_numbers(entries)
    notes += repaired
    sequence = _sequence(entries)
    notes += [note for note, _ in sequence.values() if note]
    if not any(e.heading for e in entries):
        text = "\n".join(e.text for e in entries)
        return Body("", ((Block(BlockKind.PARAGRAPH, body=text),) if text else ()), notes, [])
    lead: list[str] = []
    blocks: list[Block] = []
    issues: list[SourceIssue] = []
    current: Entry | None = None
    body: list[str] = []
    for index, entry in enumerate(entries):
        if entry.heading:
            if current is not None:
                blocks.append(_block(current, body))
            current, body = entry, []
            found = [sequence[index][1]] if index in sequence else []
            found += [i for i in (_label_issue(entry),) if i is not None]
            issues += [replace(i, block=len(blocks)) for i in found]
        elif current is None:
            lead.append(entry.text)
        else:
            body.append(entry.text)
    if current is not None:
        blocks.append(_block(current, body))
    return Body("\n".join(lead), tuple(blocks), notes, issues)
