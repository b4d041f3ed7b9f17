"""Writing the 版记 (GB/T 9704 7.4, gbt9704.md §8.3) as a one-column table.

Rows are exact multiples of the grid line less the rules' width (:mod:`.blocks`), placed by
:mod:`.imprintplan` so that the last rule coincides with the bottom edge of the type area. (A
floating table anchored to the bottom would not need the plan, but LibreOffice 7.4 lays a
full-width floating table out inline.) 四号 仿宋; 抄送 1 character in from both sides, continuation
lines under the first name, ending with "。"; then 印发机关 and "…年…月…日印发" at a right tab; the
first and last rules 0.35 mm (sz 8), the rule between the items 0.25 mm (sz 6).
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from lxml.etree import _Element

from fazhi_desktop.export.blocks import IMPRINT_RULE_SLACK, ImprintBlock, ImprintRow
from fazhi_desktop.export.flow import Run
from fazhi_desktop.export.geometry import LINE, SMALL_HALF_POINTS, TEXT_W
from fazhi_desktop.export.imprintplan import ONE_CHAR
from fazhi_desktop.export.ooxml import child, ppr_child, set_attrs, set_flag, set_jc, set_line
from fazhi_desktop.export.paragraphs import RunStyle, add_run


def _row(tbl: _Element, row: ImprintRow, style: RunStyle) -> None:
    tr = OxmlElement("w:tr")
    trpr = child(tr, "w:trPr")
    child(trpr, "w:cantSplit")
    set_attrs(child(trpr, "w:trHeight"), val=LINE * row.lines - IMPRINT_RULE_SLACK, hRule="exact")
    tc = OxmlElement("w:tc")
    tcpr = child(tc, "w:tcPr")
    set_attrs(child(tcpr, "w:tcW"), w=TEXT_W, type="dxa")
    if row.top_rule:
        borders = child(tcpr, "w:tcBorders")
        set_attrs(child(borders, "w:top"), val="single", sz=row.top_rule, space=0, color="000000")
    set_attrs(child(tcpr, "w:vAlign"), val="center")
    p = OxmlElement("w:p")
    ppr = child(p, "w:pPr")
    set_attrs(ppr_child(ppr, "w:pStyle"), val="GwImprint")
    if "\t" in row.text:
        tabs = ppr_child(ppr, "w:tabs")
        tab = OxmlElement("w:tab")
        set_attrs(tab, val="right", pos=TEXT_W - ONE_CHAR)
        tabs.append(tab)
    set_attrs(ppr_child(ppr, "w:overflowPunct"), val=1)
    set_flag(ppr, "w:snapToGrid", on=False)
    set_line(ppr, 400)
    # 抄送 continuation lines align under the first character after "抄送："
    hanging = 3 * ONE_CHAR if row.text.startswith("抄送：") else 0
    ind = set_attrs(ppr_child(ppr, "w:ind"), left=ONE_CHAR + hanging, right=ONE_CHAR)
    if hanging:
        set_attrs(ind, hanging=hanging, hangingChars=round(hanging / ONE_CHAR * 100))
    else:
        set_attrs(ind, firstLine=0, firstLineChars=0)
    set_jc(ppr, "left")
    add_run(p, Run(row.text), SMALL_HALF_POINTS, style)
    tc.append(p)
    tr.append(tc)
    tbl.append(tr)


def imprint_element(block: ImprintBlock, style: RunStyle) -> _Element:
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
    for row in block.rows:
        _row(tbl, row, style)
    return tbl
