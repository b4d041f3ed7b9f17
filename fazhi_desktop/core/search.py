"""查找和替换 across a whole report: every text the clerk wrote — 基本信息 (report and unit), chapter titles
and leads, headings and bodies — with where each hit is, as the results list shows it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from fazhi_desktop.core.model import BlockKind, Report
from fazhi_desktop.core.numbering import block_numbers, chinese_numeral
from fazhi_desktop.core.schema import REPORT_FIELDS, UNIT_FIELDS, FieldKind

CONTEXT = 14  # characters shown either side of a hit


@dataclass(frozen=True)
class TextField:
    """One searchable text: ``kind`` "report", "unit", "chapter" or "block", ``key`` the field, ``row`` the
    report, chapter or block id (``chapter`` the chapter id of a block); ``where`` for the results list."""

    kind: str
    key: str
    row: int
    text: str
    where: str
    chapter: int | None = None


@dataclass(frozen=True)
class Hit:
    """``needle`` found in ``field`` at ``start``."""

    field: TextField
    start: int
    end: int

    def context(self, width: int = CONTEXT) -> str:
        """The hit with a little text around it, on one line: "…承接县级【赋权】事项37项…"."""
        text = self.field.text
        left = text[max(0, self.start - width):self.start]
        right = text[self.end:self.end + width]
        flat = (("…" if self.start > width else "") + left + "【" + text[self.start:self.end] + "】" + right
                + ("…" if self.end + width < len(text) else ""))
        return " ".join(flat.split())


def _short(text: str, width: int = 16) -> str:
    flat = "".join(text.split())
    return flat if len(flat) <= width else flat[:width] + "…"


def text_fields(report: Report) -> Iterator[TextField]:
    """Every text of ``report`` that find and replace reach, in reading order."""
    assert report.id is not None and report.unit.id is not None
    for spec in UNIT_FIELDS:
        yield TextField("unit", spec.key, report.id, str(getattr(report.unit, spec.attr) or ""),
                        f"基本信息 › {spec.label}")
    for spec in REPORT_FIELDS:
        if spec.kind in (FieldKind.TEXT, FieldKind.MULTILINE):
            yield TextField("report", spec.key, report.id, str(getattr(report, spec.attr) or ""),
                            f"基本信息 › {spec.label}")
    for ci, chapter in enumerate(report.chapters):
        assert chapter.id is not None
        name = f"第{chinese_numeral(ci + 1)}章“{_short(chapter.title, 12)}”"
        yield TextField("chapter", "title", chapter.id, chapter.title, f"{name} › 章标题")
        yield TextField("chapter", "lead", chapter.id, chapter.lead, f"{name} › 导语")
        numbers = block_numbers(chapter.blocks)
        section = ""
        for bi, block in enumerate(chapter.blocks):
            assert block.id is not None
            label = f"{numbers[bi]}{_short(block.heading, 12)}" if numbers[bi] else f"第{bi + 1}段"
            if block.kind is BlockKind.SECTION:
                section = label
            path = f"{name} › {label}" if block.kind is BlockKind.SECTION or not section else (
                f"{name} › {section} › {label}")
            yield TextField("block", "heading", block.id, block.heading, f"{path} › 小标题", chapter.id)
            yield TextField("block", "body", block.id, block.body, f"{path} › 正文", chapter.id)


def find(report: Report, needle: str) -> list[Hit]:
    """Every place of ``needle`` in the report (not overlapping), in reading order."""
    if not needle:
        return []
    hits: list[Hit] = []
    for field in text_fields(report):
        start = field.text.find(needle)
        while start >= 0:
            hits.append(Hit(field, start, start + len(needle)))
            start = field.text.find(needle, start + len(needle))
    return hits


def replaced(text: str, needle: str, replacement: str, at: int | None = None) -> str:
    """``text`` with ``needle`` replaced: every one, or only the one starting at ``at``."""
    if at is None:
        return text.replace(needle, replacement)
    if text[at:at + len(needle)] != needle:
        return text
    return text[:at] + replacement + text[at + len(needle):]
