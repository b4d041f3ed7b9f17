"""Writing flow paragraphs (:class:`~fazhi_desktop.export.flow.Para`) as ``w:p`` elements.

Every paragraph names its style (公文标题, 正文, 一级标题 …) *and* carries the properties
explicitly, and every run carries its fonts (w:eastAsia, no theme attributes), size and the
method-B condensing, so the layout survives a clerk restyling the document in Word or WPS.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
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
from fazhi_desktop.export.setup import latin_font, spacing_for


@dataclass(frozen=True)
class RunStyle:
    fonts: FontMap
    cjk_digits: bool = False


def add_run(p: _Element, run: Run, half_points: int, style: RunStyle, color: str | None = None) -> None:
    """One ``w:r`` per text; tabs become ``w:tab`` elements."""
    parts = run.text.split("\t")
    for i, part in enumerate(parts):
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        r.append(rpr)
        size = run.half_points or half_points
        set_run_props(rpr, style.fonts[run.font], latin_font(style.fonts, run.font, style.cjk_digits),
                      size, spacing_for(size), bold=run.bold, color=run.color or color)
        if i > 0:
            r.append(OxmlElement("w:tab"))
        if part:
            t = OxmlElement("w:t")
            t.text = part
            t.set(qn("xml:space"), "preserve")
            r.append(t)
        if i > 0 or part:
            p.append(r)


def para_element(para: Para, style: RunStyle) -> _Element:
    spec = para.spec
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    p.append(ppr)
    set_attrs(ppr_child(ppr, "w:pStyle"), val=spec.style_id)
    if para.keep_next:
        set_flag(ppr, "w:keepNext")
    if para.page_break_before:
        set_flag(ppr, "w:pageBreakBefore")
    set_flag(ppr, "w:widowControl", on=False)
    if para.rule_color:
        border = ppr_child(ppr, "w:pBdr")
        bottom = OxmlElement("w:bottom")
        set_attrs(bottom, val="single", sz=8, space=0, color=para.rule_color)
        border.append(bottom)
    if para.center_tabs or para.right_tab:
        add_tabs(ppr, para.center_tabs, para.right_tab)
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
    for run in para.runs:
        add_run(p, run, spec.half_points, style)
    if para.style is PStyle.BLANK:
        # an empty paragraph's mark still has a size: keep it 三号 so the line is one grid line
        mark = OxmlElement("w:rPr")
        set_run_props(mark, style.fonts[FontRole.FANGSONG],
                      latin_font(style.fonts, FontRole.FANGSONG, style.cjk_digits),
                      BODY_HALF_POINTS, spacing_for(BODY_HALF_POINTS))
        ppr.append(mark)
    return p


def append_paras(body: _Element, paras: list[Para], style: RunStyle, should_stop: ShouldStop | None = None) -> None:
    """Append before the body's final ``w:sectPr`` (asking ``should_stop`` every few hundred paragraphs)."""
    sect = body.find(qn("w:sectPr"))
    for n, para in enumerate(paras):
        if n % 256 == 255:
            checkpoint(should_stop)
        el = para_element(para, style)
        if sect is not None:
            sect.addprevious(el)
        else:
            body.append(el)
