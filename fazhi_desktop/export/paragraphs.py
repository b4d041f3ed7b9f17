"""Writing flow paragraphs (:class:`~fazhi_desktop.export.flow.Para`) as ``w:p`` elements.

Every paragraph names its style (公文标题, 正文, 一级标题 …) *and* carries the properties
explicitly, and every run carries its fonts (w:eastAsia, no theme attributes), size and the
method-B condensing, so the layout survives a clerk restyling the document in Word or WPS.

The properties are built as elements once per shape; the paragraphs themselves are written as XML text
around them and parsed a few hundred at a time (one parse is many times faster than building every
``w:r`` and ``w:t`` element in Python, and gives the same elements).
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass, field, replace
from functools import partial

from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import element_class_lookup
from lxml import etree
from lxml.etree import _Element

from fazhi_desktop.export.flow import Para, PStyle, Run
from fazhi_desktop.export.fonts import FontMap, FontRole
from fazhi_desktop.export.geometry import BODY_HALF_POINTS, LINE
from fazhi_desktop.export.ooxml import (
    add_tabs,
    ppr_child,
    set_attrs,
    set_flag,
    set_indent,
    set_jc,
    set_line,
    set_run_props,
)
from fazhi_desktop.export.options import ShouldStop, checkpoint
from fazhi_desktop.export.paralayout import Segment, para_layout
from fazhi_desktop.export.setup import latin_font, spacing_for


@dataclass(frozen=True)
class RunStyle:
    """The fonts of one export, and the property elements already built for it (most paragraphs and runs
    share a handful of shapes; copying a built ``w:pPr``/``w:rPr`` is several times faster than building it)."""

    fonts: FontMap
    cjk_digits: bool = False
    built: dict[object, _Element] = field(default_factory=dict, compare=False, repr=False)
    written: dict[object, str] = field(default_factory=dict, compare=False, repr=False)  # the same, as text


def _run_props(style: RunStyle, font: FontRole, size: int, bold: bool = False, color: str | None = None,
               spacing: int | None = None, cjk_latin: bool = False) -> _Element:
    spacing = spacing_for(size) if spacing is None else spacing
    key = (font, size, bold, color, spacing, cjk_latin)
    rpr = style.built.get(key)
    if rpr is None:
        rpr = style.built[key] = OxmlElement("w:rPr")
        latin = style.fonts[font] if cjk_latin else latin_font(style.fonts, font, style.cjk_digits)
        set_run_props(rpr, style.fonts[font], latin, size, spacing, bold=bold, color=color)
    return deepcopy(rpr)


def _append_runs(p: _Element, text: str, props: Callable[[], _Element]) -> None:
    """One ``w:r`` per stretch of ``text`` between tabs, each with its own copy of ``props()``; a tab
    becomes a ``w:tab`` at the start of the run after it."""
    for i, part in enumerate(text.split("\t")):
        if not (i > 0 or part):
            continue
        r = OxmlElement("w:r")
        r.append(props())
        if i > 0:
            r.append(OxmlElement("w:tab"))
        if part:
            t = OxmlElement("w:t")
            t.text = part
            t.set(qn("xml:space"), "preserve")
            r.append(t)
        p.append(r)


def _add_segment(p: _Element, seg: Segment, style: RunStyle) -> None:
    run = seg.run
    _append_runs(p, seg.text, partial(_run_props, style, run.font, seg.half_points, run.bold, run.color,
                                      seg.spacing, seg.cjk_latin))


def add_run(p: _Element, run: Run, half_points: int, style: RunStyle, color: str | None = None) -> None:
    """One ``w:r`` per text; tabs become ``w:tab`` elements."""
    _append_runs(p, run.text, partial(_run_props, style, run.font, run.half_points or half_points, run.bold,
                                      run.color or color))


def _para_props(para: Para, style: RunStyle) -> _Element:
    """The paragraph's ``w:pPr`` (it depends on everything but the text, so it is built once per shape)."""
    shape = replace(para, runs=(), is_text=True)
    ppr = style.built.get(shape)
    if ppr is None:
        ppr = style.built[shape] = _build_para_props(para, style)
    return deepcopy(ppr)


