"""One paragraph laid out: its lines, and the pieces (segments) its runs are written as (no python-docx).

The writer writes exactly these segments, and the pre-flight counts exactly these lines, so the two
cannot drift apart. A run of the flow is cut into segments where

- a forced line (:mod:`~fazhi_desktop.export.linebreak`) begins or ends: it carries extra spacing;
- a weak mark (“”—…) follows a digit or Latin letter: it is written with the CJK font in the Latin
  slot too, or LibreOffice would draw it in Times New Roman (:func:`~.textmetrics.needs_cjk_latin`).
"""

from __future__ import annotations

import itertools
from functools import lru_cache
from typing import NamedTuple

from fazhi_desktop.export.flow import Para, PStyle, Run
from fazhi_desktop.export.geometry import BODY_HALF_POINTS, CHAR_TWIPS, CONDENSE, TEXT_W
from fazhi_desktop.export.linebreak import Line, Rooms, break_and_measure
from fazhi_desktop.export.textmetrics import LIBREOFFICE, PROFILES, Profile, Span, advances, weak_latin

SINGLE_LINE = (PStyle.BLANK, PStyle.SIGNATURE, PStyle.DATE, PStyle.DOC_NUMBER, PStyle.MARK, PStyle.TITLE)


def run_spacing(half_points: int) -> int:
    """Condensing (1/20 pt) of method B: only 三号 text is condensed (see geometry)."""
    return CONDENSE if half_points == BODY_HALF_POINTS else 0


class Segment(NamedTuple):
    """A piece of one run as written: its text, the run it comes from, and what departs from that run."""

    text: str
    run: Run
    half_points: int
    spacing: int  # 1/20 pt, condensing plus any forced extra
    cjk_latin: bool = False  # the Latin (w:ascii) slot carries the CJK font as well


class ParaLayout(NamedTuple):
    """The lines of a paragraph and the segments its runs are written as."""

    lines: tuple[Line, ...]
    segments: tuple[Segment, ...]
    prefix: tuple[float, ...] = ()  # running sums of the advances (LibreOffice); () until measured

    @property
    def line_count(self) -> int:
        return len(self.lines)


def _rooms(para: Para) -> Rooms:
    text_pt = TEXT_W / 20
    left, right, first = para.left_chars, para.right_chars, para.first_indent

    def room(p: Profile, chars: float) -> float:
        unit = p.indent_char_pt if p.indent_char_pt is not None else CHAR_TWIPS / 20
        return text_pt - unit * chars

    return Rooms({p: room(p, left + first + right) for p in PROFILES},
                 {p: room(p, left + right) for p in PROFILES})


def _plain_segments(para: Para, cjk_digits: bool) -> list[Segment]:
    out: list[Segment] = []
    for run in para.runs:
        size = run.half_points or para.spec.half_points
        spacing = run_spacing(size)
        start = 0
        for a, b in weak_latin(run.text):
            if a > start:
                out.append(Segment(run.text[start:a], run, size, spacing, cjk_digits))
            out.append(Segment(run.text[a:b], run, size, spacing, True))
            start = b
        if start < len(run.text):
            out.append(Segment(run.text[start:], run, size, spacing, cjk_digits))
    return out


def _spans(segments: list[Segment]) -> tuple[Span, ...]:
    spans: list[Span] = []
    end = 0
    for seg in segments:
        end += len(seg.text)
        spans.append(Span(end, seg.half_points / 2, seg.spacing / 20, seg.cjk_latin))
    return tuple(spans)


