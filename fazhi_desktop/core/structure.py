"""Structure detection: cleaned report text → title, 主送机关, opening, chapters, 落款 (domain.md §4.3).

Every line ends up somewhere: text that fits no slot stays as a paragraph where it appeared, and
every guess the detector makes is explained in :attr:`Detected.notes` for the preview.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from fazhi_desktop.core import headings as h
from fazhi_desktop.core.cleanup import clean_text, looks_like_title
from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole, Report, Unit
from fazhi_desktop.core.structure_blocks import chapter_body

_DOC_NUMBER = re.compile(r"\S*〔\d{4}〕\s*\d+\s*号")
_SIGNER = re.compile(r"签发人[:：]\s*(\S{2,4})")


@dataclass(frozen=True)
class Detected:
    """What the detector found; :meth:`to_report` turns it into a core Report."""

    title: str = ""
    addressee: str = ""
    opening: str = ""
    chapters: tuple[Chapter, ...] = ()
    closing: str = ""
    signatories: tuple[str, ...] = ()
    date: dt.date | None = None
    doc_number: str = ""
    issuer_mark: str = ""
    signer: str = ""
    imprint_cc: str = ""
    imprint_printer: str = ""
    imprint_date: dt.date | None = None
    note: str = ""  # 附注: the bracketed line under the date
    number_chapters: bool = True
    notes: tuple[str, ...] = ()
    removed: tuple[str, ...] = field(default=())

    @property
    def unit_name(self) -> str | None:
        return h.unit_from_title(self.title) if self.title else None

    @property
    def year(self) -> int | None:
        return h.year_from_title(self.title) if self.title else None

    def to_report(self, unit: Unit, year: int) -> Report:
        report = Report(
            unit=unit, year=year, addressee=self.addressee, opening=self.opening,
            closing=self.closing, signatories=self.signatories, date=self.date,
            number_chapters=self.number_chapters, doc_number=self.doc_number,
            issuer_mark=self.issuer_mark, signer=self.signer, chapters=self.chapters,
            imprint_cc=self.imprint_cc, imprint_printer=self.imprint_printer, imprint_date=self.imprint_date,
            note=self.note,
        )
        if self.title and self.title != report.generated_title:
            report = replace(report, title_override=self.title)
        return report


def detect_text(raw: str) -> Detected:
    """Clean ``raw`` text (see core.cleanup) and detect its structure."""
    cleaned = clean_text(raw)
    return replace(detect(cleaned.text), removed=cleaned.removed)


def detect(text: str) -> Detected:
    """Detect the structure of already cleaned text."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    notes: list[str] = []
    fields: dict[str, Any] = {}
    start, title, preamble = _title(lines, fields)
    if not title:
        notes.append("未识别出报告标题，请在基本信息中填写")
    addressee = ""
    if start < len(lines) and _is_addressee(lines[start]):
        addressee = lines[start].rstrip("：:")
        start += 1
    end, tail = _tail(lines, start)
    body = lines[start:end]
    opening_lines, chapter_lines = _split_chapters(body)
    if preamble:
        notes.append("标题前的文字已放在开头段最前面，请核对：" + "、".join(preamble))
    opening = "\n".join(preamble + opening_lines)
    chapters, number_chapters, chapter_notes = _chapters(chapter_lines, h.year_from_title(title))
    notes += chapter_notes
    tail.after_date = _note(_imprint(tail.after_date, fields), fields)
    chapters, tail_notes = _attach_tail(chapters, tail)
    notes += tail_notes
    return Detected(
        title=title, addressee=addressee, opening=opening, chapters=chapters,
        closing=tail.closing, signatories=tuple(tail.signatories), date=tail.date,
        number_chapters=number_chapters, notes=tuple(notes), **fields,
    )


