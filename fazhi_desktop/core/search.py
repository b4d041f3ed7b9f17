"""查找和替换 across a whole report: every text the clerk wrote that prints — 基本信息 (report and unit texts,
落款机关, 成文日期 and 印发日期 as the form shows them), chapter titles and leads, headings and bodies — with
where each hit is, as the results list shows it, and what a replacement would store (refused, with the
field's own Chinese message, when it breaks the field's rules: a date that does not exist, a third 落款机关,
a title over its length)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from fazhi_desktop.core.model import BlockKind, Report
from fazhi_desktop.core.numbering import block_numbers, chinese_numeral
from fazhi_desktop.core.schema import (
    REPORT_FIELDS,
    UNIT_FIELDS,
    FieldKind,
    FieldSpec,
    FieldValueError,
    format_date_cn,
    parse_value,
)

CONTEXT = 14  # characters shown either side of a hit
SEARCHED = (FieldKind.TEXT, FieldKind.MULTILINE, FieldKind.LIST, FieldKind.DATE)  # typed and printed
LIST_SEPARATOR = "\n"  # between two 落款机关 in the searched text (never typed into the 查找 box)
REQUIRED = {("unit", "short_name")}  # a field a replacement may not empty


@dataclass(frozen=True)
class TextField:
    """One searchable text: ``kind`` "report", "unit", "chapter" or "block", ``key`` the field, ``row`` the
    report, chapter or block id (``chapter`` the chapter id of a block); ``where`` for the results list.
    A 基本信息 field has its ``spec``: ``text`` is then how its stored ``value`` reads (2026年1月16日)."""

    kind: str
    key: str
    row: int
    text: str
    where: str
    chapter: int | None = None
    spec: FieldSpec | None = None
    value: object = None

    @property
    def stored(self) -> object:
        """What the field holds: its text, or for a 基本信息 field its value (a date, the organs …)."""
        return self.text if self.spec is None else self.value

    def value_for(self, text: str) -> object:
        """What storing ``text`` in this field would store; FieldValueError (Chinese, naming the field)
        when the field cannot hold it."""
        spec = self.spec
        if spec is None:
            return text
        try:
            value = parse_value(spec, text)
        except FieldValueError as exc:
            message = str(exc)
            raise FieldValueError(message if message.startswith(spec.label) else f"{spec.label}：{message}") from None
        if (self.kind, self.key) in REQUIRED and not value:
            raise FieldValueError(f"{spec.label}不能为空")
        return value


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


def field_text(spec: FieldSpec, value: object) -> str:
    """How a 基本信息 value reads in its field: 2026年1月16日, one 落款机关 a line."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return format_date_cn(value)
    if isinstance(value, tuple):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return str(value)


def text_fields(report: Report) -> Iterator[TextField]:
    """Every text of ``report`` that find and replace reach, in reading order."""
    assert report.id is not None and report.unit.id is not None
    for kind, specs, holder in (("unit", UNIT_FIELDS, report.unit), ("report", REPORT_FIELDS, report)):
        for spec in specs:
            if spec.kind in SEARCHED:
                value = getattr(holder, spec.attr)
                yield TextField(kind, spec.key, report.id, field_text(spec, value), f"基本信息 › {spec.label}",
                                spec=spec, value=value)
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


def _word(char: str) -> bool:
    return char.isascii() and char.isalnum()


def spans(text: str, needle: str, match_case: bool = True, whole_word: bool = False) -> list[tuple[int, int]]:
    """Where ``needle`` is in ``text`` (not overlapping). ``match_case`` False: ICP finds icp and Icp too
    (case is a matter of Latin letters only); ``whole_word``: not inside a longer Latin word or number
    (12 does not find the 12 of 2012 or 125)."""
    if not needle:
        return []
    found = []
    for match in re.finditer(re.escape(needle), text, 0 if match_case else re.IGNORECASE):
        start, end = match.span()
        if whole_word and ((_word(needle[0]) and start > 0 and _word(text[start - 1]))
                           or (_word(needle[-1]) and end < len(text) and _word(text[end]))):
            continue
        found.append((start, end))
    return found


def find(report: Report, needle: str, match_case: bool = True, whole_word: bool = False) -> list[Hit]:
    """Every place of ``needle`` in the report (not overlapping), in reading order."""
    if not needle:
        return []
    return [Hit(field, start, end) for field in text_fields(report)
            for start, end in spans(field.text, needle, match_case, whole_word)]


def replaced(text: str, places: Sequence[tuple[int, int]], replacement: str) -> str:
    """``text`` with the characters at each of ``places`` (start, end; not overlapping) replaced."""
    out, at = [], 0
    for start, end in sorted(places):
        out += [text[at:start], replacement]
        at = end
    return "".join(out) + text[at:]
