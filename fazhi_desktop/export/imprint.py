"""版记 (GB/T 9704 7.4, gbt9704.md §8.3) at the foot of an even page.

A one-column table whose rows are exact multiples of the grid line, preceded by as many blank
grid lines as the pagination pre-flight says remain, so that its last rule coincides with the
bottom edge of the type area. (A floating table anchored to the bottom, ``tblpYSpec="bottom"``,
would not depend on the estimate, but LibreOffice 7.4 lays a full-width floating table out
inline, measured with render_docx.py.) 四号 仿宋; 抄送 1 character in from both sides ending with
"。", then 印发机关 and "…年…月…日印发"; the first and last rules 0.35 mm (sz 8), the rule
between the items 0.25 mm (sz 6).

Which page: see :func:`add_imprint`.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element

from fazhi_desktop.core.model import Report
from fazhi_desktop.core.schema import format_date_cn
from fazhi_desktop.export.body import clean
from fazhi_desktop.export.flow import Para, PStyle, Run, blank
from fazhi_desktop.export.footer import blank_footers
from fazhi_desktop.export.geometry import (
    LINE,
    LINES_PER_PAGE,
    SMALL_HALF_POINTS,
    TEXT_H,
    TEXT_W,
    count_lines,
)
from fazhi_desktop.export.ooxml import child, ppr_child, set_attrs, set_flag, set_jc, set_line
from fazhi_desktop.export.paragraphs import RunStyle, add_run, append_paras

ONE_CHAR = 280  # one 四号 character
# A row is one grid line less the rules' own thickness, so that the table (rules included) and
# the tiny paragraph that must follow a table still end inside the 22nd line.
ROW_HEIGHT = LINE - 30


def imprint_texts(report: Report) -> tuple[str, str, str]:
    """(抄送 line or "", 印发机关, "2026年1月16日印发")."""
    cc = clean(report.imprint_cc) or clean(report.unit.default_cc)
    if cc:
        cc = "抄送：" + cc.removeprefix("抄送：").rstrip("。；;，,") + "。"
    printer = clean(report.imprint_printer) or clean(report.unit.full_name)
    when = report.imprint_date or report.date
    return cc, printer, (format_date_cn(when) + "印发") if when else "印发"


CC_CHARS = (TEXT_W - 5 * ONE_CHAR) // ONE_CHAR  # 抄送 names per line after "抄送："


def _row(tbl: _Element, runs: list[Run], style: RunStyle, top_rule: int | None, lines: int = 1) -> None:
    tr = OxmlElement("w:tr")
    trpr = child(tr, "w:trPr")
    child(trpr, "w:cantSplit")
    set_attrs(child(trpr, "w:trHeight"), val=LINE * lines - (LINE - ROW_HEIGHT), hRule="exact")
    tc = OxmlElement("w:tc")
    tcpr = child(tc, "w:tcPr")
    set_attrs(child(tcpr, "w:tcW"), w=TEXT_W, type="dxa")
    if top_rule:
        borders = child(tcpr, "w:tcBorders")
        set_attrs(child(borders, "w:top"), val="single", sz=top_rule, space=0, color="000000")
    set_attrs(child(tcpr, "w:vAlign"), val="center")
    p = OxmlElement("w:p")
    ppr = child(p, "w:pPr")
    set_attrs(ppr_child(ppr, "w:pStyle"), val="GwImprint")
    set_flag(ppr, "w:snapToGrid", on=False)
    if any("\t" in r.text for r in runs):
        tabs = ppr_child(ppr, "w:tabs")
        tab = OxmlElement("w:tab")
        set_attrs(tab, val="right", pos=TEXT_W - ONE_CHAR)
        tabs.append(tab)
    set_line(ppr, 400)
    # 抄送 continuation lines align under the first character after "抄送："
    hanging = 3 * ONE_CHAR if runs and runs[0].text.startswith("抄送：") else 0
    ind = set_attrs(ppr_child(ppr, "w:ind"), left=ONE_CHAR + hanging, right=ONE_CHAR)
    if hanging:
        set_attrs(ind, hanging=hanging, hangingChars=round(hanging / ONE_CHAR * 100))
    else:
        set_attrs(ind, firstLine=0, firstLineChars=0)
    set_jc(ppr, "left")
    for run in runs:
        add_run(p, run, SMALL_HALF_POINTS, style)
    tc.append(p)
    tr.append(tc)
    tbl.append(tr)


def imprint_table(report: Report, style: RunStyle) -> tuple[_Element, int]:
    """The 版记 table and its height in grid lines."""
    cc, printer, printed = imprint_texts(report)
    tbl = OxmlElement("w:tbl")
    tblpr = child(tbl, "w:tblPr")
    set_attrs(child(tblpr, "w:tblW"), w=TEXT_W, type="dxa")
    borders = child(tblpr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):  # schema order
        if side in ("top", "bottom"):  # the first and last rules, 0.35 mm
            set_attrs(child(borders, f"w:{side}"), val="single", sz=8, space=0, color="000000")
        elif side == "insideH":  # between items, 0.25 mm
            set_attrs(child(borders, f"w:{side}"), val="single", sz=6, space=0, color="000000")
        else:
            set_attrs(child(borders, f"w:{side}"), val="nil")
    set_attrs(child(tblpr, "w:tblLayout"), type="fixed")
    margins = child(tblpr, "w:tblCellMar")
    for side in ("left", "right"):
        set_attrs(child(margins, f"w:{side}"), w=0, type="dxa")
    set_attrs(child(child(tbl, "w:tblGrid"), "w:gridCol"), w=TEXT_W)
    rows = 0
    if cc:
        rows = count_lines(cc.removeprefix("抄送："), 0, 0, CC_CHARS)
        _row(tbl, [Run(cc)], style, None, rows)
    _row(tbl, [Run(printer), Run("\t" + printed)], style, 6 if cc else None)
    return tbl, rows + 1


@dataclass(frozen=True)
class Estimate:
    """The estimated last page of the content and how far down it ends."""

    pages: int  # the page the content ends on
    end: int  # twips used on that page


def add_imprint(doc: DocxDocument, report: Report, style: RunStyle, estimate: Estimate,
                wide: Estimate, notes: list[str]) -> int:
    """Place the 版记 at the foot of an even page; returns the estimated page count.

    ``estimate`` assumes Times New Roman digits, ``wide`` a wider substitute. The 版记 shares
    the last page only when both agree that it is even and has room. Otherwise it goes into a
    new section that starts on an even page (``w:type="evenPage"``): Word, WPS and LibreOffice
    insert the blank page themselves when the text ends on an even page, so the parity never
    depends on the estimate.
    """
    tbl, rows = imprint_table(report, style)
    body_el = doc.element.body
    room = (TEXT_H - estimate.end) // LINE - rows  # blank lines left above the 版记
    if estimate == wide and estimate.pages % 2 == 0 and room >= 2:  # the seal overhang + a gap
        append_paras(body_el, [blank() for _ in range(room)], style)
        pages = estimate.pages
    else:
        doc.add_section(WD_SECTION.EVEN_PAGE)
        # When either estimate ends on an even page a blank page will (or may) come first: the
        # blank page and the 版记 page then carry no number (7.5). If the blank page does not
        # materialise, the lone 版记 page is merely left unnumbered.
        if estimate.pages % 2 == 0 or wide.pages % 2 == 0:
            # a blank page before the 版记 page: neither carries a number (GB/T 9704 7.5)
            blank_footers(doc.sections[-1])
            notes.append("为使版记位于偶数页末，版记另起一页（其前的空白页和版记页不编页码）")
        pages = estimate.pages + (2 if estimate.pages % 2 == 0 else 1)
        append_paras(body_el, [blank() for _ in range(LINES_PER_PAGE - rows)], style)
    body_el.find(qn("w:sectPr")).addprevious(tbl)
    append_paras(body_el, [Para(PStyle.BLANK, line_twips=20, is_text=False)], style)
    return pages
