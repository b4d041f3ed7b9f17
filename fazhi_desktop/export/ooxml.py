"""Small WordprocessingML helpers over python-docx's lxml elements (fonts, spacing, indents)."""

from __future__ import annotations

from functools import cache

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element

from fazhi_desktop.export.geometry import LINE, chars_to_twips

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

# Child order inside w:pPr and w:rPr that Word insists on (ECMA-376 sequence), for the ones we use.
_PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:widowControl",
              "w:pBdr", "w:tabs", "w:overflowPunct", "w:snapToGrid", "w:spacing", "w:ind", "w:jc",
              "w:outlineLvl")
_RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:color", "w:spacing",
              "w:kern", "w:sz", "w:szCs", "w:u", "w:lang")


@cache
def _later(tag: str, order: tuple[str, ...]) -> frozenset[str]:
    return frozenset(qn(t) for t in order[order.index(tag) + 1:])


def child(parent: _Element, tag: str, order: tuple[str, ...] = ()) -> _Element:
    """The ``tag`` child of ``parent``, created in schema order when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    el = OxmlElement(tag)
    if tag in order:
        later = _later(tag, order)
        for i, existing in enumerate(parent):
            if existing.tag in later:
                parent.insert(i, el)
                return el
    parent.append(el)
    return el


def ppr_child(ppr: _Element, tag: str) -> _Element:
    return child(ppr, tag, _PPR_ORDER)


def rpr_child(rpr: _Element, tag: str) -> _Element:
    return child(rpr, tag, _RPR_ORDER)


def set_attrs(el: _Element, **attrs: str | int) -> _Element:
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


def set_fonts(rpr: _Element, east: str, latin: str) -> None:
    """ascii = ``latin`` (digits, letters); hAnsi/eastAsia/cs = the CJK font, so “”—… stay CJK."""
    rf = rpr_child(rpr, "w:rFonts")
    for attr in _THEME_ATTRS:
        rf.attrib.pop(qn(attr), None)
    set_attrs(rf, ascii=latin, hAnsi=east, eastAsia=east, cs=east, hint="eastAsia")


def set_size(rpr: _Element, half_points: int) -> None:
    set_attrs(rpr_child(rpr, "w:sz"), val=half_points)
    set_attrs(rpr_child(rpr, "w:szCs"), val=half_points)


def set_run_props(rpr: _Element, east: str, latin: str, half_points: int, spacing: int,
                  bold: bool = False, color: str | None = None) -> None:
    set_fonts(rpr, east, latin)
    if bold:
        rpr_child(rpr, "w:b")
        rpr_child(rpr, "w:bCs")
    if color:
        set_attrs(rpr_child(rpr, "w:color"), val=color)
    set_attrs(rpr_child(rpr, "w:spacing"), val=spacing)
    set_attrs(rpr_child(rpr, "w:kern"), val=0)
    set_size(rpr, half_points)


def set_line(ppr: _Element, line_twips: int = LINE, before: int = 0, after: int = 0) -> None:
    """Exact line height: deterministic in Word, WPS and LibreOffice, grid or no grid."""
    set_attrs(ppr_child(ppr, "w:spacing"), before=before, after=after, line=line_twips, lineRule="exact")


def set_indent(ppr: _Element, first_chars: float = 0, left_chars: float = 0, right_chars: float = 0) -> None:
    """Indents in characters, written both as *Chars (Word/WPS) and twips (LibreOffice)."""
    ind = ppr_child(ppr, "w:ind")
    for attr in list(ind.attrib):
        del ind.attrib[attr]
    set_attrs(ind, left=chars_to_twips(left_chars), leftChars=round(left_chars * 100),
              right=chars_to_twips(right_chars), rightChars=round(right_chars * 100))
    if first_chars >= 0:
        set_attrs(ind, firstLine=chars_to_twips(first_chars), firstLineChars=round(first_chars * 100))
    else:
        set_attrs(ind, hanging=chars_to_twips(-first_chars), hangingChars=round(-first_chars * 100))


def set_jc(ppr: _Element, jc: str) -> None:
    set_attrs(ppr_child(ppr, "w:jc"), val=jc)


def set_flag(ppr: _Element, tag: str, on: bool = True) -> None:
    el = ppr_child(ppr, tag)
    if not on:
        set_attrs(el, val=0)


def add_tabs(ppr: _Element, centres_chars: tuple[float, ...], right_chars: float = 0.0) -> None:
    """Centre tab stops (joint 落款) and/or one right tab stop, positions in characters."""
    tabs = ppr_child(ppr, "w:tabs")
    stops = [("center", pos) for pos in centres_chars] + ([("right", right_chars)] if right_chars else [])
    for kind, pos in stops:
        tab = OxmlElement("w:tab")
        set_attrs(tab, val=kind, pos=chars_to_twips(pos))
        tabs.append(tab)
