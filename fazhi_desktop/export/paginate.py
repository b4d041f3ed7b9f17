"""Pagination pre-flight: where every paragraph lands, on the 22 × 28 grid, before writing.

Every body-flow line is exactly one grid line (579 twips), so line counts predict the layout:
greedy breaking with kinsoku, paragraphs split freely across pages (widow control is off), and
keep-with-next moves the last line of a paragraph (or a whole one-line paragraph) to the next
page when the lines chained to it would not fit. The 落款 plan uses it to keep the seal on a
page with body text and with room below the date (GB/T 9704 7.3.5.1, 7.3.5.5).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fazhi_desktop.export.flow import Para, PStyle, Run
from fazhi_desktop.export.geometry import (
    CHARS_PER_LINE,
    LINE,
    NARROW,
    TEXT_H,
    TITLE_CHARS_PER_LINE,
    count_lines,
)
from fazhi_desktop.export.signature import Signature, organ_lines, signature_paras


@dataclass(frozen=True)
class Placement:
    """Where a paragraph falls in the pagination estimate."""

    first_page: int
    last_page: int
    end_twips: int  # bottom of the paragraph's last line, from the top of the type area


def para_lines(para: Para, narrow: float = NARROW) -> int:
    if para.style is PStyle.TITLE:
        return count_lines(para.text, 0, 0, TITLE_CHARS_PER_LINE, narrow)
    if para.style in (PStyle.SIGNATURE, PStyle.DATE, PStyle.BLANK, PStyle.DOC_NUMBER, PStyle.MARK):
        return 1
    first = para.left_chars + para.first_indent
    per_line = CHARS_PER_LINE - round(para.right_chars)
    return count_lines(para.text, first, para.left_chars, per_line, narrow)


def _height(para: Para) -> int:
    return para.line_twips or LINE


def _chain(paras: Sequence[Para], i: int, lines: Sequence[int]) -> int:
    """Height that must follow paragraph i's last line on the same page (keep-with-next)."""
    if not paras[i].keep_next:
        return 0
    total = 0
    for j in range(i + 1, len(paras)):
        total += _height(paras[j])
        if not (paras[j].keep_next and lines[j] == 1):
            break
    return total


def layout(paras: Sequence[Para], start_twips: int = 0, narrow: float = NARROW) -> list[Placement]:
    """The estimated placement of every paragraph; ``start_twips`` is taken by a 版头."""
    lines = [para_lines(p, narrow) for p in paras]
    page, y = 1, start_twips
    out: list[Placement] = []
    for i, para in enumerate(paras):
        if para.page_break_before and (y > 0 or page > 1):
            page, y = page + 1, 0
        h = _height(para)
        chain = _chain(paras, i, lines)
        first_page = page
        for k in range(lines[i]):
            if y + h > TEXT_H:
                page, y = page + 1, 0
            if k == lines[i] - 1 and chain and y > 0 and y + h + chain > TEXT_H:
                page, y = page + 1, 0
            if k == 0:
                first_page = page
            y += h
        out.append(Placement(first_page, page, y))
    return out


@dataclass(frozen=True)
class SealPlan:
    """The blank lines above the organ name, and a note when the pre-flight changed them."""

    blank_lines: int
    note: str = ""


def plan_signature(text: Sequence[Para], sig: Signature, preferred: int, start_twips: int = 0) -> SealPlan:
    """Blank lines before the organ name so that the 落款 shares a page with body text.

    The keep-with-next chain guarantees the page; this adds the room the seal needs below the
    date (one line of overhang) by reducing the blank lines, as 7.3.5.5 allows.
    """
    if not sig.sealed:
        return SealPlan(1)
    preferred = min(3, max(1, preferred))
    if not text:
        return SealPlan(preferred)
    end = layout(text, start_twips)[-1].end_twips
    remaining = (TEXT_H - end) // LINE
    # + the line under the date: the seal's overhang, or the 附注 (which the seal may touch, as in print)
    fixed = organ_lines(sig) + (1 if sig.date else 0) + max(1, _note_lines(sig))
    if remaining >= preferred + fixed:
        return SealPlan(preferred)
    for fewer in range(preferred - 1, 0, -1):
        if remaining >= fewer + fixed:
            return SealPlan(fewer, f"为使印章与正文同页，落款前空行由{preferred}行减为{fewer}行")
    return SealPlan(preferred, "落款与正文最后一行一起排在新的一页（印章不会落在无正文的页面）")


def _note_lines(sig: Signature) -> int:
    note = sig.note_text
    return para_lines(Para(PStyle.NOTE, (Run(note),))) if note else 0


def signature_flow(text: Sequence[Para], sig: Signature, preferred: int,
                   start_twips: int = 0) -> tuple[list[Para], SealPlan]:
    plan = plan_signature(text, sig, preferred, start_twips)
    return signature_paras(sig, plan.blank_lines), plan


def with_last_text_kept(text: list[Para]) -> list[Para]:
    """The flow with keep-with-next on its last text paragraph (the head of the 落款 chain)."""
    from dataclasses import replace

    for i in range(len(text) - 1, -1, -1):
        if text[i].is_text and text[i].style is not PStyle.BLANK:
            return [*text[:i], replace(text[i], keep_next=True), *text[i + 1:]]
    return text
