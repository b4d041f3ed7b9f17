"""The figures table of a year (core.county.figures) gathered from the data file and written as .xlsx,
.csv or .docx; and the summed figures a county's own report starts from."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from fazhi_desktop.core.county.figures import (
    Cell,
    FiguresTable,
    UnitFigures,
    figures_table,
    header_texts,
    row_problems,
)
from fazhi_desktop.core.indicators import load_catalog
from fazhi_desktop.core.model import UnitKind
from fazhi_desktop.storage.county import CountyStore

RULE_NOTE = ("计数、金额为各单位相加；比率用合计的分子÷分母重新计算，不是各单位百分比的平均；"
             "标“✗”的数值有误（原因见最后一列），未计入合计。")


def gather(county: CountyStore, year: int) -> list[UnitFigures]:
    """Every roster unit (and other unit with a report that year), with its figures when it reported."""
    store = county.store
    reports = county.report_ids(year)
    roster = county.roster()
    ids = {u.id for u in roster}
    by_id = county.units_by_id()
    others = sorted((by_id[u] for u in reports if u not in ids), key=lambda u: u.short_name)
    out = []
    for unit in [*roster, *others]:
        report_id = reports.get(unit.id) if unit.id is not None else None
        if report_id is None:
            out.append(UnitFigures(unit))
        else:
            out.append(UnitFigures(unit, store.catalog_for_report(report_id), store.indicator_values(report_id)))
    return out


def build_table(county: CountyStore, year: int) -> FiguresTable:
    figures = gather(county, year)
    if not any(f.received for f in figures if f.unit.kind is not UnitKind.COUNTY):
        raise ValueError(f"还没有收到任何单位{year}年度的报告，无法汇总。")
    return figures_table(year, figures, load_catalog())


def title(county: CountyStore, year: int) -> str:
    return f"{county.county_name()}{year}年度法治政府建设主要数据汇总表"


def cell_text(cell: Cell) -> str:
    return f"{cell.text}✗" if cell.invalid else cell.text


def plain_rows(table: FiguresTable) -> list[list[str]]:
    """The table as text rows (header first), as the CSV holds it."""
    rows = [header_texts(table)]
    for row in table.rows:
        kind = row.kind.value if row.kind is not None and not row.total else ""
        rows.append([row.label, kind, row.status, *(cell_text(c) for c in row.cells), row_problems(table, row)])
    return rows


def to_csv(table: FiguresTable) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(plain_rows(table))
    for note in (RULE_NOTE, *table.notes):
        writer.writerow([note])
    return out.getvalue().encode("utf-8-sig")  # the BOM makes Excel read it as UTF-8


def write_table(county: CountyStore, year: int, path: Path) -> FiguresTable:
    """Write the table to ``path`` (.xlsx, .csv or .docx, replacing it atomically); returns it."""
    table = build_table(county, year)
    write_built(table, title(county, year), path)
    return table


def write_built(table: FiguresTable, name: str, path: Path) -> None:
    """Write a built table, titled ``name``, to ``path`` (no data file involved: a worker thread may)."""
    from fazhi_desktop.export.atomic import write_atomic

    suffix = path.suffix.lower()
    if suffix == ".csv":
        data = to_csv(table)

        def save(tmp: Path) -> None:
            tmp.write_bytes(data)

        write_atomic(path, save)
    elif suffix == ".xlsx":
        from fazhi_desktop.export.summary_xlsx import write_xlsx

        write_atomic(path, lambda tmp: write_xlsx(table, name, RULE_NOTE, tmp))
    else:
        from fazhi_desktop.export.summary_docx import write_docx

        rule = RULE_NOTE.replace("原因见最后一列", "原因见文末的注")
        write_atomic(path, lambda tmp: write_docx(table, name, rule, tmp))