def _title(lines: list[str], fields: dict[str, Any]) -> tuple[int, str, list[str]]:
    """(index after the title, title, unrecognised lines before it); fills 版头 fields."""
    at = next((i for i, line in enumerate(lines[:10]) if looks_like_title(line)), None)
    if at is None:
        if lines and h.is_short_title_line(lines[0], 60) and not h.is_heading_line(lines[0]):
            at = 0
        else:
            return 0, "", []
    prefix = ""
    if at > 0 and re.match(r"关于|\d{4}", lines[at]) and h.split_signatories(lines[at - 1]):
        at, prefix = at - 1, lines[at - 1]  # "XX乡人民政府 / 关于2022年度……的报告"
    preamble = []
    for line in lines[:at]:
        if line.endswith("文件") and len(line) <= 20:
            fields["issuer_mark"] = line
            continue
        rest = line
        if (number := _DOC_NUMBER.search(rest)) is not None:
            fields["doc_number"], rest = number.group(), rest.replace(number.group(), "")
        if (signer := _SIGNER.search(rest)) is not None:
            fields["signer"], rest = signer.group(1), rest.replace(signer.group(), "")
        if rest.strip():
            preamble.append(line)
    title = lines[at] if not prefix else prefix + lines[at + 1]
    index = at + (2 if prefix else 1)
    while ("报告" not in title and index < len(lines) and h.is_short_title_line(lines[index], 30)
           and not h.is_heading_line(lines[index]) and len(title) + len(lines[index]) <= 60):
        title += lines[index]
        index += 1
    return index, title, preamble


def _is_addressee(line: str) -> bool:
    return (line.endswith(("：", ":")) and len(line) <= 50 and "。" not in line
            and not h.is_heading_line(line) and any(w in line for w in ("委", "政府", "办公室", "领导")))


@dataclass
class _Tail:
    closing: str = ""
    signatories: list[str] = field(default_factory=list)
    date: dt.date | None = None
    attachment_note: list[str] = field(default_factory=list)  # 附件说明 before the signature
    after_date: list[str] = field(default_factory=list)  # attachments, 版记… after the date


def _tail(lines: list[str], start: int) -> tuple[int, _Tail]:
    """Find 结束语, 落款, 成文日期 and 附件 at the end; returns (end of body, tail)."""
    tail = _Tail()
    end = len(lines)
    for i in range(end - 1, max(start, end - 8) - 1, -1):
        date = h.parse_cn_date(lines[i])
        if date:
            tail.date, tail.after_date, end = date, lines[i + 1:], i
            break
    while end > start and len(tail.signatories) < 2:
        organs = h.split_signatories(lines[end - 1])
        if organs is None:
            break
        tail.signatories[:0] = organs
        end -= 1
    notes_at = next((i for i in range(end - 1, max(start, end - 12) - 1, -1)
                     if h.ATTACHMENT.match(lines[i])), None)
    if notes_at is not None:
        tail.attachment_note, end = lines[notes_at:end], notes_at
    if end > start and h.CLOSING.match(lines[end - 1]):
        tail.closing = lines[end - 1]
        end -= 1
    return end, tail


def _imprint(lines: list[str], fields: dict[str, Any]) -> list[str]:
    """Take the 版记 (抄送, 印发机关 and 印发日期) out of the lines after the date."""
    rest = []
    for line in lines:
        found = h.parse_imprint(line)
        if found is None:
            rest.append(line)
        else:
            fields.update(found)
    return rest


def _note(lines: list[str], fields: dict[str, Any]) -> list[str]:
    """The 附注 (7.3.6): a short line in round brackets right under the date, e.g. （此件公开发布）."""
    if lines and re.fullmatch(r"[（(][^（()）]{1,78}[）)]", lines[0]):
        fields["note"] = lines[0][1:-1].strip()
        return lines[1:]
    return lines


