"""附件 pages (GB/T 9704 7.3.7, 8) as flow items, tables measured row by row (no python-docx).

Each attachment starts on a new page: "附件" (or "附件2") in 黑体 flush left, a blank line, the title
in 小标宋 二号 centred (broken like the main title), a blank line, then paragraphs in body format
and/or a table. Tables are the width of the type area, portrait, with 四号 text at an exact 20 pt
line inside cells; every row is whole grid lines high, so the text after the table stays on the grid.
In a merged column (the statistics table's 类别) an empty cell continues the group above it; the
group is merged down each page separately and its name repeated at the top of a new page.
"""

from __future__ import annotations

from dataclasses import replace

from fazhi_desktop.export.blocks import Cell, TableBlock, TableRow
from fazhi_desktop.export.body import clean, paragraphs, title_paras
from fazhi_desktop.export.flow import Para, PStyle, Run, blank, body
from fazhi_desktop.export.fonts import FontRole
from fazhi_desktop.export.geometry import LINE, TEXT_W
from fazhi_desktop.export.linebreak import Rooms, break_lines
from fazhi_desktop.export.options import Attachment, AttachmentTable
from fazhi_desktop.export.pages import PageLayout
from fazhi_desktop.export.textmetrics import PROFILES, Span
from fazhi_desktop.export.titlebreak import break_title

CELL_LINE = 400  # 20 pt exact inside table cells
CELL_MARGIN = 85  # 1.5 mm left/right inside a cell

Item = Para | TableBlock


def cell_lines(text: str, width: int) -> int:
    """Lines a 四号 cell text takes in a cell ``width`` twips wide."""
    if not text:
        return 1
    room = (width - 2 * CELL_MARGIN) / 20
    rooms = Rooms(dict.fromkeys(PROFILES, room), dict.fromkeys(PROFILES, room))
    return len(break_lines(text, (Span(len(text), 14.0, 0.0),), rooms))


def row_height(lines: int) -> int:
    """A row holding ``lines`` cell lines, rounded up to whole grid lines."""
    return -(-(lines * CELL_LINE + 2 * CELL_MARGIN) // LINE) * LINE


def _widths(table: AttachmentTable, columns: int) -> tuple[int, ...]:
    rel = list(table.col_widths[:columns]) if len(table.col_widths) >= columns else [1.0] * columns
    total = sum(rel) or 1.0
    widths = [int(TEXT_W * w / total) for w in rel]
    widths[-1] += TEXT_W - sum(widths)
    return tuple(widths)


def table_block(table: AttachmentTable) -> TableBlock:
    columns = max([len(table.header), *(len(r) for r in table.rows)], default=1)
    widths = _widths(table, columns)
    rows: list[TableRow] = []
    if table.header:
        cells = tuple(Cell(clean(t), w, header=True) for t, w in zip(_pad(table.header, columns), widths, strict=True))
        rows.append(TableRow(cells, _height(cells), header=True))
    open_groups: set[int] = set()
    for raw in table.rows:
        cells_list: list[Cell] = []
        for c, (text, w) in enumerate(zip(_pad(raw, columns), widths, strict=True)):
            text = clean(text)
            merge = ""
            if c in table.merge_columns:
                if text:
                    merge = "restart"
                    open_groups.add(c)
                elif c in open_groups:
                    merge = "continue"
            cells_list.append(Cell(text, w, merge=merge))
        cells = tuple(cells_list)
        rows.append(TableRow(cells, _height(cells)))
    return TableBlock(widths, tuple(_close_singles(rows)))


def _pad(cells: tuple[str, ...], columns: int) -> tuple[str, ...]:
    return tuple(cells) + ("",) * (columns - len(cells))


def _height(cells: tuple[Cell, ...]) -> int:
    """Row height from its cells; a merged group's name is measured against the whole group instead."""
    return row_height(max((cell_lines(c.text, c.width) for c in cells if not c.merge), default=1))


def _close_singles(rows: list[TableRow]) -> list[TableRow]:
    """A group of one row is not merged; a group's name taller than its rows makes its last row taller."""
    out = list(rows)
    for i, row in enumerate(out):
        for c, cell in enumerate(row.cells):
            if cell.merge != "restart":
                continue
            end = i + 1
            while end < len(out) and out[end].cells[c].merge == "continue":
                end += 1
            if end == i + 1:
                out[i] = _with_cell(out[i], c, replace(cell, merge=""))
                out[i] = replace(out[i], height=max(out[i].height, row_height(cell_lines(cell.text, cell.width))))
                continue
            need = row_height(cell_lines(cell.text, cell.width))
            have = sum(r.height for r in out[i:end])
            if need > have:
                out[end - 1] = replace(out[end - 1], height=out[end - 1].height + need - have)
    return out


def _with_cell(row: TableRow, c: int, cell: Cell) -> TableRow:
    return replace(row, cells=(*row.cells[:c], cell, *row.cells[c + 1:]))


def split_merges_at_pages(block: TableBlock, item: int, layout: PageLayout) -> TableBlock:
    """Restart every merged group at the top of each page it runs onto, with its name repeated."""
    starts = []
    for page in layout.pages[1:]:
        rows = [r for r in page.rows if r.item == item and not (r.part == 0 and block.header_row is not None)]
        if rows and page.rows[0].item == item:
            starts.append(rows[0].part)
    if not starts:
        return block
    out = list(block.rows)
    for start in starts:
        for c, cell in enumerate(out[start].cells):
            if cell.merge == "continue":
                k = start
                while k > 0 and out[k].cells[c].merge == "continue":
                    k -= 1
                out[start] = _with_cell(out[start], c, replace(cell, text=out[k].cells[c].text, merge="restart"))
    return TableBlock(block.widths, tuple(_close_singles(out)))


def attachment_items(attachments: tuple[Attachment, ...]) -> list[Item]:
    out: list[Item] = []
    for number, att in enumerate(attachments, start=1):
        label = "附件" if len(attachments) == 1 else f"附件{number}"
        out += [Para(PStyle.ATTACH_LABEL, (Run(label, FontRole.HEITI),), page_break_before=True,
                     keep_next=True, keep_lines=True, is_text=False), blank(keep_next=True)]
        out += title_paras(break_title(clean(att.title)))
        out.append(blank())
        out += [body(t) for t in (p for text in att.paragraphs for p in paragraphs(text))]
        if att.table is not None:
            if att.table.unit_label:
                out.append(Para(PStyle.TABLE_UNIT, (Run(clean(att.table.unit_label)),)))
            out.append(table_block(att.table))
            # the paragraph a table must be followed by: a line less the table's rules, so that it never runs
            # onto a page of its own because of them (nothing after it needs the grid: a new page or the 版记)
            out.append(Para(PStyle.BLANK, line_twips=LINE - 30, is_text=False))
    return out