def _build_para_props(para: Para, style: RunStyle) -> _Element:
    spec = para.spec
    ppr = OxmlElement("w:pPr")
    set_attrs(ppr_child(ppr, "w:pStyle"), val=spec.style_id)
    if para.keep_next:
        set_flag(ppr, "w:keepNext")
    if para.page_break_before:
        set_flag(ppr, "w:pageBreakBefore")
    set_flag(ppr, "w:widowControl", on=False)
    if para.keep_lines:
        set_flag(ppr, "w:keepLines")
    if para.rule_color:
        border = ppr_child(ppr, "w:pBdr")
        bottom = OxmlElement("w:bottom")
        set_attrs(bottom, val="single", sz=8, space=0, color=para.rule_color)
        border.append(bottom)
    if para.center_tabs or para.right_tab:
        add_tabs(ppr, para.center_tabs, para.right_tab)
    # No mark hangs past the line end: the breaks are composed so that none has to (see linebreak).
    # Word reads overflowPunct=1 as "may hang"; LibreOffice imports it inverted (ParaIsHangingPunctuation
    # false), which is the safe way round for the renderer that drops a hung mark from its output.
    set_attrs(ppr_child(ppr, "w:overflowPunct"), val=1)
    # Off the grid: the exact line height alone decides. LibreOffice otherwise gives a line
    # whose font is taller than the pitch (二号 title, emoji fallback) two grid lines.
    set_flag(ppr, "w:snapToGrid", on=False)
    set_line(ppr, para.line_twips or LINE)
    set_indent(ppr, first_chars=para.first_indent, left_chars=para.left_chars, right_chars=para.right_chars)
    jc = para.jc or spec.jc
    if para.center_tabs or para.right_tab:
        jc = "left"
    set_jc(ppr, jc)
    if spec.outline is not None and para.style is not PStyle.BODY:
        set_attrs(ppr_child(ppr, "w:outlineLvl"), val=spec.outline)
    if para.style is PStyle.BLANK:
        # an empty paragraph's mark still has a size: keep it 三号 so the line is one grid line
        ppr.append(_run_props(style, FontRole.FANGSONG, BODY_HALF_POINTS))
    return ppr


def para_element(para: Para, style: RunStyle) -> _Element:
    p = OxmlElement("w:p")
    p.append(_para_props(para, style))
    for seg in para_layout(para, style.cjk_digits).segments:
        _add_segment(p, seg, style)
    return p


def append_paras(body: _Element, paras: list[Para], style: RunStyle, should_stop: ShouldStop | None = None) -> None:
    """Append before the body's final ``w:sectPr`` (asking ``should_stop`` every few hundred paragraphs)."""
    sect = body.find(qn("w:sectPr"))
    for start in range(0, len(paras), 256):
        if start:
            checkpoint(should_stop)
        batch = paras[start:start + 256]
        try:
            elements = list(etree.fromstring(f"<w:body {_W_DECL}>{''.join(para_xml(p, style) for p in batch)}</w:body>",
                                             _PARSER))
        except etree.XMLSyntaxError:  # text no XML may hold: built element by element, which says so
            elements = [para_element(p, style) for p in batch]
        for el in elements:
            if sect is not None:
                sect.addprevious(el)
            else:
                body.append(el)


_W_DECL = nsdecls("w")
_PARSER = etree.XMLParser(resolve_entities=False)  # (python-docx's element classes, no blank text removed)
_PARSER.set_element_class_lookup(element_class_lookup)
_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})  # \r: kept as written


def _text_of(el: _Element) -> str:
    """An element as XML text inside the document (which declares its w: namespace)."""
    return etree.tostring(el, encoding="unicode").replace(" " + _W_DECL, "", 1)


def para_xml(para: Para, style: RunStyle) -> str:
    """The ``w:p`` of :func:`para_element` as XML text."""
    shape = replace(para, runs=(), is_text=True)
    ppr = style.written.get(shape)
    if ppr is None:
        ppr = style.written[shape] = _text_of(_para_props(para, style))
    out = ["<w:p>", ppr]
    for seg in para_layout(para, style.cjk_digits).segments:
        run = seg.run
        key = (run.font, seg.half_points, run.bold, run.color, seg.spacing, seg.cjk_latin)
        rpr = style.written.get(key)
        if rpr is None:
            rpr = style.written[key] = _text_of(_run_props(style, *key))
        for i, part in enumerate(seg.text.split("\t")):
            if i or part:
                tab = "<w:tab/>" if i else ""
                text = f'<w:t xml:space="preserve">{part.translate(_ESCAPE)}</w:t>' if part else ""
                out.append(f"<w:r>{rpr}{tab}{text}</w:r>")
    out.append("</w:p>")
    return "".join(out)
