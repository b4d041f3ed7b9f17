"""How wide a piece of text is on the page, as LibreOffice and as Word set it (no python-docx).

Measured with LibreOffice 7.4 (character positions read from its PDF) and modelled here:

- every CJK character and full-width mark is one em (16 pt for 三号); digits and Latin letters take
  their Times New Roman widths (Liberation Serif and Nimbus Roman share them);
- each character is condensed by the run's ``w:spacing`` (−0.25 pt on 三号 text, gbt9704.md §2.2),
  except that LibreOffice does not condense the last character of a *portion* (a stretch of one
  script in one run) — Word condenses every character;
- between an ideograph and a digit or Latin letter both add a little space (LibreOffice 1/5 em;
  Word's ``w:autoSpaceDE``/``autoSpaceDN``, on by default, about 1/4 em [unverified]);
- a mark of the General Punctuation block (“”‘’—…) takes the script of the strong character before
  it; after a digit LibreOffice would set it in the Latin font (a “ of 7.1 pt instead of 16 pt),
  so the writer gives such marks a run whose Latin font is the CJK font (:func:`needs_cjk_latin`).

The two renderers therefore disagree by a point or two on lines with digits; the line breaker
(:mod:`~fazhi_desktop.export.linebreak`) measures every line under both :data:`PROFILES` and only
ever commits to a break that both honour.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
import unicodedata
from collections.abc import Callable
from enum import Enum
from functools import lru_cache
from itertools import repeat
from operator import add, mul
from typing import Any, NamedTuple


class Profile(NamedTuple):
    """One renderer's way of measuring a line."""

    name: str
    autospace_em: float  # space between an ideograph and a digit/letter
    portion_end_condensed: bool  # is the last character of a portion condensed too?
    indent_char_pt: float | None  # width of one character of an indent; None: the twips written
    asian_space_em: float  # a space after Chinese text: LibreOffice sets it in the CJK font (½ em)
    middle_dot_em: float  # "·" (3·15, 买买提·艾力): LibreOffice's Latin font; Word's East Asian one [unverified]


LIBREOFFICE = Profile("LibreOffice", 0.2, False, None, 0.5, 0.25)
WORD = Profile("Word/WPS", 0.25, True, 16.0, 0.25, 1.0)
MIDDLE_DOT = "\u00b7"
PROFILES = (LIBREOFFICE, WORD)


class Script(Enum):
    ASIAN = "A"
    LATIN = "L"
    WEAK = "W"


# Times New Roman advance widths in em (the Adobe Times-Roman metrics, shared by Liberation Serif).
_TNR = dict(zip(
    " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
    (0.25, 0.333, 0.408, 0.5, 0.5, 0.833, 0.778, 0.18, 0.333, 0.333, 0.5, 0.564, 0.25, 0.333, 0.25, 0.278,
     0.278, 0.278, 0.564, 0.564, 0.564, 0.444, 0.921, 0.333, 0.278, 0.333, 0.469, 0.5, 0.333, 0.48, 0.2,
     0.48, 0.541), strict=True))
_TNR.update(dict.fromkeys("0123456789", 0.5))
_TNR.update(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (
    0.722, 0.667, 0.667, 0.722, 0.611, 0.556, 0.722, 0.722, 0.333, 0.389, 0.722, 0.611, 0.889, 0.722, 0.722,
    0.556, 0.722, 0.667, 0.556, 0.611, 0.722, 0.722, 0.944, 0.722, 0.722, 0.611), strict=True))
_TNR.update(zip("abcdefghijklmnopqrstuvwxyz", (
    0.444, 0.5, 0.444, 0.5, 0.444, 0.333, 0.5, 0.5, 0.278, 0.278, 0.5, 0.278, 0.778, 0.5, 0.5, 0.5, 0.5,
    0.333, 0.389, 0.278, 0.5, 0.5, 0.722, 0.5, 0.5, 0.444), strict=True))


@lru_cache(maxsize=8192)
def script(ch: str) -> Script:
    """The script LibreOffice assigns: ideographs and full-width forms Asian, ASCII Latin, other marks
    (and spaces) weak."""
    width = unicodedata.east_asian_width(ch)
    if width in "WF":
        return Script.ASIAN
    if ch == " ":
        return Script.WEAK
    if ch.isascii() or ch.isalnum() or ch == MIDDLE_DOT:
        return Script.LATIN
    return Script.WEAK


