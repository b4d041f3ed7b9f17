"""Page geometry of GB/T 9704-2012 in twips, and the character-cell arithmetic of the 22 × 28 grid.

How 28 characters a line is obtained (gbt9704.md §2.2, "method B"):
``<w:docGrid w:type="lines" w:linePitch="579"/>``, every body paragraph at exactly 579 twips,
and every 三号 run condensed by ``<w:spacing w:val="-5"/>`` (−0.25 pt), so one character is
15.75 pt and 28 of them (441 pt) fit the 442.25 pt type area while 29 do not.

Why not the character grid (method A, ``linesAndChars`` + ``charSpace``), which Word's 文档网格
dialog would show as "28 字/行"? Measured with LibreOffice 7.4 it lays out only 14 characters a
line (every 16 pt glyph takes two grid cells), and 信创 desktops print from LibreOffice. Run
spacing is plain character spacing in Word, WPS and LibreOffice alike (ECMA-376 17.3.2.35), and
exact line spacing bypasses any grid (17.3.1.33), so method B gives the same 22 × 28 in all three;
the render test in tests/export/test_render.py measures it. The two methods are never combined.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

# Page (twips; 1 mm = 56.693 twips)
PAGE_W = 11906
PAGE_H = 16838
MARGIN_TOP = 2098  # 37 mm 天头
MARGIN_BOTTOM = 1984  # 35 mm
MARGIN_LEFT = 1587  # 28 mm 订口
MARGIN_RIGHT = 1474  # 26 mm
HEADER_DISTANCE = 850
FOOTER_DISTANCE = 1417  # 25 mm: the "— N —" dash lands 7 mm below the type area (269 mm)
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 8845 twips = 156 mm
TEXT_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM  # 12756 twips = 225 mm

LINE = 579  # one grid line: 12756 // 22
LINES_PER_PAGE = TEXT_H // LINE  # 22
CHARS_PER_LINE = 28

BODY_HALF_POINTS = 32  # 三号
TITLE_HALF_POINTS = 44  # 二号
SMALL_HALF_POINTS = 28  # 四号: page numbers, 版记
CONDENSE = -5  # twentieths of a point on every 三号 run (method B)
CHAR_TWIPS = 16 * 20 + CONDENSE  # 315: one body character on the grid
TITLE_CHARS_PER_LINE = 20  # 22 pt: 442.25 / 22 = 20.1

# Characters that must not start a line (kinsoku): a line break before them pulls one
# character back to the previous line in every renderer, which the estimate mimics.
NO_LINE_START = set("，。、；：？！”’）》」』】〕,.;:?!)%")
NO_LINE_END = set("“‘（《「『【〔(")
HANGING = set("，。、,.")  # may hang past the line end; other closing marks pull a character down
_UNIT = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%‰°]*|——|……|.", re.S)


NARROW = 0.5  # a Times New Roman digit: 8 pt − 0.25 pt condensing ≈ ½ cell
# A renderer without Times New Roman substitutes a wider serif (DejaVu Serif digits are 0.64 em);
# the pre-flight also runs with this width and only trusts what both estimates agree on.
WIDE_NARROW = 0.65


# Times New Roman advance widths (em; the Adobe Times-Roman metrics, which Liberation Serif shares) of
# the ASCII characters a report uses: "99.2%" is 2.6 em, not 2.5, and "%" alone is 0.83 em.
_TNR_EM = dict(zip(
    " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
    (0.25, 0.333, 0.408, 0.5, 0.5, 0.833, 0.778, 0.18, 0.333, 0.333, 0.5, 0.564, 0.25, 0.333, 0.25, 0.278,
     0.278, 0.278, 0.564, 0.564, 0.564, 0.444, 0.921, 0.333, 0.278, 0.333, 0.469, 0.5, 0.333, 0.48, 0.2,
     0.48, 0.541), strict=True))
_TNR_EM.update(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (
    0.722, 0.667, 0.667, 0.722, 0.611, 0.556, 0.722, 0.722, 0.333, 0.389, 0.722, 0.611, 0.889, 0.722, 0.722,
    0.556, 0.722, 0.667, 0.556, 0.611, 0.722, 0.722, 0.944, 0.722, 0.722, 0.611), strict=True))
_TNR_EM.update(zip("abcdefghijklmnopqrstuvwxyz", (
    0.444, 0.5, 0.444, 0.5, 0.444, 0.333, 0.5, 0.5, 0.278, 0.278, 0.5, 0.278, 0.778, 0.5, 0.5, 0.5, 0.5,
    0.333, 0.389, 0.278, 0.5, 0.5, 0.722, 0.5, 0.5, 0.444), strict=True))


@lru_cache(maxsize=16384)
def char_cells(ch: str, narrow: float = NARROW) -> float:
    """Width in grid cells: full-width and ambiguous (“”…—) characters 1; an ASCII character its Times New
    Roman width (a digit is ``narrow``: ½ cell, or a wider substitute's), scaled by ``narrow`` / ½."""
    width = unicodedata.east_asian_width(ch)
    if width in "WF" or (width == "A" and ch != "\u00b7"):
        return 1.0
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0.0
    if ch.isdigit() or ch not in _TNR_EM:
        return narrow if ch.isalnum() else 0.5
    # 三号 (16 pt) condensed by 0.25 pt, in 15.75 pt cells; a digit comes out at 0.49 ≈ ½
    return (16 * _TNR_EM[ch] - 0.25) / 15.75 * (narrow / NARROW)


def text_cells(text: str) -> float:
    return sum(char_cells(ch) for ch in text)


def break_units(text: str) -> list[str]:
    """The pieces a line break never splits: a Latin word or number ("100%", "8.65"), a doubled
    dash or ellipsis ("——", "……"), an opening bracket with what follows it (no line ends with
    "《" or "“"), and otherwise one character."""
    units: list[str] = []
    for piece in _UNIT.findall(text):  # every piece is at least one character
        if units and units[-1][-1] in NO_LINE_END:
            units[-1] += piece
        else:
            units.append(piece)
    return units


def split_lines(text: str, first_indent: float = 2.0, indent: float = 0.0,
                per_line: int = CHARS_PER_LINE, narrow: float = NARROW) -> list[str]:
    """The paragraph broken into lines as Word, WPS and LibreOffice do on the grid: greedy, one
    comma or full stop may hang past the line end (行尾悬挂); before any other closing mark the
    last character moves down with it (避头尾). Measured against LibreOffice renders."""
    lines: list[str] = [""]
    room = per_line - first_indent
    used = 0.0
    for unit in break_units(text):
        w = char_cells(unit, narrow) if len(unit) == 1 else sum(char_cells(ch, narrow) for ch in unit)
        if used + w > room + 1e-9 and lines[-1]:
            if unit[0] in HANGING and len(unit) == 1 and used + w <= room + 1.0 \
                    and used <= room + 1e-9:
                lines[-1] += unit  # hangs at the line end (only one mark may hang)
                used += w
                continue
            carried = ""
            if unit[0] in NO_LINE_START and len(lines[-1]) > 1:
                carried, lines[-1] = lines[-1][-1], lines[-1][:-1]
            lines.append(carried)
            room = per_line - indent
            used = sum(char_cells(ch, narrow) for ch in carried)
        lines[-1] += unit
        used += w
    return lines


@lru_cache(maxsize=4096)
def count_lines(text: str, first_indent: float = 2.0, indent: float = 0.0,
                per_line: int = CHARS_PER_LINE, narrow: float = NARROW) -> int:
    """How many grid lines a paragraph takes (see :func:`split_lines`)."""
    return len(split_lines(text, first_indent, indent, per_line, narrow)) if text else 1


def chars_to_twips(chars: float) -> int:
    return round(chars * CHAR_TWIPS)


def lines_in_twips(twips: int) -> int:
    """Whole grid lines that fit in ``twips``."""
    return math.floor(twips / LINE)
