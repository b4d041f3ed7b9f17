"""The fonts pages are drawn with: per font role the family the export would choose on this PC
(:func:`~fazhi_desktop.export.fonts.drawing_fonts`), as QRawFonts in page points.

Glyphs are placed one by one at the advances of the page plan, so the fonts' own widths never move a
character; a character a font lacks is drawn with Qt's fallback (:meth:`PageFonts.fallback`).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

from fazhi_desktop.export.fonts import DrawFont, FontRole, drawing_fonts, role_label


@cache
def _families() -> tuple[str, ...]:
    return tuple(QFontDatabase.families())


class PageFonts:
    """Raw fonts by role, size and weight, made once and kept."""

    def __init__(self, chosen: dict[FontRole, DrawFont] | None = None) -> None:
        self.chosen = chosen if chosen is not None else drawing_fonts(_families())
        self._raw: dict[tuple[FontRole, float, bool], QRawFont] = {}
        self._fallback: dict[tuple[FontRole, float], QFont] = {}
        self.used: dict[tuple[FontRole, bool], set[str]] = {}  # the characters drawn, per font

    def messages(self) -> list[str]:
        """Which roles are drawn with a look-alike because no suitable font is installed (one line)."""
        stand_ins = [f for f in self.chosen.values() if f.stand_in]
        if not stand_ins:
            return []
        pairs = "、".join(f"{role_label(f.role)}→{f.family}" for f in stand_ins)
        return [f"本机未安装这些公文字体，预览和 PDF 用相近的字体代替：{pairs}（Word 文件仍写标准字体名）"]

    def qfont(self, role: FontRole, bold: bool = False) -> QFont:
        spec = self.chosen[role]
        font = QFont(spec.family)
        font.setWeight(QFont.Weight(700 if bold else spec.weight))
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        return font

    def raw(self, role: FontRole, size: float, bold: bool = False) -> QRawFont:
        """The font of ``role`` with an em of ``size`` page points."""
        key = (role, size, bold)
        found = self._raw.get(key)
        if found is None:
            found = QRawFont.fromFont(self.qfont(role, bold))
            found.setPixelSize(size)
            self._raw[key] = found
        return found

    def fallback(self, role: FontRole, size: float) -> QFont:
        """A QFont of ``role`` for characters its raw font lacks (Qt falls back to a font that has them)."""
        key = (role, size)
        found = self._fallback.get(key)
        if found is None:
            found = self.qfont(role)
            found.setPixelSize(max(1, round(size)))
            self._fallback[key] = found
        return found


@cache
def shared_fonts() -> PageFonts:
    """The fonts of this PC (installed fonts do not change while the program runs)."""
    return PageFonts()


RADICALS = "".join(chr(c) for c in range(0x2E80, 0x2FE0))  # CJK Radicals Supplement, Kangxi Radicals


def radical_equivalents(fonts: PageFonts) -> dict[int, int]:
    """For the PDF's text maps: radicals whose glyph is that of an ideograph drawn (Noto CJK draws ⻰ and
    龙 with one glyph, and Qt names the glyph by its lowest code point), mapped to that ideograph."""
    out: dict[int, int] = {}
    for (role, bold), chars in fonts.used.items():
        raw = fonts.raw(role, 16.0, bold)
        radicals = {g: r for g, r in zip(raw.glyphIndexesForString(RADICALS), RADICALS, strict=False) if g}
        drawn = "".join(sorted(c for c in chars if ord(c) < 0x10000 and not 0x2E80 <= ord(c) < 0x2FE0))
        for glyph, char in zip(raw.glyphIndexesForString(drawn), drawn, strict=False):
            if glyph in radicals:
                out[ord(radicals[glyph])] = ord(char)
    return out
