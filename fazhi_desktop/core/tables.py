"""Tables in imported and pasted text: Word tables and rows copied from Excel/WPS 表格 (cells split by tabs).

A table is kept where it stood, as readable text — one line of "项目：值" pairs, or one line per row —
so no figure is ever lost; where a row or column label matches a 数据指标 indicator, the figure is
offered for the 数据指标 table (:class:`TableFigure`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fazhi_desktop.core.indicators import Catalog, Indicator, IndicatorValue

_LIST_LABEL = re.compile(r"[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）][、]?|\d{1,2}[.．、]")
_FIGURE = re.compile(r"^[+-]?\d[\d,，]*(?:\.\d+)?\s*(?:%|％|[^\d\s]{1,3})?$")
_NUMBER = re.compile(r"[+-]?\d[\d,，]*(?:\.\d+)?")
_UNIT_NOTE = re.compile(r"[（(][^（）()]{1,6}[)）]$")
_TOTAL = ("合计", "总计", "全年", "总数", "小计")
_CELL_END = "。；;，,"


@dataclass(frozen=True)
class TableFigure:
    """A figure of a table whose label matches an indicator: offered for the 数据指标 table."""

    label: str  # the label as typed, e.g. 受理纠纷（件）
    value: str  # the figure as typed, e.g. 64
    key: str  # the indicator's key, e.g. disputes_accepted
    indicator: str  # the indicator's label, e.g. 受理矛盾纠纷
    unit: str  # the indicator's unit, e.g. 件


@dataclass(frozen=True)
class Table:
    """Rows of cells found at ``start`` (index of its first line in the text), and their text rendering."""

    start: int
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[str, ...]
    figures: tuple[TableFigure, ...]


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.rstrip().split("\t")]


def is_table_row(line: str) -> bool:
    """A line of at least two cells split by tabs (not an indent, not a number typed before a heading, not
    the two 落款 organs)."""
    if "\t" not in line.strip():
        return False
    from fazhi_desktop.core.headings import split_signatories

    filled = [c for c in cells(line) if c]
    return (len(filled) >= 2 and not _LIST_LABEL.fullmatch(filled[0])
            and split_signatories("  ".join(filled)) is None)  # two 落款 organs spaced out with tabs


def table_runs(lines: Sequence[str], skip: set[int]) -> list[tuple[int, int]]:
    """(start, end) of every table: two or more rows in a row, or one row of three or more cells."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        if index in skip or not is_table_row(lines[index]):
            index += 1
            continue
        end = index + 1
        while end < len(lines) and end not in skip and is_table_row(lines[end]):
            end += 1
        if end - index >= 2 or sum(1 for c in cells(lines[index]) if c) >= 3:
            runs.append((index, end))
        index = end
    return runs


def is_figure(cell: str) -> bool:
    return bool(_FIGURE.match(cell))


def _clean(cell: str) -> str:
    return " ".join(cell.split()).rstrip(_CELL_END)


def _pairs_line(pairs: Sequence[tuple[str, str]]) -> str:
    parts = [f"{label}：{value}" if label and value else label or value for label, value in pairs]
    return "；".join(p for p in parts if p) + "。"


def _labelled_line(label: str, parts: Sequence[str]) -> str:
    return f"{label}：" + "；".join(parts) + "。"


def render_rows(rows: Sequence[Sequence[str]]) -> list[str]:
    """The table as readable lines; every cell's text is kept, in order."""
    rows = [[_clean(c) for c in row] for row in rows]
    rows = [row for row in rows if any(row)]
    if not any(is_figure(c) for row in rows for c in row):
        return ["  ".join(c for c in row if c) for row in rows]  # a text table: one line per row
    header = rows[0] if len(rows) >= 2 and not any(is_figure(c) for c in rows[0]) else None
    if header is None:
        if all(len(row) == 2 for row in rows):
            return [_pairs_line([(row[0], row[1]) for row in rows])]
        return [_labelled_line(row[0], [c for c in row[1:] if c]) if row[0] else _pairs_line([("", c) for c in row])
                for row in rows]
    return [_pairs_line(list(zip(header, row, strict=False))) for row in rows[1:]]  # "项目：值" a row


