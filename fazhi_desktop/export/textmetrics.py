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

import itertools
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache


@dataclass(frozen=True)
class Profile:
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
    resolved = resolve_scripts(text)
    return [script(ch) is Script.WEAK and r is Script.LATIN for ch, r in zip(text, resolved, strict=True)]


@dataclass(frozen=True)
class Span:
    """A stretch of a paragraph in one run: its size (pt), the run's spacing (pt) and Latin font."""

    end: int  # exclusive character index in the paragraph text
    size: float
    spacing: float
    cjk_latin: bool = False


@lru_cache(maxsize=16384)
def _info(ch: str) -> tuple[Script, bool, bool, float, float]:
    """(script, ideograph, ASCII digit/letter, width in Times New Roman em, width in the CJK font em)."""
    nat = natural_em(ch)
    return script(ch), _ideograph(ch), ch.isascii() and ch.isalnum(), nat, natural_em(ch, True)


@dataclass(frozen=True)
class Measured:
    """A paragraph set in one line, per profile: running sums of the advances, what a line-final
    character sheds (its autospace, and in LibreOffice its spacing), and running counts of the
    characters that carry their run's spacing."""

    prefix: dict[Profile, list[float]]
    end_fix: dict[Profile, list[float]]
    spaced: dict[Profile, list[int]]


def measure(text: str, spans: tuple[Span, ...]) -> Measured:
    n = len(text)
    infos = [_info(ch) for ch in text]
    resolved: list[Script] = []
    last_strong = Script.LATIN
    for info in infos:
        if info[0] is not Script.WEAK:
            last_strong = info[0]
        resolved.append(last_strong)
    nat: list[float] = []
    size: list[float] = []
    spacing: list[float] = []
    run_end = [False] * n
    start = 0
    for span in spans:
        end = min(span.end, n)
        column = 4 if span.cjk_latin else 3
        nat += [info[column] * span.size for info in infos[start:end]]  # type: ignore[operator]
        size += [span.size] * (end - start)
        spacing += [span.spacing] * (end - start)
        if end > start:
            run_end[end - 1] = True
        start = end
    last = [e or r is not t for e, r, t in zip(run_end, resolved, [*resolved[1:], None], strict=True)]
    ideo = [info[1] for info in infos]
    alnum = [info[2] for info in infos]
    gap = [z if (a and d) or (b and c) else 0.0
           for z, a, b, c, d in zip(size, ideo, alnum, [*ideo[1:], False], [*alnum[1:], False], strict=True)]
    spaces = [i for i, ch in enumerate(text) if ch == " " and resolved[i] is Script.ASIAN]
    dots = [i for i, ch in enumerate(text) if ch == MIDDLE_DOT]
    prefix: dict[Profile, list[float]] = {}
    fix: dict[Profile, list[float]] = {}
    spaced: dict[Profile, list[int]] = {}
    for p in PROFILES:
        for i in spaces:
            nat[i] = p.asian_space_em * size[i]
        for i in dots:
            nat[i] = p.middle_dot_em * size[i]
        em = p.autospace_em
        if p.portion_end_condensed:
            prefix[p] = list(itertools.accumulate(map(lambda a, b, g: a + b + g * em, nat, spacing, gap), initial=0.0))
            fix[p] = [-g * em for g in gap]
            spaced[p] = list(range(n + 1))
        else:
            kept = [0.0 if x else sp for x, sp in zip(last, spacing, strict=True)]
            prefix[p] = list(itertools.accumulate(map(lambda a, b, g: a + b + g * em, nat, kept, gap), initial=0.0))
            fix[p] = [-g * em - k for g, k in zip(gap, kept, strict=True)]
            spaced[p] = list(itertools.accumulate((0 if x else 1 for x in last), initial=0))
    return Measured(prefix, fix, spaced)


def advances(text: str, spans: tuple[Span, ...], profile: Profile) -> list[float]:
    """The advance of every character of ``text`` (pt), autospace included (added to the earlier
    character of the pair), as ``profile`` sets it with the paragraph laid out in one line."""
    acc = measure(text, spans).prefix[profile]
    return [b - a for a, b in itertools.pairwise(acc)]


def text_width(text: str, size: float = 16.0, spacing: float = 0.0, profile: Profile = LIBREOFFICE) -> float:
    """Width (pt) of a single line of ``text`` in one run."""
    if not text:
        return 0.0
    return sum(advances(text, (Span(len(text), size, spacing),), profile))


def widest(text: str, size: float = 16.0, spacing: float = 0.0) -> float:
    """The width under the renderer that sets ``text`` widest."""
    return max(text_width(text, size, spacing, p) for p in PROFILES)
