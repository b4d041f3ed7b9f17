"""The 落款 plan: the seal shares its page with body text, and no page before it runs half empty.

Only what must stay together is kept together: the last two lines of text (the final paragraph is
split at a line boundary when it is longer) travel with the blank lines, the organ name and the
date — in Word, WPS and LibreOffice alike, because every paragraph of that chain has both
``w:keepNext`` and ``w:keepLines`` (Word would otherwise move only the last line, LibreOffice the
whole paragraph). When that chain does not fit under the text, the page before it loses those two
lines and nothing more. Where that would leave it more than two lines short, 7.3.5.5 is applied:
one blank line instead of two above the organ name, or the line pitch of that one page adjusted —
tighter so that everything fits (down to 26 pt), or looser so that two lines move with the 落款.
The part of a paragraph left on the earlier page is justified to its last line (``distribute``),
so the split does not show.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from fazhi_desktop.export.flow import Para, PStyle, Run, Source
from fazhi_desktop.export.geometry import LINE, TEXT_H
from fazhi_desktop.export.pages import PageLayout
from fazhi_desktop.export.paginate import lo_twips, paginate
from fazhi_desktop.export.paralayout import known_split, para_layout
from fazhi_desktop.export.signature import Signature, signature_paras

TAIL_LINES = 2  # body lines that travel with the 落款
MIN_PITCH = 520  # 26 pt: the tightest line pitch 7.3.5.5 is used with
MAX_PITCH = 760  # 38 pt: the loosest
MAX_SHORT = 2.0  # grid lines a page may end short of the foot


def split_para(para: Para, at: int, cjk_digits: bool = False) -> tuple[Para, Para]:
    """The paragraph cut before character ``at``: the first part justified to its last line, the second
    continuing without a first-line indent."""
    head: list[Run] = []
    tail: list[Run] = []
    pos = 0
    for run in para.runs:
        cut = min(max(at - pos, 0), len(run.text))
        if run.text[:cut]:
            head.append(run._replace(text=run.text[:cut]))
        if run.text[cut:]:
            tail.append(run._replace(text=run.text[cut:]))
        pos += len(run.text)
    first = replace(para, runs=tuple(head), keep_next=False, keep_lines=False,
                    jc="distribute" if (para.jc or para.spec.jc) == "both" else para.jc)
    rest = replace(para, runs=tuple(tail), first_chars=0.0, sources=_tail_sources(para, at))
    known_split(para, at, first, rest, cjk_digits)
    return first, rest


def _tail_sources(para: Para, at: int) -> tuple[Source, ...]:
    """The sources of the part of ``para`` from character ``at`` on."""
    kept = [s for s in para.sources if s.start > at]
    before = [s for s in para.sources if s.start <= at]
    return tuple([before[-1].shifted(at)] if before else []) + tuple(s.shifted(at) for s in kept)


def keep_tail(text: list[Para], lines: int, cjk_digits: bool = False) -> list[Para]:
    """The flow with its last ``lines`` text lines (and anything between them) kept with the 落款."""
    out = list(text)
    left = lines
    i = len(out) - 1
    while i >= 0 and left > 0:
        para = out[i]
        if not (para.is_text and para.text.strip()):
            out[i] = replace(para, keep_next=True) if para.style is PStyle.BLANK else para
            i -= 1
            continue
        lay = para_layout(para, cjk_digits)
        if lay.line_count > left:
            head, tail = split_para(para, lay.lines[lay.line_count - left].start, cjk_digits)
            kept = replace(tail, keep_next=True, keep_lines=True)
            known_split(para, lay.lines[lay.line_count - left].start, head, kept, cjk_digits)
            out[i:i + 1] = [head, kept]
            return out
        out[i] = replace(para, keep_next=True, keep_lines=True)
        left -= lay.line_count
        i -= 1
    return out


class SealPlan(NamedTuple):
    """The flow from the title to the 落款, and a note for the clerk when 7.3.5.5 was applied."""

    flow: list[Para]
    note: str = ""


def _ok(flow: list[Para], layout: PageLayout, sig_start: int, sealed: bool, text_lines: int) -> bool:
    rows = [(p, r) for p in layout.pages for r in p.rows if r.item >= sig_start]
    if not rows:
        return True
    page = rows[0][0]
    before = [r for r in page.rows if r.item < sig_start and r.is_text]
    if len(before) < min(TAIL_LINES, text_lines) or any(p is not page for p, _ in rows):
        return False
    dates = [r for _, r in rows if r.role == PStyle.DATE.value]
    if sealed and dates and dates[-1].bottom + LINE > TEXT_H:
        return False  # the seal overhangs the date by about a line
    earlier = next((p for p in layout.pages if p.index == page.index - 1), None) if page.index > 2 else None
    return earlier is None or earlier.short_rows() <= MAX_SHORT + 0.05


def _repitch(flow: list[Para], layout: PageLayout, page_index: int, pitch: int, upto: int,
             cjk_digits: bool) -> list[Para]:
    """``flow`` with every line on page ``page_index`` (items before ``upto``) at ``pitch`` twips;
    a paragraph running onto that page from the one before is split there."""
    page = next(p for p in layout.pages if p.index == page_index)
    items = sorted({r.item for r in page.rows if r.item < upto})
    out = list(flow)
    for i in reversed(items):
        para = out[i]
        before = min((r.part for r in page.rows if r.item == i), default=0)
        if before:
            at = para_layout(para, cjk_digits).lines[before].start
            head, tail = split_para(para, at, cjk_digits)
            moved = replace(tail, line_twips=pitch)
            known_split(para, at, head, moved, cjk_digits)
            out[i:i + 1] = [head, moved]
        else:
            out[i] = replace(para, line_twips=pitch)
    return out


def _pitch_for(height: int, lines: int) -> int:
    """The largest exact line pitch of which ``lines`` lines fit in ``height`` twips, in every renderer,
    with 2 pt to spare (LibreOffice rounds exact heights through 1/100 mm; over 20 lines that adds up)."""
    height -= 40
    pitch = height // lines
    while pitch > 0 and lines * lo_twips(pitch) > height:
        pitch -= 1
    return pitch


def plan_signature(text: list[Para], sig: Signature, preferred: int, start: int = 0,
                   cjk_digits: bool = False) -> SealPlan:
    preferred = min(3, max(1, preferred)) if sig.sealed else 1
    text_lines = sum(para_layout(p, cjk_digits).line_count for p in text if p.is_text and p.text.strip())
    kept = keep_tail(text, TAIL_LINES, cjk_digits)
    alone = paginate(kept, start, cjk_digits)
    # only the last pages change from one attempt to the next: lay out from a page two before the end
    # that begins with the start of a paragraph (keeps only ever push text forward)
    cut = next((p for p in reversed(alone.pages[:-2]) if p.rows and p.rows[0].part == 0), None)
    from_item, pages_before = (cut.rows[0].item, cut.index - 1) if cut is not None and cut.index > 1 else (0, 0)

    def attempt(body: list[Para], blanks: int) -> tuple[list[Para], bool, PageLayout]:
        flow = body + signature_paras(sig, blanks)
        layout = paginate(flow, start, cjk_digits, from_item, pages_before)
        return flow, _ok(flow, layout, len(body), sig.sealed, text_lines), layout

    first, ok, layout = attempt(kept, preferred)
    if ok:
        return SealPlan(first)
    for blanks in range(preferred - 1, 0, -1):
        flow, ok, _ = attempt(kept, blanks)
        if ok:
            return SealPlan(flow, f"为使印章与正文同页，落款前空行由{preferred}行减为{blanks}行")
    # 7.3.5.5: the page where the text ends, tighter so that the 落款 fits under it
    last = alone.pages[-1]
    # one blank line, the organ(s), the date, the 附注; sealed, the line under the date the seal overhangs
    need = len(signature_paras(sig, 1)) + (1 if sig.sealed and not sig.note_text else 0)
    lines = len([r for r in last.rows])
    if lines:
        pitch = _pitch_for(TEXT_H - need * LINE - (last.rows[0].y if last.index == 1 else 0), lines)
        if MIN_PITCH <= pitch < LINE and last.index > 1:
            body = _repitch(kept, alone, last.index, pitch, len(kept), cjk_digits)
            flow, ok, _ = attempt(body, 1)
            if ok:
                return SealPlan(flow, f"为使印章与正文同页，第{last.index}页行距由28.95磅调整为{pitch / 20:g}磅")
    # … or looser, so that the page before the 落款 is filled and two lines move with it
    seal_page = next(p for p in layout.pages for r in p.rows if r.item >= len(kept))
    earlier_pages = [p for p in layout.pages if p.index == seal_page.index - 1]
    if seal_page.index > 2 and earlier_pages:
        earlier = earlier_pages[0]
        rows = len(earlier.rows)
        pitch = _pitch_for(TEXT_H, rows) if rows else LINE
        if LINE < pitch <= MAX_PITCH:
            body = _repitch(kept, layout, earlier.index, pitch, len(kept), cjk_digits)
            flow, ok, _ = attempt(body, preferred)
            if ok:
                return SealPlan(flow, f"为使印章页有两行正文，第{earlier.index}页行距由28.95磅调整为{pitch / 20:g}磅")
    return SealPlan(first, "落款与正文最后两行一起排在下一页（印章不会落在无正文的页面）")
