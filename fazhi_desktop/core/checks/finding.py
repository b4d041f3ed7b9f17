"""Findings of the proofreading checks, and the text units of a report they point into."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from fazhi_desktop.core.model import ChapterRole, Report


class Severity(StrEnum):
    """How bad a finding is; 错误 makes ``check`` exit 1."""

    ERROR = "错误"
    WARNING = "警告"
    INFO = "提示"

    @property
    def rank(self) -> int:
        return {"错误": 0, "警告": 1, "提示": 2}[self.value]


class Field(StrEnum):
    """Which piece of the report a location points into."""

    TITLE = "title"  # the effective title (a fix writes title_override)
    ADDRESSEE = "addressee"
    OPENING = "opening"
    CLOSING = "closing"
    SIGNATORIES = "signatories"
    DATE = "date"
    CHAPTER_TITLE = "chapter_title"
    CHAPTER_LEAD = "chapter_lead"
    HEADING = "heading"  # a block's heading
    BODY = "body"  # a block's body ("\n"-separated paragraphs)
    REPORT = "report"  # the report as a whole (length, missing chapters)

    @property
    def label(self) -> str:
        return FIELD_LABELS[self]


FIELD_LABELS: dict[Field, str] = {
    Field.TITLE: "标题",
    Field.ADDRESSEE: "主送机关",
    Field.OPENING: "开头段",
    Field.CLOSING: "结束语",
    Field.SIGNATORIES: "落款机关",
    Field.DATE: "成文日期",
    Field.CHAPTER_TITLE: "章标题",
    Field.CHAPTER_LEAD: "章导语",
    Field.HEADING: "小标题",
    Field.BODY: "正文",
    Field.REPORT: "全文",
}

# Fields whose text the checks read and the fixes may rewrite.
TEXT_FIELDS = frozenset(
    {Field.TITLE, Field.ADDRESSEE, Field.OPENING, Field.CLOSING, Field.CHAPTER_TITLE,
     Field.CHAPTER_LEAD, Field.HEADING, Field.BODY}
)


@dataclass(frozen=True)
class Location:
    """Where a finding is: field, chapter and block (0-based indexes, plus ids when stored),
    and the character offset of the offending text inside that field's text."""

    field: Field
    chapter: int | None = None
    block: int | None = None
    offset: int = 0
    chapter_id: int | None = None
    block_id: int | None = None

    @property
    def unit_key(self) -> tuple[Field, int | None, int | None]:
        """Identifies the text unit (without the offset)."""
        return (self.field, self.chapter, self.block)


@dataclass(frozen=True)
class Finding:
    """One problem: rule id, severity, location, offending text, Chinese explanation, optional fix.

    ``fix`` is the replacement for ``text`` at ``location`` when the change is safe to apply
    automatically; None when only a person can decide.
    """

    rule: str
    severity: Severity
    location: Location
    text: str
    message: str
    fix: str | None = None

    @property
    def key(self) -> str:
        """A key for remembering an intentional exception (忽略) per report: stored ids when there
        are some (so moving a block keeps it), indexes otherwise; never the offset."""
        loc = self.location
        chapter = f"c{loc.chapter_id}" if loc.chapter_id is not None else loc.chapter
        block = f"b{loc.block_id}" if loc.block_id is not None else loc.block
        return f"{self.rule}|{loc.field.value}|{chapter}|{block}|{self.text}"


@dataclass(frozen=True)
class TextUnit:
    """One piece of report text the checks read, with its position in the report."""

    field: Field
    text: str
    chapter: int | None = None
    block: int | None = None
    chapter_id: int | None = None
    block_id: int | None = None
    role: ChapterRole | None = None  # the chapter's role, for year-dependent rules

    def at(self, offset: int) -> Location:
        return Location(self.field, self.chapter, self.block, offset, self.chapter_id, self.block_id)

    def finding(self, rule: str, severity: Severity, start: int, end: int, message: str,
                fix: str | None = None) -> Finding:
        return Finding(rule, severity, self.at(start), self.text[start:end], message, fix)

    def match(self, rule: str, severity: Severity, m: re.Match[str], message: str,
              fix: str | None = None, group: int = 0) -> Finding:
        return self.finding(rule, severity, m.start(group), m.end(group), message, fix)

    @property
    def in_next_year(self) -> bool:
        return self.role is ChapterRole.NEXT_YEAR


def text_units(report: Report) -> Iterator[TextUnit]:
    """Every text of the report in reading order (empty texts included, so rules see them)."""
    yield TextUnit(Field.TITLE, report.title)
    yield TextUnit(Field.ADDRESSEE, report.addressee)
    yield TextUnit(Field.OPENING, report.opening)
    for ci, chapter in enumerate(report.chapters):
        cid, role = chapter.id, chapter.role
        yield TextUnit(Field.CHAPTER_TITLE, chapter.title, ci, None, cid, None, role)
        yield TextUnit(Field.CHAPTER_LEAD, chapter.lead, ci, None, cid, None, role)
        for bi, block in enumerate(chapter.blocks):
            yield TextUnit(Field.HEADING, block.heading, ci, bi, cid, block.id, role)
            yield TextUnit(Field.BODY, block.body, ci, bi, cid, block.id, role)
    yield TextUnit(Field.CLOSING, report.closing)


def report_unit() -> TextUnit:
    """A pseudo unit for findings about the report as a whole."""
    return TextUnit(Field.REPORT, "")


def line_spans(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for every "\\n"-separated line of ``text``."""
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


_CLAUSE_END = re.compile(r"[。！？；，\n]")


def clause_around(text: str, start: int, end: int) -> str:
    """The clause (up to 。！？；， or a line break) that contains text[start:end]."""
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    right_match = _CLAUSE_END.search(text, end)
    right = right_match.start() if right_match else len(text)
    return text[left:right]


CJK = "\u3400-\u4dbf\u4e00-\u9fff"