@lru_cache(maxsize=8192)
def _ideograph(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF" and unicodedata.category(ch).startswith("L")


def autospaced(a: str, b: str) -> bool:
    """Do the renderers add space between ``a`` and the following ``b`` (an ideograph and a digit/letter)?"""
    return (_ideograph(a) and b.isascii() and b.isalnum()) or (a.isascii() and a.isalnum() and _ideograph(b))


@lru_cache(maxsize=8192)
def natural_em(ch: str, cjk_latin: bool = False) -> float:
    """The character's advance width in em before any spacing. ``cjk_latin``: digits and letters in the
    CJK font (the 数字也用中文字体 option), where they are half-width."""
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0.0
    width = unicodedata.east_asian_width(ch)
    if width in "WFA":  # ideographs, full-width marks and “”‘’—… (always set in the CJK font)
        return 1.0
    if width == "H":
        return 0.5
    if cjk_latin:
        return 0.5
    return _TNR.get(ch, 0.5)


def resolve_scripts(text: str) -> list[Script]:
    """Every character's script after weak characters took that of the strong character before them;
    weak characters at the start of a paragraph are Latin (measured: a leading “ is set in Times)."""
    out: list[Script] = []
    last = Script.LATIN
    for ch in text:
        s = script(ch)
        if s is not Script.WEAK:
            last = s
        out.append(last)
    return out


def needs_cjk_latin(text: str) -> list[bool]:
    """Characters that must be set in a run whose Latin (w:ascii) font is the CJK font: weak marks that
    LibreOffice would otherwise resolve to Latin and draw in Times New Roman (“1” → “ of 7 pt)."""
    flags = [False] * len(text)
    for a, b in weak_latin(text):
        flags[a:b] = [True] * (b - a)
    return flags


def weak_latin(text: str) -> list[tuple[int, int]]:
    """The stretches ``[a, b)`` of :func:`needs_cjk_latin`: weak characters after a Latin one or at the start."""
    return [m.span() for m in _WEAK_LATIN.finditer(text.translate(CODES).translate(SCRIPTS))]


class Span(NamedTuple):
    """A stretch of a paragraph in one run: its size (pt), the run's spacing (pt) and Latin font."""

    end: int  # exclusive character index in the paragraph text
    size: float
    spacing: float
    cjk_latin: bool = False


class _Table(dict[Any, Any]):
    """A per-character table filled on first use (``str.translate`` and ``map`` look it up in C)."""

    def __init__(self, fn: Callable[[Any], Any]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.fn(key)
        return value


def _code(o: int) -> str:
    """One letter per character: I ideograph, A other Asian, D ASCII digit/letter, M middle dot, L other
    Latin, S space, W other weak (see :func:`script` and :func:`autospaced`)."""
    ch = chr(o)
    if unicodedata.east_asian_width(ch) in "WF":
        return "I" if unicodedata.category(ch).startswith("L") else "A"
    if ch == " ":
        return "S"
    if ch.isascii() and ch.isalnum():
        return "D"
    if ch == MIDDLE_DOT:
        return "M"
    return "L" if ch.isascii() or ch.isalnum() else "W"


CODES = _Table(_code)  # ord → code letter, a str.translate table
SCRIPTS = str.maketrans("IADMLSW", "AALLLSW")  # code → A (Asian), L (Latin), S or W (weak)
_EM = (_Table(natural_em), _Table(lambda ch: natural_em(ch, True)))
_SWITCH = re.compile(r"A[SW]*(?=L)|L[SW]*(?=A)")  # on "L" + scripts: where the resolved script changes
_GAP = re.compile(r"(?=ID|DI)")  # an ideograph next to an ASCII digit or letter
_WEAK_LATIN = re.compile(r"(?:^|(?<=L))[SW]+")  # on scripts: weak characters that resolve to Latin


class Measured:
    """A paragraph set in one line: per profile the running sums of the advances (Word's worked out only
    when asked for), what a line-final character sheds (its autospace, and in LibreOffice its spacing),
    and how many characters of a stretch carry their run's spacing."""

    def __init__(self, text: str, spans: tuple[Span, ...]) -> None:
        n = len(text)
        codes = text.translate(CODES)
        scripts = codes.translate(SCRIPTS)
        nat: list[float] = []
        spacing: list[float] = []
        ends: set[int] = set()
        bounds: list[tuple[int, float]] = []  # (end, size) of each span
        start = 0
        for span in spans:
            end = min(span.end, n)
            if end > start:
                nat += map(mul, map(_EM[span.cjk_latin].__getitem__, text[start:end]), repeat(span.size))
                spacing += repeat(span.spacing, end - start)
                ends.add(end - 1)
                bounds.append((end, span.size))
            start = end
        switches = [m.end() - 1 for m in _SWITCH.finditer("L" + scripts)]  # first character of a new script
        ends.update(j - 1 for j in switches if j > 0)
        if n:
            ends.add(n - 1)
        ends_at = sorted(ends)

        def size(i: int) -> float:
            return bounds[bisect.bisect_right(bounds, (i, math.inf))][1]

        self.n, self.nat, self.spacing, self.ends, self.ends_at = n, nat, spacing, ends, ends_at
        self.gaps = {m.start(): size(m.start()) for m in _GAP.finditer(codes)}
        asian = [scripts[j] == "A" for j in switches]
        self.spaces = [(i, size(i)) for i in _positions(codes, "S")
                       if (k := bisect.bisect_right(switches, i)) and asian[k - 1]]
        self.dots = [(i, size(i)) for i in _positions(codes, "M")]
        self._prefix: dict[Profile, list[float]] = {}

    def prefix(self, p: Profile) -> list[float]:
        found = self._prefix.get(p)
        if found is None:
            found = self._prefix[p] = self._sums(p)
        return found

    def _sums(self, p: Profile) -> list[float]:
        """a + b + g·em for every character (its width, its spacing unless shed, its autospace), summed."""
        nat, spacing = self.nat, self.spacing
        adv = list(map(add, nat, spacing))
        kept: list[float] | _Zeroed = spacing
        if not p.portion_end_condensed:
            kept = _Zeroed(spacing, self.ends)
            for i in self.ends_at:
                adv[i] = nat[i] + 0.0
        for i, z in self.spaces:
            adv[i] = p.asian_space_em * z + kept[i]
        for i, z in self.dots:
            adv[i] = p.middle_dot_em * z + kept[i]
        em = p.autospace_em
        for i, g in self.gaps.items():
            adv[i] = adv[i] + g * em
        return list(itertools.accumulate(adv, initial=0.0))

    def fix(self, p: Profile, i: int) -> float:
        """What character ``i`` sheds at a line end (added to the width of a line ending with it)."""
        g = self.gaps.get(i, 0.0)
        if p.portion_end_condensed:
            return -g * p.autospace_em
        return -g * p.autospace_em - (0.0 if i in self.ends else self.spacing[i])

    def spaced(self, p: Profile, a: int, b: int) -> int:
        """Characters of ``[a, b)`` that carry their run's spacing."""
        if p.portion_end_condensed:
            return b - a
        return b - a - (bisect.bisect_left(self.ends_at, b) - bisect.bisect_left(self.ends_at, a))


class _Zeroed:
    """``values`` read with 0.0 at ``zero`` (a portion's last character sheds its spacing in LibreOffice)."""

    def __init__(self, values: list[float], zero: set[int]) -> None:
        self.values, self.zero = values, zero

    def __getitem__(self, i: int) -> float:
        return 0.0 if i in self.zero else self.values[i]


def _positions(codes: str, letter: str) -> list[int]:
    out, i = [], codes.find(letter)
    while i >= 0:
        out.append(i)
        i = codes.find(letter, i + 1)
    return out


def measure(text: str, spans: tuple[Span, ...]) -> Measured:
    return Measured(text, spans)


def advances(text: str, spans: tuple[Span, ...], profile: Profile) -> list[float]:
    """The advance of every character of ``text`` (pt), autospace included (added to the earlier
    character of the pair), as ``profile`` sets it with the paragraph laid out in one line."""
    acc = measure(text, spans).prefix(profile)
    return [b - a for a, b in itertools.pairwise(acc)]


def text_width(text: str, size: float = 16.0, spacing: float = 0.0, profile: Profile = LIBREOFFICE) -> float:
    """Width (pt) of a single line of ``text`` in one run."""
    if not text:
        return 0.0
    return sum(advances(text, (Span(len(text), size, spacing),), profile))


def widest(text: str, size: float = 16.0, spacing: float = 0.0) -> float:
    """The width under the renderer that sets ``text`` widest."""
    return max(text_width(text, size, spacing, p) for p in PROFILES)
