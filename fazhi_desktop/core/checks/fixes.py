"""Applying the safe automatic fixes of findings to a report, returning a new report."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from fazhi_desktop.core.checks.finding import TEXT_FIELDS, Field, Finding, Location
from fazhi_desktop.core.model import Chapter, Report


def fixable(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if f.fix is not None and f.location.field in TEXT_FIELDS]


def apply_fixes(report: Report, findings: Iterable[Finding]) -> Report:
    """The report with every applicable fix made. A fix whose text no longer sits at its offset,
    or that overlaps a fix already taken, is skipped (so stale findings can do no harm)."""
    by_unit: dict[tuple[Field, int | None, int | None], list[Finding]] = defaultdict(list)
    for finding in fixable(findings):
        by_unit[finding.location.unit_key].append(finding)
    for (field, chapter, block), group in by_unit.items():
        original = _get(report, field, chapter, block)
        if original is None:
            continue
        fixed = _apply(original, group)
        if fixed != original:
            report = _set(report, field, chapter, block, fixed)
    return report


def _apply(text: str, findings: list[Finding]) -> str:
    chosen: list[Finding] = []
    taken_until = -1
    for f in sorted(findings, key=lambda f: (f.location.offset, len(f.text))):
        start = f.location.offset
        end = start + len(f.text)
        if start < taken_until or text[start:end] != f.text or end > len(text):
            continue
        if f.text == "" and chosen and chosen[-1].location.offset == start:
            continue
        chosen.append(f)
        taken_until = max(end, start + (1 if not f.text else 0))
    for f in reversed(chosen):
        start = f.location.offset
        text = text[:start] + (f.fix or "") + text[start + len(f.text):]
    return text


def field_text(report: Report, location: Location) -> str | None:
    """The text a location points into (None for non-text fields or a stale location)."""
    return _get(report, *location.unit_key)


def _get(report: Report, field: Field, chapter: int | None, block: int | None) -> str | None:
    if field is Field.TITLE:
        return report.title
    if field in (Field.ADDRESSEE, Field.OPENING, Field.CLOSING):
        return str(getattr(report, field.value))
    if chapter is None or not 0 <= chapter < len(report.chapters):
        return None
    ch = report.chapters[chapter]
    if field is Field.CHAPTER_TITLE:
        return ch.title
    if field is Field.CHAPTER_LEAD:
        return ch.lead
    if block is None or not 0 <= block < len(ch.blocks):
        return None
    return ch.blocks[block].heading if field is Field.HEADING else ch.blocks[block].body


def _set(report: Report, field: Field, chapter: int | None, block: int | None, text: str) -> Report:
    if field is Field.TITLE:
        return replace(report, title_override=text)
    if field is Field.ADDRESSEE:
        return replace(report, addressee=text)
    if field is Field.OPENING:
        return replace(report, opening=text)
    if field is Field.CLOSING:
        return replace(report, closing=text)
    assert chapter is not None
    chapters = list(report.chapters)
    ch = chapters[chapter]
    new: Chapter
    if field is Field.CHAPTER_TITLE:
        new = replace(ch, title=text)
    elif field is Field.CHAPTER_LEAD:
        new = replace(ch, lead=text)
    else:
        assert block is not None
        blocks = list(ch.blocks)
        old = blocks[block]
        blocks[block] = replace(old, heading=text) if field is Field.HEADING else replace(old, body=text)
        new = replace(ch, blocks=tuple(blocks))
    chapters[chapter] = new
    return replace(report, chapters=tuple(chapters))
