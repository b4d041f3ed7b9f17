"""Structure detection: cleaned report text → title, 主送机关, opening, chapters, 落款 (domain.md §4.3).

Every line ends up somewhere: text that fits no slot stays as a paragraph where it appeared, and
every guess the detector makes is explained in :attr:`Detected.notes` for the preview.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

from fazhi_desktop.core import headings as h
from fazhi_desktop.core.cleanup import Removed, clean_text, looks_like_title
from fazhi_desktop.core.endmatter import attach_tail, date_issue, find_tail, take_imprint, take_note
from fazhi_desktop.core.issues import SourceIssue, cleanup_issues, cleanup_notes
from fazhi_desktop.core.model import Chapter, ChapterRole, Report, Unit
from fazhi_desktop.core.numbering import chinese_numeral
from fazhi_desktop.core.structure_blocks import chapter_body
from fazhi_desktop.core.tables import TableFigure

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
    removed: tuple[Removed, ...] = ()  # whole lines cleanup took out, with line numbers and reasons
    figures: tuple[TableFigure, ...] = ()  # figures of tables whose labels match an indicator
    issues: tuple[SourceIssue, ...] = ()  # what the text as typed got wrong (for check FILE)
    date_text: str = ""  # the 成文日期 as typed
    cleaned: str = ""  # the cleaned text the structure was read from

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


def detect_text(raw: str, keep: frozenset[int] = frozenset()) -> Detected:
    """The one ingest pipeline: clean ``raw`` (core.cleanup; ``keep`` puts removed lines back by number)
    and detect its structure. Import, the import preview, paste and ``check FILE`` all go through here."""
    cleaned = clean_text(raw, keep)
    detected = detect(cleaned.text)
    return replace(detected, removed=cleaned.removed, figures=cleaned.figures, cleaned=cleaned.text,
                   notes=(*cleanup_notes(cleaned), *detected.notes),
                   issues=(*detected.issues, *cleanup_issues(cleaned)))


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
    end, tail = find_tail(lines, start)
    body = lines[start:end]
    opening_lines, chapter_lines = _split_chapters(body)
    if preamble:
        notes.append("标题前的文字已放在开头段最前面，请核对：" + "、".join(preamble))
    opening = "\n".join(preamble + opening_lines)
    chapters, number_chapters, chapter_notes, issues = _chapters(chapter_lines, h.year_from_title(title))
    notes += chapter_notes
    notes += [i.message for i in issues if i.rule == "numbering.punct"]  # （一）、 and 1、 are said too
    tail.after_date = take_note(take_imprint(tail.after_date, fields), fields)
    chapters, tail_notes = attach_tail(chapters, tail)
    notes += tail_notes
    if (dated := date_issue(tail)) is not None:
        issues.append(dated)
        notes.append(f"成文日期“{tail.date_text}”已按公文格式改写为“{dated.fix}”")
    return Detected(
        title=title, addressee=addressee, opening=opening, chapters=chapters,
        closing=tail.closing, signatories=tuple(tail.signatories), date=tail.date, date_text=tail.date_text,
        number_chapters=number_chapters, notes=tuple(notes), issues=tuple(issues), **fields,
    )


def _title(lines: list[str], fields: dict[str, Any]) -> tuple[int, str, list[str]]:
    """(index after the title, title, unrecognised lines before it); fills 版头 fields."""
    at = next((i for i, line in enumerate(lines[:10]) if looks_like_title(line)), None)
    if at is None:
        if lines and h.is_short_title_line(lines[0], 60) and not h.is_heading_line(lines[0]):
            at = 0
        else:
            return 0, "", []
    last = at
    while at > 0 and _title_head(lines[at - 1], "".join(lines[at:last + 1])):
        at -= 1  # "县交通运输局2025年度 / 法治政府建设情况报告": the title's first line did not look like one
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
    title = "".join(lines[at:last + 1])
    index = last + 1
    while ("报告" not in title and index < len(lines) and h.is_short_title_line(lines[index], 30)
           and not h.is_heading_line(lines[index]) and len(title) + len(lines[index]) <= 60):
        title += lines[index]
        index += 1
    return index, title, preamble


def _title_head(line: str, title: str) -> bool:
    """Is ``line`` the first line of a title broken before ``title`` (Word files break long titles in two)?

    Only when the title is incomplete without it — no year, or it starts with 关于/the year/法治 — or when both
    are organs of a joint title ("中共XX镇委员会 / XX镇人民政府关于……"); never a 发文机关标志 or 发文字号.
    """
    cjk = sum(1 for ch in line if "\u4e00" <= ch <= "\u9fff")
    if (cjk < 2 or len(line) > 40 or line.endswith((*h.TERMINAL, "，", "、", ",", "文件")) or "〔" in line
            or "：" in line or ":" in line or h.is_heading_line(line) or looks_like_title(line)):
        return False
    incomplete = not re.search(r"\d{4}", title) or re.match(r"关于|\d{4}|法治", title) is not None
    joint = line.endswith("委员会") and h.split_signatories(line) and re.match(r"\S+(人民政府|办事处)", title)
    return incomplete or bool(joint)


def _is_addressee(line: str) -> bool:
    return (line.endswith(("：", ":")) and len(line) <= 50 and "。" not in line
            and not h.is_heading_line(line) and any(w in line for w in ("委", "政府", "办公室", "领导")))


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


def _chapters(groups: list[list[str]], year: int | None
              ) -> tuple[tuple[Chapter, ...], bool, list[str], list[SourceIssue]]:
    chapters: list[Chapter] = []
    notes: list[str] = []
    issues: list[SourceIssue] = []
    numbered = 0
    for index, group in enumerate(groups):
        typed = h.typed_heading(group[0])
        title = typed.text if typed and typed.level == 1 else group[0]
        if typed is not None and typed.level == 1:
            numbered += 1
            issues += _chapter_number_issues(typed, index, numbered)
        body = group[1:]
        title, _, rest = title.partition("。")
        if rest:
            body = [rest, *body]
        found = chapter_body(body)
        role = h.role_for_title(title, year)
        chapters.append(Chapter(role=role, title=title, lead=found.lead, blocks=found.blocks))
        notes += [f"“{title}”一章中，{n}" for n in found.notes]
        issues += [replace(i, chapter=index) for i in found.issues]
    chapters, role_notes = _assign_topic_roles(chapters)
    if 0 < numbered < len(groups):
        notes.append("原文部分章标题没有编号，导入后统一按顺序编号（一、二、……）")
    if not chapters:
        notes.append("未识别出章节（一、二、……），全文已放在开头段，请在预览中调整")
    return tuple(chapters), numbered > 0 or not chapters, notes + role_notes, issues


def _chapter_number_issues(typed: h.TypedHeading, index: int, expected: int) -> list[SourceIssue]:
    """一. / 一， (should be 一、) and 一、 … 三、 (a chapter number skipped) in the text as typed."""
    out = []
    right = f"{chinese_numeral(expected)}、"
    if not typed.label.endswith("、"):
        message = f"一级序号后应为顿号“、”（原文为“{typed.label}”，导入时已改正）"
        out.append(SourceIssue("numbering.punct", "错误", message, "chapter_title", index, text=typed.label))
    if typed.number != expected:
        out.append(SourceIssue("numbering.gap", "警告", f"章编号不连续：原文为“{typed.label}”，应为“{right}”"
                               "（导入后按顺序重新编号）", "chapter_title", index, text=typed.label))
    return out


def _assign_topic_roles(chapters: list[Chapter]) -> tuple[list[Chapter], list[str]]:
    """Topic chapters (style D) before 不足/安排 belong to the 主要举措和成效, as do those of style C
    ("强化主要负责人责任，夯实组织基础" with the 第一责任人 part folded in as a section)."""
    out = []
    in_measures = True
    for chapter in chapters:
        if chapter.role in (ChapterRole.SHORTCOMINGS, ChapterRole.NEXT_YEAR, ChapterRole.OTHER):
            in_measures = False
        if in_measures and (chapter.role is ChapterRole.CUSTOM or _folded_principal(chapter)):
            chapter = replace(chapter, role=ChapterRole.MEASURES)
        out.append(chapter)
    notes = []
    if any(a.role is not b.role for a, b in zip(chapters, out, strict=True)):
        notes.append("专题式章标题已按“主要举措和成效”归类，可在预览中修改")
    return out, notes + _custom_notes(out)


def _folded_principal(chapter: Chapter) -> bool:
    """A topic chapter (a comma in its title) whose first section is the 第一责任人 part (style C)."""
    return (chapter.role is ChapterRole.PRINCIPAL_DUTY and "，" in chapter.title and "第一责任人" not in chapter.title
            and any("第一责任人" in b.heading for b in chapter.blocks))


def _custom_notes(chapters: list[Chapter]) -> list[str]:
    return [f"无法从章标题“{c.title}”判断其属于哪一部分，已标为自定义" for c in chapters
            if c.role is ChapterRole.CUSTOM]