def _split_chapters(body: list[str]) -> tuple[list[str], list[list[str]]]:
    """Opening lines, then each chapter as [title line, lines…]."""
    opening: list[str] = []
    chapters: list[list[str]] = []
    current_role: ChapterRole | None = None
    for line in body:
        typed = h.typed_heading(line)
        starts = typed is not None and typed.level == 1
        if not starts and h.is_unnumbered_chapter(line):
            role = h.role_for_title(line)
            starts = role is not current_role and all(role is not h.role_for_title(c[0]) for c in chapters)
        if starts:
            chapters.append([line])
            current_role = h.role_for_title(typed.text if typed else line)
        elif chapters:
            chapters[-1].append(line)
        else:
            opening.append(line)
    return opening, chapters


def _chapters(groups: list[list[str]], year: int | None) -> tuple[tuple[Chapter, ...], bool, list[str]]:
    chapters: list[Chapter] = []
    notes: list[str] = []
    numbered = 0
    for group in groups:
        typed = h.typed_heading(group[0])
        title = typed.text if typed and typed.level == 1 else group[0]
        numbered += typed is not None
        body = group[1:]
        title, _, rest = title.partition("。")
        if rest:
            body = [rest, *body]
        lead, blocks, block_notes = chapter_body(body)
        role = h.role_for_title(title, year)
        chapters.append(Chapter(role=role, title=title, lead=lead, blocks=blocks))
        notes += [f"“{title}”一章中，{n}" for n in block_notes]
    chapters, role_notes = _assign_topic_roles(chapters)
    if 0 < numbered < len(groups):
        notes.append("原文部分章标题没有编号，导入后统一按顺序编号（一、二、……）")
    if not chapters:
        notes.append("未识别出章节（一、二、……），全文已放在开头段，请在预览中调整")
    return tuple(chapters), numbered > 0 or not chapters, notes + role_notes


def _assign_topic_roles(chapters: list[Chapter]) -> tuple[list[Chapter], list[str]]:
    """Topic chapters (style D) before 不足/安排 are the 主要举措和成效 when no chapter says so."""
    if any(c.role is ChapterRole.MEASURES for c in chapters):
        return chapters, _custom_notes(chapters)
    out = []
    in_measures = True
    for chapter in chapters:
        if chapter.role in (ChapterRole.SHORTCOMINGS, ChapterRole.NEXT_YEAR, ChapterRole.OTHER):
            in_measures = False
        if in_measures and chapter.role is ChapterRole.CUSTOM:
            chapter = replace(chapter, role=ChapterRole.MEASURES)
        out.append(chapter)
    notes = []
    if any(a.role is not b.role for a, b in zip(chapters, out, strict=True)):
        notes.append("专题式章标题已按“主要举措和成效”归类，可在预览中修改")
    return out, notes + _custom_notes(out)


def _custom_notes(chapters: list[Chapter]) -> list[str]:
    return [f"无法从章标题“{c.title}”判断其属于哪一部分，已标为自定义" for c in chapters
            if c.role is ChapterRole.CUSTOM]


def _attach_tail(chapters: tuple[Chapter, ...], tail: _Tail) -> tuple[tuple[Chapter, ...], list[str]]:
    notes = []
    out = list(chapters)
    if tail.attachment_note:
        block = Block(BlockKind.PARAGRAPH, body="\n".join(tail.attachment_note))
        if out:
            out[-1] = replace(out[-1], blocks=(*out[-1].blocks, block))
        else:
            out.append(Chapter(ChapterRole.CUSTOM, "附件", blocks=(block,)))
        notes.append("附件说明已放在最后一章末尾，请核对")
    if tail.after_date:
        out.append(Chapter(ChapterRole.CUSTOM, "附件",
                           blocks=(Block(BlockKind.PARAGRAPH, body="\n".join(tail.after_date)),)))
        notes.append("成文日期之后的文字（附件等）已单独放在“附件”一章，请核对")
    if not tail.closing:
        notes.append("原文没有结束语（如“特此报告。”）")
    if not tail.signatories or tail.date is None:
        notes.append("原文没有完整的落款和成文日期，请在基本信息中补充")
    return tuple(out), notes
