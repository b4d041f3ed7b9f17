"""The county's figures table as an Excel workbook (openpyxl): a title, the rule, a frozen header row and
unit column, widths that fit, number formats (counts, 万元, percentages), marked invalid cells with the
reason as a comment, bold subtotal and total rows, and the notes under the table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from fazhi_desktop.core.county.figures import Cell, FiguresTable, header_texts, row_problems
from fazhi_desktop.core.indicators import Indicator, IndicatorKind

HEADER_ROW = 3  # title, rule, then the header
_INVALID_FILL = "FFC7CE"
_TOTAL_FILL = "EDEDED"
_HEADER_FILL = "DDEBF7"


def _width(text: str) -> float:
    """Excel column width for ``text``: a CJK character is about two digits wide."""
    return sum(2.1 if ord(ch) > 0x2E80 else 1.1 for ch in text) + 2


def _value(ind: Indicator, cell: Cell) -> object:
    """A number where there is one (a rate as a fraction, shown as 97.3%), the text otherwise."""
    if cell.number is None or (cell.text and not (cell.text[0].isdigit() or cell.text[0] == "-")):
        return cell.text or None
    if ind.kind in (IndicatorKind.RATE, IndicatorKind.PERCENT):
        return float(cell.number / Decimal(100))
    if ind.kind is IndicatorKind.MONEY:
        return float(cell.number)
    return int(cell.number) if cell.number == cell.number.to_integral_value() else float(cell.number)


def number_format(ind: Indicator) -> str:
    if ind.kind in (IndicatorKind.RATE, IndicatorKind.PERCENT):
        return "0.0%"
    return "#,##0.00" if ind.kind is IndicatorKind.MONEY else "#,##0"


def write_xlsx(table: FiguresTable, title: str, rule: str, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    ws = book.active
    ws.title = f"{table.year}年度汇总"
    names = header_texts(table)
    ws.cell(1, 1, title).font = Font(bold=True, size=14)
    ws.cell(2, 1, rule).alignment = Alignment(wrap_text=False)
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, text in enumerate(names, start=1):
        cell = ws.cell(HEADER_ROW, col, text)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        cell.border = border
        ws.column_dimensions[get_column_letter(col)].width = min(max(_width(text) / 2, 9), 24)
    ws.row_dimensions[HEADER_ROW].height = 48
    ws.column_dimensions["A"].width = max(_width(r.label) for r in table.rows)
    ws.column_dimensions[get_column_letter(len(names))].width = 40
    for r, row in enumerate(table.rows, start=HEADER_ROW + 1):
        kind = row.kind.value if row.kind is not None and not row.total else ""
        values: list[object] = [row.label, kind, row.status]
        values += [_value(ind, cell) for ind, cell in zip(table.columns, row.cells, strict=True)]
        values.append(row_problems(table, row))
        for c, value in enumerate(values, start=1):
            target = ws.cell(r, c, value)
            target.border = border
            if row.total:
                target.font = Font(bold=True)
                target.fill = PatternFill("solid", fgColor=_TOTAL_FILL)
        for c, (ind, cell) in enumerate(zip(table.columns, row.cells, strict=True), start=4):
            target = ws.cell(r, c)
            target.number_format = number_format(ind)
            target.alignment = Alignment(horizontal="right")
            if cell.invalid:
                target.fill = PatternFill("solid", fgColor=_INVALID_FILL)
                target.comment = Comment(cell.invalid, "汇总")
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 2)  # the header row and the unit column stay in view
    last = HEADER_ROW + len(table.rows) + 2
    for offset, note in enumerate(table.notes):
        ws.cell(last + offset, 1, f"注：{note}")
    book.save(str(path))
