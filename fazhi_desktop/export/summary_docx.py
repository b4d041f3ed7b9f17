"""The county's figures table as a Word document on the GB/T 9704 page (the export's own template, styles,
tables and page numbers): the title, the rule, then one table per indicator group — the unit column
repeated, a few indicators per table so it fits the 156 mm type area in 四号 — with the notes after."""

from __future__ import annotations

from pathlib import Path

from docx.oxml.ns import qn

from fazhi_desktop.core.county.figures import FiguresTable
from fazhi_desktop.core.indicators import Indicator
from fazhi_desktop.export.appendix import table_element
from fazhi_desktop.export.attachments import table_block
from fazhi_desktop.export.body import title_paras
from fazhi_desktop.export.flow import Para, PStyle, Run, blank, body
from fazhi_desktop.export.fonts import FontRole, canonical_map
from fazhi_desktop.export.footer import add_page_numbers
from fazhi_desktop.export.options import AttachmentTable
from fazhi_desktop.export.paragraphs import RunStyle, append_paras
from fazhi_desktop.export.setup import new_document
from fazhi_desktop.export.titlebreak import break_title

PER_TABLE = 4  # indicator columns per table next to the unit column (四号, 156 mm)
_NUMERALS = "一二三四五六七八九十"


def _chunks(columns: list[tuple[int, Indicator]]) -> list[list[tuple[int, Indicator]]]:
    return [columns[i:i + PER_TABLE] for i in range(0, len(columns), PER_TABLE)]


def _group_tables(table: FiguresTable) -> list[tuple[str, list[list[tuple[int, Indicator]]]]]:
    groups: dict[str, list[tuple[int, Indicator]]] = {}
    for index, ind in enumerate(table.columns):
        groups.setdefault(ind.group, []).append((index, ind))
    return [(group, _chunks(cols)) for group, cols in groups.items()]


def write_docx(table: FiguresTable, title: str, rule: str, path: Path) -> None:
    fonts = canonical_map()
    doc = new_document(fonts)
    style = RunStyle(fonts)
    body_el = doc.element.body
    sect = body_el.find(qn("w:sectPr"))
    paras: list[Para] = [*title_paras(break_title(title)), blank(), body(rule)]
    append_paras(body_el, paras, style)
    marked = 0
    for number, (group, chunks) in enumerate(_group_tables(table)):
        label = _NUMERALS[number] if number < len(_NUMERALS) else str(number + 1)
        append_paras(body_el, [Para(PStyle.H1, (Run(f"{label}、{group}", FontRole.HEITI),), keep_next=True)], style)
        for chunk in chunks:
            header = ("单位", *(f"{ind.label}（{ind.unit}）" for _, ind in chunk))
            rows = []
            for row in table.rows:
                cells = [row.label]
                for index, _ in chunk:
                    cell = row.cells[index]
                    cells.append(f"{cell.text}✗" if cell.invalid else cell.text)
                    marked += bool(cell.invalid)
                rows.append(tuple(cells))
            widths = (2.4, *([1.0] * len(chunk)))
            tbl = table_element(table_block(AttachmentTable(header, tuple(rows), col_widths=widths)), style)
            sect.addprevious(tbl)
            append_paras(body_el, [blank()], style)
    notes = [f"注：{n}" for n in table.notes]
    if marked and not notes:
        notes.append("注：标“✗”的数值有误，未计入合计。")
    append_paras(body_el, [body(n) for n in notes], style)
    add_page_numbers(doc.sections[0], fonts)
    doc.save(str(path))
