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

import unicodedata

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

def text_cells(text: str) -> float:
    """Width in character cells as the 落款 rules count it: full-width and ambiguous (“”…—) characters 1,
    anything else (digits, Latin letters) ½ (gbt9704.md §6.2)."""
    total = 0.0
    for ch in text:
        width = unicodedata.east_asian_width(ch)
        if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        total += 1.0 if width in "WF" or (width == "A" and ch != "\u00b7") else 0.5
    return total


def chars_to_twips(chars: float) -> int:
    return round(chars * CHAR_TWIPS)
