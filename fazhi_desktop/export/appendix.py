"""附件 pages (GB/T 9704 7.3.7, 8) and their statistics tables.

Each attachment starts on a new page: "附件" (or "附件2") in 黑体 flush left, a blank line, the
title in 小标宋 二号 centred (broken like the main title), a blank line, then paragraphs in body
format and/or a table. Tables are the width of the type area, portrait, with 四号 text at an
exact 20 pt line inside cells (never the 28.95 pt body line), so row heights are predictable.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element

from fazhi_desktop.export.body import clean, paragraphs, title_paras
from fazhi_desktop.export.flow import Para, PStyle, Run, blank, body
from fazhi_desktop.export.fonts import FontRole
from fazhi_desktop.export.geometry import LINE, SMALL_HALF_POINTS, TEXT_H, TEXT_W, count_lines
from fazhi_desktop.export.ooxml import child, ppr_child, set_attrs, set_flag, set_jc, set_line
from fazhi_desktop.export.options import Attachment, AttachmentTable
from fazhi_desktop.export.paginate import layout
from fazhi_desktop.export.paragraphs import RunStyle, add_run, append_paras
from fazhi_desktop.export.titlebreak import break_title

CELL_LINE = 400  # 20 pt exact inside table cells
CELL_MARGIN = 85  # 1.5 mm left/right inside a cell
CELL_CHAR = 14 * 20  # one 四号 character


def attachment_paras(att: Attachment, number: int, total: int) -> list[Para]:
    label = "附件" if total == 1 else f"附件{number}"
    out = [Para(PStyle.ATTACH_LABEL, (Run(label, FontRole.HEITI),), page_break_before=True,
                keep_next=True, is_text=False), blank(keep_next=True)]
    out += title_paras(break_title(clean(att.title)))
    out.append(blank())
    out += [body(t) for t in (p for text in att.paragraphs for p in paragraphs(text))]
    return out


def _widths(table: AttachmentTable, columns: int) -> list[int]:
    rel = list(table.col_widths[:columns]) if len(table.col_widths) >= columns else [1.0] * columns
    total = sum(rel) or 1.0
    widths = [int(TEXT_W * w / total) for w in rel]
    widths[-1] += TEXT_W - sum(widths)
    return widths


def _cell(tr: _Element, text: str, width: int, header: bool, style: RunStyle) -> int:
    tc = OxmlElement("w:tc")
    tcpr = child(tc, "w:tcPr")
    set_attrs(child(tcpr, "w:tcW"), w=width, type="dxa")
    set_attrs(child(tcpr, "w:vAlign"), val="center")
    p = OxmlElement("w:p")
    ppr = child(p, "w:pPr")
    set_attrs(ppr_child(ppr, "w:pStyle"), val="GwTable")
    set_flag(ppr, "w:snapToGrid", on=False)
    set_line(ppr, CELL_LINE)
    set_attrs(ppr_child(ppr, "w:ind"), firstLine=0, firstLineChars=0, left=0, right=0)
    set_jc(ppr, "center")
    font = FontRole.HEITI if header else FontRole.FANGSONG
    add_run(p, Run(clean(text), font), SMALL_HALF_POINTS, style)
    tc.append(p)
    tr.append(tc)
    per_line = max(1, (width - 2 * CELL_MARGIN) // CELL_CHAR)
    return count_lines(clean(text), 0, 0, per_line)


def table_element(table: AttachmentTable, style: RunStyle) -> tuple[_Element, int]:
    """The ``w:tbl`` and its estimated height in twips."""
    columns = max([len(table.header), *(len(r) for r in table.rows)], default=1)
    widths = _widths(table, columns)
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
    for w in widths:
        col = OxmlElement("w:gridCol")
        set_attrs(col, w=w)
        grid.append(col)
    height = 0
    rows = [(table.header, True), *((r, False) for r in table.rows)] if table.header else \
        [(r, False) for r in table.rows]
    for cells, header in rows:
        tr = OxmlElement("w:tr")
        trpr = child(tr, "w:trPr")
        child(trpr, "w:cantSplit")
        if header:
            child(trpr, "w:tblHeader")
        padded = list(cells) + [""] * (columns - len(cells))
        lines = max(_cell(tr, text, w, header, style) for text, w in zip(padded, widths, strict=True))
        # rows are whole grid lines (at least), so the text after the table stays on the grid
        row = -(-(lines * CELL_LINE + 2 * CELL_MARGIN) // LINE) * LINE
        set_attrs(child(trpr, "w:trHeight"), val=row, hRule="atLeast")
        height += row
        tbl.append(tr)
    return tbl, height


def add_attachments(doc: DocxDocument, attachments: tuple[Attachment, ...],
                    style: RunStyle) -> tuple[int, int]:
    """Append the attachment pages; returns the estimated (pages they take, end twips on the last)."""
    body_el = doc.element.body
    pages, end = 0, 0
    for i, att in enumerate(attachments, start=1):
        paras = attachment_paras(att, i, len(attachments))
        append_paras(body_el, paras, style)
        placed = layout(paras)
        pages += placed[-1].last_page
        end = placed[-1].end_twips
        if att.table is not None:
            if att.table.unit_label:
                append_paras(body_el, [Para(PStyle.TABLE_UNIT, (Run(clean(att.table.unit_label)),))], style)
                end += LINE
            tbl, height = table_element(att.table, style)
            body_el.find(qn("w:sectPr")).addprevious(tbl)
            append_paras(body_el, [blank()], style)  # back onto the grid after the table
            end += height + LINE
            pages += end // TEXT_H
            end %= TEXT_H
    return pages, end