def _labelled_values(rows: Sequence[Sequence[str]]) -> list[tuple[str, str]]:
    """(label, figure) pairs a table states for the whole report (not per village or per month)."""
    rows = [[_clean(c) for c in row] for row in rows if any(c.strip() for c in row)]
    if not rows:
        return []
    if len(rows) >= 2 and not any(is_figure(c) for c in rows[0]):
        header, data = rows[0], rows[1:]
        if len(data) == 1:
            return list(zip(header, data[0], strict=False))
        totals = [row for row in data if row and row[0].startswith(_TOTAL)]
        return list(zip(header[1:], totals[0][1:], strict=False)) if totals else []
    return [(row[0], row[1]) for row in rows if len(row) == 2]


@cache
def _catalog() -> Catalog:
    from fazhi_desktop.core.indicators import load_catalog

    return load_catalog()


def _subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(ch in chars for ch in short)


def match_indicator(label: str, value: str, catalog: Catalog | None = None) -> Indicator | None:
    """The indicator a table label stands for: its label or an alias, or its label with words left out
    (受理纠纷 → 受理矛盾纠纷); rates only for a label ending in 率 or a value in %."""
    from fazhi_desktop.core.indicators import IndicatorKind

    name = _UNIT_NOTE.sub("", label.strip()).strip("：:")
    if len(name) < 2:
        return None
    percent = value.endswith(("%", "％")) or name.endswith("率")
    candidates = [i for i in (catalog or _catalog()).indicators
                  if (i.kind in (IndicatorKind.RATE, IndicatorKind.PERCENT)) == percent]
    for test in (lambda i: name == i.label or name in i.aliases,
                 lambda i: len(name) >= 3 and (name in i.label or any(len(a) >= 3 and a in name for a in i.aliases)),
                 lambda i: len(name) >= 4 and _subsequence(name, i.label)):
        found = [i for i in candidates if test(i)]
        if found:
            return min(found, key=lambda i: len(i.label))
    return None


def table_figures(rows: Sequence[Sequence[str]], catalog: Catalog | None = None) -> list[TableFigure]:
    out = []
    for label, value in _labelled_values(rows):
        if not label or not is_figure(value):
            continue
        indicator = match_indicator(label, value, catalog)
        if indicator is not None:
            out.append(TableFigure(label, value, indicator.key, indicator.label, indicator.unit))
    return out


def figure_number(figure: TableFigure) -> str:
    """The number of a figure without its unit or thousands separators ("4,200份" → "4200")."""
    found = _NUMBER.search(figure.value)
    return found.group().replace(",", "").replace("，", "") if found else figure.value


def read_tables(lines: Sequence[str], skip: set[int]) -> list[Table]:
    """Every table among ``lines`` (lines in ``skip`` were removed and do not count)."""
    out = []
    for start, end in table_runs(lines, skip):
        rows = tuple(tuple(cells(line)) for line in lines[start:end])
        out.append(Table(start, rows, tuple(render_rows(rows)), tuple(table_figures(rows))))
    return out


def figure_values(catalog: Catalog, figures: Sequence[TableFigure]
                  ) -> tuple[dict[str, IndicatorValue], list[str]]:
    """The figures as 数据指标 values by key, and a Chinese reason for each one that does not fit its
    indicator (a rate over 100 %, a fractional count …), which is then left out."""
    from fazhi_desktop.core.indicators import IndicatorValueError, parse_value

    values: dict[str, IndicatorValue] = {}
    refused: list[str] = []
    for figure in figures:
        if figure.key not in catalog:
            continue
        try:
            values[figure.key] = parse_value(catalog[figure.key], figure_number(figure))
        except IndicatorValueError as exc:
            refused.append(f"{figure.label}{figure.value}：{exc}")
    return values, refused