def _cut(segments: list[Segment], lines: list[Line]) -> list[Segment]:
    """Cut the segments at the edges of forced lines and give those characters the extra spacing."""
    forced = [(ln.start, ln.end, ln.forced) for ln in lines if ln.forced]
    if not forced:
        return segments
    out: list[Segment] = []
    pos = 0
    for seg in segments:
        cuts = sorted({0, len(seg.text)} | {x - pos for a, e, _ in forced for x in (a, e)
                                            if pos < x < pos + len(seg.text)})
        for a, b in itertools.pairwise(cuts):
            extra = next((f for s, e, f in forced if s <= pos + a < e), 0)
            out.append(Segment(seg.text[a:b], seg.run, seg.half_points, seg.spacing + extra, seg.cjk_latin))
        pos += len(seg.text)
    return out


# Layouts known without breaking again: the two parts of a paragraph split at a line boundary
# (sealplan.py) take the lines of the whole (a pasted 1 MB paragraph is not broken three times).
_KNOWN: dict[tuple[Para, bool], tuple[ParaLayout, tuple[float, ...]]] = {}


def _cut_segments(segments: tuple[Segment, ...], a: int, b: int) -> tuple[Segment, ...]:
    out, pos = [], 0
    for seg in segments:
        lo, hi = max(a, pos), min(b, pos + len(seg.text))
        if lo < hi:
            out.append(Segment(seg.text[lo - pos:hi - pos], seg.run, seg.half_points, seg.spacing, seg.cjk_latin))
        pos += len(seg.text)
    return tuple(out)


def known_split(para: Para, at: int, head: Para, tail: Para, cjk_digits: bool = False) -> None:
    """Record the layouts of ``head`` and ``tail``, the parts of ``para`` cut before character ``at``
    (the start of one of its lines)."""
    whole, prefix = para_layout(para, cjk_digits), para_prefix(para, cjk_digits)
    k = next(i for i, ln in enumerate(whole.lines) if ln.start == at)
    n = len(prefix) - 1
    if len(_KNOWN) > 512:
        _KNOWN.clear()
    _KNOWN[(head, cjk_digits)] = (ParaLayout(whole.lines[:k], _cut_segments(whole.segments, 0, at)), prefix[:at + 1])
    shifted = tuple(Line(ln.start - at, ln.end - at, ln.forced) for ln in whole.lines[k:])
    _KNOWN[(tail, cjk_digits)] = (ParaLayout(shifted, _cut_segments(whole.segments, at, n)),
                                  tuple(x - prefix[at] for x in prefix[at:]))


@lru_cache(maxsize=65536)
def para_prefix(para: Para, cjk_digits: bool = False) -> tuple[float, ...]:
    """Running sums of the characters' advances (pt) as LibreOffice sets the paragraph as written."""
    known = _KNOWN.get((para, cjk_digits))
    if known is not None:
        return known[1]
    layout = para_layout(para, cjk_digits)
    if layout.prefix:
        return layout.prefix
    text = "".join(s.text for s in layout.segments).replace("\t", " ")
    acc = [0.0]
    for adv in advances(text, _spans(list(layout.segments)), LIBREOFFICE) if text else ():
        acc.append(acc[-1] + adv)
    return tuple(acc)


@lru_cache(maxsize=65536)
def para_layout(para: Para, cjk_digits: bool = False) -> ParaLayout:
    known = _KNOWN.get((para, cjk_digits))
    if known is not None:
        return known[0]
    segments = _plain_segments(para, cjk_digits)
    text = "".join(s.text for s in segments)
    if para.style in SINGLE_LINE or not text or "\t" in text:
        return ParaLayout((Line(0, len(text)),), tuple(segments))
    lines, prefix = break_and_measure(text, _spans(segments), _rooms(para))
    return ParaLayout(tuple(lines), tuple(_cut(segments, lines)), tuple(prefix) if "\t" not in text else ())


def line_width(para: Para, cjk_digits: bool = False, profile: Profile = LIBREOFFICE) -> float:
    """Width (pt) of a single-line paragraph as written (a title line, a date)."""
    layout = para_layout(para, cjk_digits)
    text = "".join(s.text for s in layout.segments)
    return sum(advances(text, _spans(list(layout.segments)), profile)) if text else 0.0
