"""A report read from plain text as written, for checking a document without importing it.

Deliberately simple: the title is the first lines, chapters start at "一、" lines (kept with their
typed numbers, so the checks see the text as the user wrote it), every other line is a paragraph.
Lines broken in the middle of a sentence (PDF copy) are joined again.
"""

from __future__ import annotations

import datetime as dt
import re

from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole, Report, Unit
from fazhi_desktop.core.text import strip_control

_CHAPTER = re.compile(r"^[一二三四五六七八九十]+[、.．，,]")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．，,]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])")
_ENDS_SENTENCE = re.compile(r"[。！？；：”’）》]$")
_ROLE_WORDS: tuple[tuple[ChapterRole, str], ...] = (
    (ChapterRole.PRINCIPAL_DUTY, "第一责任人|主要负责人履|负责人履职"),
    (ChapterRole.SHORTCOMINGS, "不足|存在的?问题"),
    (ChapterRole.NEXT_YEAR, "下一|打算|安排|计划"),
    (ChapterRole.OTHER, "其他需要报告"),
    (ChapterRole.MEASURES, "举措|成效|开展情况|主要工作"),
)
_SIGNATORY = re.compile(r"^(?:中共)?\S{1,20}(?:人民政府|委员会|办事处)$")
_DATE_LINE = re.compile(r"^(20\d{2})年(\d{1,2})月(\d{1,2})日$")


def guess_role(title: str) -> ChapterRole:
    for role, words in _ROLE_WORDS:
        if re.search(words, title):
            return role
    return ChapterRole.CUSTOM


def join_broken_lines(lines: list[str]) -> list[str]:
    """Join a line that stops mid-sentence with the next one unless that starts a heading."""
    joined: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            if joined and joined[-1]:
                joined.append("")
            continue
        if joined and joined[-1] and not _ENDS_SENTENCE.search(joined[-1]) \
                and not _HEADING.match(line) and not _HEADING.match(joined[-1]) \
                and len(joined[-1]) >= 20:
            joined[-1] += line
        else:
            joined.append(line)
    return [line for line in joined if line]


def report_from_text(text: str, year: int, unit_name: str = "") -> Report:
    """A report whose chapters and paragraphs are the lines of ``text`` (numbers kept as typed)."""
    lines = join_broken_lines(strip_control(text).split("\n"))
    title_lines: list[str] = []
    while lines and len(title_lines) < 3 and not _CHAPTER.match(lines[0]) and len(lines[0]) < 40 \
            and not _ENDS_SENTENCE.search(lines[0]):
        title_lines.append(lines.pop(0))
    title = "".join(title_lines)
    guessed = re.match(r"^\S{1,10}?(?:镇|乡|街道)", title)
    short = unit_name or (guessed.group(0) if guessed else "本单位")
    addressee = ""
    if lines and lines[0].endswith(("：", ":")) and len(lines[0]) <= 40 and not _CHAPTER.match(lines[0]):
        addressee = lines.pop(0)[:-1]
    opening: list[str] = []
    parts: list[tuple[str, list[str]]] = []
    for line in lines:
        if _CHAPTER.match(line):
            parts.append((line, []))
        else:
            (parts[-1][1] if parts else opening).append(line)
    tail = parts[-1][1] if parts else opening
    signoff: list[str] = []
    while tail and (_SIGNATORY.match(tail[-1]) or _DATE_LINE.match(tail[-1])):
        signoff.insert(0, tail.pop())
    closing = tail.pop() if tail and tail[-1] in ("特此报告。", "特此报告") else ""
    date = None
    names = []
    for line in signoff:
        match = _DATE_LINE.match(line)
        if match is None:
            names.append(line)
            continue
        try:
            date = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            date = None
    chapters = tuple(
        Chapter(guess_role(title_line), title_line,
                blocks=tuple(Block(BlockKind.PARAGRAPH, body=p) for p in body))
        for title_line, body in parts
    )
    return Report(unit=Unit.from_short_name(short), year=year, title_override=title, addressee=addressee,
                  opening="\n".join(opening), closing=closing, signatories=tuple(names[:2]), date=date,
                  number_chapters=False, chapters=chapters)
