"""The lines after the body: 结束语, 落款 (one or two organs, on one line or two), 成文日期, 附件, 附注, 版记."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from fazhi_desktop.core import headings as h
from fazhi_desktop.core.issues import SourceIssue
from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole

_SEARCH_DATE = 8  # the 成文日期 is among the last lines
_SEARCH_ATTACHMENT = 12


@dataclass
class Tail:
    """What was found after the body."""

    closing: str = ""
    signatories: list[str] = field(default_factory=list)
    date: dt.date | None = None
    date_text: str = ""  # the 成文日期 as typed
    attachment_note: list[str] = field(default_factory=list)  # 附件说明 before the signature
    after_date: list[str] = field(default_factory=list)  # attachments, 版记… after the date


def find_tail(lines: list[str], start: int) -> tuple[int, Tail]:
    """Find 结束语, 落款, 成文日期 and 附件 at the end; returns (end of body, tail)."""
    tail = Tail()
    end = len(lines)
    for i in range(end - 1, max(start, end - _SEARCH_DATE) - 1, -1):
        date = h.parse_cn_date(lines[i])
        if date:
            tail.date, tail.date_text, tail.after_date, end = date, lines[i], lines[i + 1:], i
            break
    while end > start and len(tail.signatories) < 2:
        organs = h.split_signatories(lines[end - 1])
        if organs is None:
            break
        tail.signatories[:0] = organs
        end -= 1
    notes_at = next((i for i in range(end - 1, max(start, end - _SEARCH_ATTACHMENT) - 1, -1)
                     if h.ATTACHMENT.match(lines[i])), None)
    if notes_at is not None:
        tail.attachment_note, end = lines[notes_at:end], notes_at
    if end > start and h.CLOSING.match(lines[end - 1]):
        tail.closing = lines[end - 1]
        end -= 1
    return end, tail


def take_imprint(lines: list[str], fields: dict[str, Any]) -> list[str]:
    """Take the 版记 (抄送, 印发机关 and 印发日期) out of the lines after the date."""
    rest = []
    for line in lines:
        found = h.parse_imprint(line)
        if found is None:
            rest.append(line)
        else:
            fields.update(found)
    return rest


def take_note(lines: list[str], fields: dict[str, Any]) -> list[str]:
    """The 附注 (7.3.6): a short line in round brackets right under the date, e.g. （此件公开发布）."""
    if lines and re.fullmatch(r"[（(][^（()）]{1,78}[）)]", lines[0]):
        fields["note"] = lines[0][1:-1].strip()
        return lines[1:]
    return lines


def attach_tail(chapters: tuple[Chapter, ...], tail: Tail) -> tuple[tuple[Chapter, ...], list[str]]:
    """Put 附件说明 and the text after the date where the user will see them; notes on what is missing."""
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


def date_issue(tail: Tail) -> SourceIssue | None:
    """A 成文日期 not written the GB/T 9704 way (2024年01月15日, 2024-1-15, 二〇二四年一月十五日)."""
    if tail.date is None:
        return None
    standard = h.standard_date(tail.date)
    if tail.date_text == standard:
        return None
    return SourceIssue(
        "structure.date_format", "警告",
        f"成文日期不合规范：GB/T 9704 要求用阿拉伯数字将年、月、日标全，月、日不编虚位，应写作“{standard}”"
        "（导入时自动改写）", where="date", text=tail.date_text, fix=standard)
