"""Writing an 附件 table (:class:`~fazhi_desktop.export.blocks.TableBlock`) as a ``w:tbl``.

Portrait, the width of the type area, single 0.5 pt rules, 四号 text (黑体 in the header row) at an
exact 20 pt line, centred; the header row repeats on every page (``w:tblHeader``), no row splits
(``w:cantSplit``), rows are at least their measured whole grid lines, merged cells ``w:vMerge``.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from lxml.etree import _Element

from fazhi_desktop.export.attachments import CELL_LINE, CELL_MARGIN
from fazhi_desktop.export.blocks import Cell, TableBlock
from fazhi_desktop.export.flow import Run
from fazhi_desktop.export.fonts import FontRole
from fazhi_desktop.export.geometry import SMALL_HALF_POINTS, TEXT_W
from fazhi_desktop.export.ooxml import child, ppr_child, set_attrs, set_flag, set_jc, set_line
from fazhi_desktop.export.paragraphs import RunStyle, add_run


def _cell(tr: _Element, cell: Cell, style: RunStyle) -> None:
    tc = OxmlElement("w:tc")
    tcpr = child(tc, "w:tcPr")
    set_attrs(child(tcpr, "w:tcW"), w=cell.width, type="dxa")
    if cell.merge:
        vmerge = child(tcpr, "w:vMerge")
        if cell.merge == "restart":
            set_attrs(vmerge, val="restart")
    set_attrs(child(tcpr, "w:vAlign"), val="center")
    p = OxmlElement("w:p")
    ppr = child(p, "w:pPr")
    set_attrs(ppr_child(ppr, "w:pStyle"), val="GwTable")
    set_flag(ppr, "w:snapToGrid", on=False)
    set_line(ppr, CELL_LINE)
    set_attrs(ppr_child(ppr, "w:ind"), firstLine=0, firstLineChars=0, left=0, right=0)
    set_jc(ppr, "center")
    if cell.text and cell.merge != "continue":
        add_run(p, Run(cell.text, FontRole.HEITI if cell.header else FontRole.FANGSONG), SMALL_HALF_POINTS, style)
    tc.append(p)
    tr.append(tc)


def table_element(block: TableBlock, style: RunStyle) -> _Element:
    tbl = OxmlElement("w:tbl")
    tblpr = child(tbl, "w:tblPr")
    set_attrs(child(tblpr, "w:tblW"), w=TEXT_W, type="dxa")
    set_attrs(child(tblpr, "w:jc"), val="center")
    borders = child(tblpr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        set_attrs(child(borders, f"w:{side}"), val="single", sz=4, space=0, color="000000")
    set_attrs(child(tblpr, "w:tblLayout"), type="fixed")
    margins = child(tblpr, "w:tblCellMar")
    set_attrs(child(margins, "w:left"), w=CELL_MARGIN, type="dxa")
    set_attrs(child(margins, "w:right"), w=CELL_MARGIN, type="dxa")
    grid = child(tbl, "w:tblGrid")
    for w in block.widths:
        col = OxmlElement("w:gridCol")
        set_attrs(col, w=w)
        grid.append(col)
    for row in block.rows:
        tr = OxmlElement("w:tr")
        trpr = child(tr, "w:trPr")
        child(trpr, "w:cantSplit")
        set_attrs(child(trpr, "w:trHeight"), val=row.height, hRule="atLeast")
        if row.header:
            child(trpr, "w:tblHeader")
        for cell in row.cells:
            _cell(tr, cell, style)
        tbl.append(tr)
    return tbl
