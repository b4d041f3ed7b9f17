"""The body flow as plain data: paragraphs with a named style and font-tagged runs.

Built from a Report without python-docx, so pagination, HTML and tests can read it; the docx
writer turns each :class:`Para` into a ``w:p``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum
from functools import cached_property
from typing import NamedTuple

from fazhi_desktop.export.fonts import FontRole
from fazhi_desktop.export.geometry import BODY_HALF_POINTS, SMALL_HALF_POINTS, TITLE_HALF_POINTS


class PStyle(StrEnum):
    TITLE = "title"
    MARK = "mark"
    BLANK = "blank"
    ADDRESSEE = "addressee"
    BODY = "body"
    H1 = "h1"
    H2 = "h2"
    H3 = "h3"
    H4 = "h4"
    DOC_NUMBER = "doc_number"
    SIGNATURE = "signature"
    DATE = "date"
    NOTE = "note"
    ATTACH_NOTE = "attach_note"
    ATTACH_LABEL = "attach_label"
    TABLE = "table"
    TABLE_UNIT = "table_unit"
    IMPRINT = "imprint"
    FOOTER = "footer"


class StyleSpec(NamedTuple):
    """One named paragraph style of the exported document (公文标题, 正文 …)."""

    name: str  # the Chinese style name a clerk sees in Word/WPS
    style_id: str
    font: FontRole
    half_points: int
    jc: str  # both / center / left / right
    first_chars: float  # first-line indent in characters
    outline: int | None = None  # outline level for the navigation pane


STYLES: dict[PStyle, StyleSpec] = {
    PStyle.TITLE: StyleSpec("公文标题", "GwTitle", FontRole.XIAOBIAOSONG, TITLE_HALF_POINTS, "center", 0),
    PStyle.MARK: StyleSpec("发文机关标志", "GwIssuerMark", FontRole.XIAOBIAOSONG, TITLE_HALF_POINTS, "center", 0),
    PStyle.BLANK: StyleSpec("正文", "GwBody", FontRole.FANGSONG, BODY_HALF_POINTS, "both", 2),
    PStyle.ADDRESSEE: StyleSpec("主送机关", "GwAddressee", FontRole.FANGSONG, BODY_HALF_POINTS, "both", 0),
    PStyle.BODY: StyleSpec("正文", "GwBody", FontRole.FANGSONG, BODY_HALF_POINTS, "both", 2),
    PStyle.H1: StyleSpec("一级标题", "GwHeading1", FontRole.HEITI, BODY_HALF_POINTS, "both", 2, 0),
    PStyle.H2: StyleSpec("二级标题", "GwHeading2", FontRole.KAITI, BODY_HALF_POINTS, "both", 2, 1),
    PStyle.H3: StyleSpec("三级标题", "GwHeading3", FontRole.FANGSONG, BODY_HALF_POINTS, "both", 2, 2),
    PStyle.H4: StyleSpec("四级标题", "GwHeading4", FontRole.FANGSONG, BODY_HALF_POINTS, "both", 2, 3),
    PStyle.DOC_NUMBER: StyleSpec("发文字号", "GwDocNumber", FontRole.FANGSONG, BODY_HALF_POINTS, "center", 0),
    PStyle.SIGNATURE: StyleSpec("落款", "GwSignature", FontRole.FANGSONG, BODY_HALF_POINTS, "right", 0),
    PStyle.DATE: StyleSpec("成文日期", "GwDate", FontRole.FANGSONG, BODY_HALF_POINTS, "right", 0),
    PStyle.NOTE: StyleSpec("附注", "GwNote", FontRole.FANGSONG, BODY_HALF_POINTS, "both", 2),
    PStyle.ATTACH_NOTE: StyleSpec("附件说明", "GwAttachNote", FontRole.FANGSONG, BODY_HALF_POINTS, "both", 0),
    PStyle.ATTACH_LABEL: StyleSpec("附件标识", "GwAttachLabel", FontRole.HEITI, BODY_HALF_POINTS, "left", 0),
    PStyle.TABLE: StyleSpec("表格文字", "GwTable", FontRole.FANGSONG, SMALL_HALF_POINTS, "center", 0),
    PStyle.TABLE_UNIT: StyleSpec("表格单位", "GwTableUnit", FontRole.FANGSONG, BODY_HALF_POINTS, "right", 0),
    PStyle.IMPRINT: StyleSpec("版记", "GwImprint", FontRole.FANGSONG, SMALL_HALF_POINTS, "left", 0),
    PStyle.FOOTER: StyleSpec("页码", "GwPageNumber", FontRole.SONGTI, SMALL_HALF_POINTS, "right", 0),
}


class Run(NamedTuple):
    """A stretch of text in one font, weight and size."""

    text: str
    font: FontRole = FontRole.FANGSONG
    bold: bool = False
    half_points: int | None = None  # None: the paragraph style's size
    color: str | None = None  # only the 版头 is red


class Source(NamedTuple):
    """Where a stretch of a paragraph comes from in the report, so that a preview can open it: characters
    from ``start`` of the paragraph are the ``field`` (a core.checks Field value: "title", "body" …) of
    chapter ``chapter`` and block ``block`` (indexes in the report), from character ``offset`` of that
    field's text on. Characters the export adds (a heading's number) come before ``start``."""

    start: int
    field: str
    chapter: int | None = None
    block: int | None = None
    offset: int = 0

    def shifted(self, by: int) -> Source:
        """The same source in a paragraph ``by`` characters shorter at its start (a split's second part)."""
        start = self.start - by
        return Source(max(0, start), self.field, self.chapter, self.block, self.offset - min(0, start))


@dataclass(frozen=True)
class Para:
    """One paragraph of the document as laid out: its style, runs and what departs from the style."""

    style: PStyle
    runs: tuple[Run, ...] = ()
    keep_next: bool = False
    keep_lines: bool = False  # never split across pages (the lines that travel with the 落款)
    right_chars: float = 0.0  # right indent (落款, 成文日期)
    left_chars: float = 0.0  # left indent of every line (附件说明 continuation lines)
    first_chars: float | None = None  # first-line indent; None: the style's (negative = hanging)
    center_tabs: tuple[float, ...] = ()  # centre tab stops, in characters (joint 落款)
    right_tab: float = 0.0  # a right tab stop, in characters (签发人 on the 发文字号 line)
    rule_color: str | None = None  # a bottom border (the 版头's red rule)
    jc: str | None = None  # None: the style's alignment
    page_break_before: bool = False
    line_twips: int | None = None  # exact line height; None: one grid line (579)
    is_text: bool = True  # body text (or 附件说明) the seal must share a page with
    # where the text comes from (for the preview's click-to-open); not part of the layout's identity
    sources: tuple[Source, ...] = field(default=(), compare=False)

    def __hash__(self) -> int:
        """The dataclass's hash (of every field but ``sources``), worked out once: pagination looks a
        paragraph up in its caches many times, and hashing walks all its runs."""
        found: int | None = self.__dict__.get("_hash")
        if found is None:
            found = self.__dict__["_hash"] = hash(tuple(getattr(self, name) for name in _HASHED))
        return found

    def __getstate__(self) -> dict[str, object]:
        """Pickled without what is worked out once (a string's hash differs from process to process)."""
        return {k: v for k, v in self.__dict__.items() if k not in ("_hash", "text")}

    @cached_property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def spec(self) -> StyleSpec:
        return STYLES[self.style]

    @property
    def first_indent(self) -> float:
        return self.spec.first_chars if self.first_chars is None else self.first_chars

    def source_at(self, char: int) -> tuple[Source, int] | None:
        """The source of character ``char`` of the paragraph, and its offset in that field's text."""
        found = None
        for src in self.sources:
            if src.start <= char or found is None:
                found = src
        if found is None:
            return None
        return found, found.offset + max(0, char - found.start)


_HASHED = tuple(f.name for f in fields(Para) if f.compare)  # what the dataclass's own hash covers


def blank(keep_next: bool = False, line_twips: int | None = None) -> Para:
    return Para(PStyle.BLANK, keep_next=keep_next, line_twips=line_twips, is_text=False)


def body(text: str, keep_next: bool = False, source: Source | None = None) -> Para:
    return Para(PStyle.BODY, (Run(text),), keep_next=keep_next, sources=(source,) if source else ())
