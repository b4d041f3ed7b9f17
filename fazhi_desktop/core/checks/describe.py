"""Findings as clerks read them: where in the report (Chinese) and as JSON-ready data."""

from __future__ import annotations

from typing import Any

from fazhi_desktop.core.checks.finding import Field, Finding, Location
from fazhi_desktop.core.model import Block, Report
from fazhi_desktop.core.numbering import block_numbers, chinese_numeral


def _short(text: str, width: int = 14) -> str:
    flat = "".join(text.split())
    return flat if len(flat) <= width else flat[:width] + "…"


# The numbers of a chapter's blocks, per blocks tuple: describing each of thousands of findings must not
# number the whole chapter again (that made the 检查 tab take minutes on a 10,000-block report).
_numbers_memo: dict[int, tuple[tuple[Block, ...], list[str]]] = {}


def _numbers(blocks: tuple[Block, ...]) -> list[str]:
    hit = _numbers_memo.get(id(blocks))
    if hit is not None and hit[0] is blocks:
        return hit[1]
    if len(_numbers_memo) > 32:
        _numbers_memo.clear()
    numbers = block_numbers(blocks)
    _numbers_memo[id(blocks)] = (blocks, numbers)
    return numbers


def describe_location(location: Location, report: Report, with_offset: bool = True) -> str:
    """E.g. "第二章“2021年工作开展主要举措…” › 第21段 › 正文第216字"."""
    field = location.field
    at = f"第{location.offset + 1}字" if with_offset else ""
    if field in (Field.TITLE, Field.ADDRESSEE, Field.OPENING, Field.CLOSING):
        return field.label + at
    if location.chapter is None or not 0 <= location.chapter < len(report.chapters):
        return field.label
    chapter = report.chapters[location.chapter]
    parts = [f"第{chinese_numeral(location.chapter + 1)}章“{_short(chapter.title)}”"]
    if location.block is not None and 0 <= location.block < len(chapter.blocks):
        block = chapter.blocks[location.block]
        number = _numbers(chapter.blocks)[location.block]
        if number:
            parts.append(f"{number}{_short(block.heading or block.body, 10)}")
        else:
            parts.append(f"第{location.block + 1}段")
    what = {Field.CHAPTER_TITLE: "章标题", Field.CHAPTER_LEAD: "导语", Field.HEADING: "小标题",
            Field.BODY: "正文"}.get(field, field.label)
    parts.append(what + at)
    return " › ".join(parts)


def finding_to_dict(finding: Finding, report: Report) -> dict[str, Any]:
    """A finding in the stable JSON format of ``check --json``."""
    loc = finding.location
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "location": {
            "field": loc.field.value,
            "chapter": loc.chapter,
            "block": loc.block,
            "offset": loc.offset,
            "chapter_id": loc.chapter_id,
            "block_id": loc.block_id,
            "text": describe_location(loc, report, with_offset=bool(finding.text)),
        },
        "text": finding.text,
        "message": finding.message,
        "fix": finding.fix,
        "key": finding.key,
    }
