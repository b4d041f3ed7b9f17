"""Page numbers "— N —" (GB/T 9704 7.5): 四号 半角宋体, odd pages right, even pages left.

One character (280 twips, a 四号 character) in from the edge of the type area, as a paragraph
indent rather than spaces; U+2014 dashes; a PAGE field with a cached result; footers off the
grid with single spacing, so the dash lands 7 mm below the type area with the 25 mm footer
distance of :mod:`~fazhi_desktop.export.geometry` (measured: 269 mm from the top edge).
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from lxml.etree import _Element

from fazhi_desktop.export.fonts import FontMap, FontRole
from fazhi_desktop.export.geometry import SMALL_HALF_POINTS
from fazhi_desktop.export.ooxml import ppr_child, set_attrs, set_flag, set_run_props

DASH = "\u2014"
ONE_CHAR = 280  # one 四号 character in twips


def _run(p: _Element, song: str, content: _Element | str) -> None:
    r = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    r.append(rpr)
    set_run_props(rpr, song, song, SMALL_HALF_POINTS, 0)
    if isinstance(content, str):
        t = OxmlElement("w:t")
        t.text = content
        t.set(qn("xml:space"), "preserve")
        r.append(t)
    else:
        r.append(content)
    p.append(r)


def _field_part(tag: str, **attrs: str) -> _Element:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(key), value)
    return el


def fill_page_number(p: _Element, side: str, song: str) -> None:
    """Turn the empty footer paragraph ``p`` into "— PAGE —" on ``side`` (right or left)."""
    for r in p.findall(qn("w:r")):
        p.remove(r)
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = OxmlElement("w:pPr")
        p.insert(0, ppr)
    set_attrs(ppr_child(ppr, "w:pStyle"), val="GwPageNumber")
    set_flag(ppr, "w:snapToGrid", on=False)
    set_attrs(ppr_child(ppr, "w:spacing"), before=0, after=0, line=240, lineRule="auto")
    ind = ppr_child(ppr, "w:ind")
    set_attrs(ind, firstLine=0, firstLineChars=0, **{side: ONE_CHAR})
    set_attrs(ppr_child(ppr, "w:jc"), val=side)
    _run(p, song, DASH + " ")
    _run(p, song, _field_part("w:fldChar", **{"w:fldCharType": "begin"}))
    instr = _field_part("w:instrText", **{"xml:space": "preserve"})
    instr.text = " PAGE "
    _run(p, song, instr)
    _run(p, song, _field_part("w:fldChar", **{"w:fldCharType": "separate"}))
    _run(p, song, "1")
    _run(p, song, _field_part("w:fldChar", **{"w:fldCharType": "end"}))
    _run(p, song, " " + DASH)


def add_page_numbers(section: Section, fonts: FontMap) -> None:
    song = fonts[FontRole.SONGTI]
    section.footer.is_linked_to_previous = False
    section.even_page_footer.is_linked_to_previous = False
    fill_page_number(section.footer.paragraphs[0]._p, "right", song)
    fill_page_number(section.even_page_footer.paragraphs[0]._p, "left", song)


def blank_footers(section: Section) -> None:
    """Unlinked, empty footers: the blank page and the 版记 page carry no number (7.5)."""
    for footer in (section.footer, section.even_page_footer):
        footer.is_linked_to_previous = False
        for p in footer.paragraphs:
            for r in p._p.findall(qn("w:r")):
                p._p.remove(r)


def enable_odd_even(doc: DocxDocument) -> None:
    doc.settings.odd_and_even_pages_header_footer = True
