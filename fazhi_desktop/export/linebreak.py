"""Breaking a paragraph into lines the way LibreOffice, Word and WPS do (no python-docx).

LibreOffice's rule for Chinese text (its CJK break iterator, reproduced here and measured with 7.4):
fill the line until a character overflows; if that character may not start a line (，。、”》…) or
the one before it may not end one (“《（), step back until neither holds (避头尾: the last character
"moves down" with the mark); otherwise step back to the start of the "word" the overflowing
character belongs to (a number or Latin word such as "97.3%", a digit stuck to the mark before it
"，1" or the bracket after it "1（"); "——" and "……" it splits or not, so no break is trusted there.
Nothing hangs past the line end: hanging is off (see :mod:`~fazhi_desktop.export.paragraphs` on
``w:overflowPunct``).

Word and WPS break by the same rules but measure a little differently (:mod:`.textmetrics`). Where
the two measures would break a line differently, or where one of them is within a hair of the line
end, the break is *forced*: the characters of that line get a little more spacing
(:attr:`Line.forced`), so that the character after the break overflows in both while the line
itself still fits in both. Justification spreads every full line across the width anyway, so the
extra spacing does not show.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from fazhi_desktop.export.textmetrics import PROFILES, Profile, Span, measure

# LibreOffice's zh-CN kinsoku lists (i18npool locale data), which Word's Simplified Chinese lists match
# for every mark a report uses.
NO_LINE_START = frozenset(":!),.;?]}¢'\"、。〉》」』】〕〗〞︰︱︳﹐､﹒﹔﹕﹖﹗﹚﹜﹞！），．：；？｜｝"
                          "︴︶︸︺︼︾﹀﹂﹄﹏～￠々‖•·ˇˉ―-′’”")
NO_LINE_END = frozenset("([{£¥'\"‵〈《「『【〔〖（［｛￡￥〝︵︷︹︻︽︿﹁﹃﹙﹛﹝“‘")
# What LibreOffice's word boundaries keep together (measured): a closing mark and the digit or letter
# after it, and a digit or letter and the opening mark after it.
_CLOSERS = frozenset("，。、）”》」』】〕〉’〗｝］")
_OPENERS = frozenset("“《（「『【〔〈‘〖｛［")
EPS = 0.3  # pt: a break is trusted only when both measures clear the line end by this much
_MAX_FORCE = 40  # twentieths of a point: at most 2 pt more per character


def _latin(ch: str) -> bool:
    """Part of a Latin word (LibreOffice sets "3·15" in the Latin script and never splits it)."""
    return (ch.isascii() and not ch.isspace()) or ch == "\u00b7"


def _glued(a: str, b: str, latin_only: bool) -> bool:
    """Are ``a`` and the following ``b`` one word for LibreOffice (never broken between)?"""
    if _latin(a) and _latin(b):
        return True
    if latin_only:
        return False
    if a in _CLOSERS and b.isascii() and b.isalnum():
        return True
    return a.isascii() and a.isalnum() and b in _OPENERS


def _pair_split(text: str, over: int) -> bool:
    """Is ``over`` the second half of "——" or "……"? LibreOffice splits such a pair one time and
    not another, so no break is trusted there."""
    return 0 < over < len(text) and text[over] in "—…" and text[over - 1] == text[over]


def _kinsoku(text: str, start: int, pos: int) -> int:
    while pos > start and (text[pos] in NO_LINE_START or text[pos - 1] in NO_LINE_END):
        pos -= 1
    return pos


def _snap(text: str, start: int, pos: int, latin_only: bool) -> int:
    while pos > start and _glued(text[pos - 1], text[pos], latin_only):
        pos -= 1
    return pos


def adjust(text: str, start: int, over: int) -> int:
    """Where LibreOffice breaks when ``text[over]`` is the first character that does not fit: the
    kinsoku step back; then, if that moved nothing, back to the start of the word (else only out of
    a Latin word: "99.2%。" breaks before "99.2%", "1（宙" between "1" and "（"); then kinsoku again."""
    if over >= len(text):
        return len(text)
    if text[over] == " ":  # spaces at a line end take no room: they stay on the line
        while over < len(text) and text[over] == " ":
            over += 1
        return over
    pos = _kinsoku(text, start, over)
    pos = _snap(text, start, pos, latin_only=pos != over)
    pos = _kinsoku(text, start, pos)
    return pos if pos > start else max(over, start + 1)


class Line(NamedTuple):
    """One line of a paragraph: ``text[start:end]``, and the extra spacing (1/20 pt) given to its
    characters to force the break after it (0: the break needs no help)."""

    start: int
    end: int
    forced: int = 0


class Rooms(NamedTuple):
    """Line widths available (pt) under each renderer: the first line's and the others'."""

    first: dict[Profile, float]
    rest: dict[Profile, float]


def with_forced(spans: tuple[Span, ...], forced: dict[int, tuple[int, int]]) -> tuple[Span, ...]:
    """The spans with each forced line (start → (end, extra twentieths)) cut out as a run of its own."""
    if not forced:
        return spans
    edges = sorted({s.end for s in spans} | set(forced) | {e for e, _ in forced.values()} - {0})
    lines = sorted((a, e, x) for a, (e, x) in forced.items())
    out: list[Span] = []
    k = j = 0
    for end in edges:
        while spans[k].end < end:
            k += 1
        while j < len(lines) and lines[j][1] < end:
            j += 1
        extra = lines[j][2] if j < len(lines) and lines[j][0] < end <= lines[j][1] else 0
        base = spans[k]
        out.append(Span(end, base.size, base.spacing + extra / 20, base.cjk_latin))
    return tuple(out)


class _Measure:
    """Line widths of one paragraph under every profile."""

    def __init__(self, text: str, spans: tuple[Span, ...]) -> None:
        self.text = text
        self.m = measure(text, spans)

    def width(self, p: Profile, a: int, e: int) -> float:
        acc = self.m.prefix(p)
        w = acc[e] - acc[a]
        return w + self.m.fix(p, e - 1) if e > a else w

    def overflow(self, p: Profile, a: int, room: float) -> int:
        """The first character (index) that does not fit on a line starting at ``a``."""
        acc = self.m.prefix(p)
        fix = self.m.fix
        n = len(self.text)
        # a line-final character sheds at most its autospace and spacing (a few points): start close
        o = max(a, bisect.bisect_right(acc, acc[a] + room - 8.0) - 2)
        while o < n and acc[o + 1] - acc[a] + fix(p, o) <= room:
            o += 1
        return o


def _force(m: _Measure, rooms: dict[Profile, float], a: int, b: int) -> int | None:
    """Extra spacing (1/20 pt) on ``text[a:b]`` with which both renderers break at ``b``; None if none does."""
    for over in range(b, min(b + 16, len(m.text))):
        if adjust(m.text, a, over) != b or _pair_split(m.text, over):
            continue
        low, high = 1, _MAX_FORCE
        for p in PROFILES:
            k = max(1, m.m.spaced(p, a, b))
            low = max(low, int((rooms[p] + EPS - m.width(p, a, over + 1)) / k * 20) + 1)
            high = min(high, int((rooms[p] - EPS - m.width(p, a, over)) / k * 20))
        if low <= high:
            return (low + high) // 2
    return None


def _clean(m: _Measure, rooms: dict[Profile, float], a: int, b: int, overs: list[int], breaks: list[int]) -> bool:
    """Do both renderers break at ``b`` with room to spare on both sides of the line end? Not when the
    character that overflows is a closing mark: Word (``w:overflowPunct``) might let it hang. ``overs``:
    the character that overflows under each profile, ``breaks`` where each would break."""
    text = m.text
    for p, over, at in zip(PROFILES, overs, breaks, strict=True):
        if at != b or _pair_split(text, over):
            return False
        if over < len(text) and text[over] in NO_LINE_START:
            return False
        if over < len(text) and (m.width(p, a, over) > rooms[p] - EPS or m.width(p, a, over + 1) <= rooms[p] + EPS):
            return False
    return True


def _lines(text: str, spans: tuple[Span, ...], rooms: Rooms) -> tuple[list[Line], _Measure]:
    m = _Measure(text, spans)
    lines: list[Line] = []
    a = 0
    while a < len(text):
        room = rooms.first if not lines else rooms.rest
        overs = [m.overflow(p, a, room[p]) for p in PROFILES]
        breaks = [adjust(text, a, over) for over in overs]
        b = min(breaks)
        forced = 0
        if b < len(text) and not _clean(m, room, a, b, overs, breaks):
            while b > a + 1:
                force = _force(m, room, a, b)
                if force is not None:
                    forced = force
                    break
                earlier = adjust(text, a, b - 1)  # no spacing separates the renderers here: one break earlier
                b = earlier if earlier < b else b - 1
            if not forced:  # the renderers cannot be brought together here: LibreOffice's break
                b = adjust(text, a, overs[0])
        lines.append(Line(a, b, forced))
        a = b
    return lines or [Line(0, 0)], m


def break_lines(text: str, spans: tuple[Span, ...], rooms: Rooms) -> list[Line]:
    return break_and_measure(text, spans, rooms)[0]


def break_and_measure(text: str, spans: tuple[Span, ...], rooms: Rooms) -> tuple[list[Line], list[float]]:
    """The paragraph's lines, and the running sums of its advances as LibreOffice sets it.

    A forced line is written as a run of its own, which moves the characters at its edges by a quarter
    point in LibreOffice (a run's last character is not condensed): less than :data:`EPS`, the margin
    every break clears in both renderers, so one pass suffices (the render sweep confirms it)."""
    lines, measured = _lines(text, spans, rooms)
    return lines, measured.m.prefix(PROFILES[0])
