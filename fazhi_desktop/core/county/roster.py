"""The roster: names pasted or read from a list (one a line, or a column of a CSV/XLSX sheet) → units and kinds."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from fazhi_desktop.core.model import UnitKind
from fazhi_desktop.core.units import infer_kind, normalize_name, parse_kind

NAME_HEADERS = ("单位名称", "单位", "名称", "报送单位", "部门", "乡镇（街道）", "乡镇", "name", "unit")
KIND_HEADERS = ("单位类型", "类型", "类别", "kind")
_NOT_A_NAME = re.compile(r"^(序号|合计|总计|小计|备注|\d+|共?\d+个(单位)?)$|名单|一览表|报送情况|年度")
_TOTAL_ROW = re.compile(r"^(合\s*计|总\s*计|小\s*计)[:：]?$")  # a sheet's sum line: 合计 | 30个单位


@dataclass(frozen=True)
class RosterEntry:
    """One unit of a roster list: its short name, its kind and how the kind was found."""

    name: str
    kind: UnitKind
    how: str  # "given" (a kind column), "inferred" (from the name), "default" (乡镇: the name says nothing)
    # or "known" (a unit the data file has already: its kind, maybe corrected by the clerk, is kept)

    @property
    def uncertain(self) -> bool:
        return self.how == "default"


@dataclass(frozen=True)
class RosterParse:
    entries: tuple[RosterEntry, ...]
    notes: tuple[str, ...]  # Chinese: duplicates left out, lines that are not names, kinds not recognised


def _header_index(row: Sequence[str], names: Sequence[str]) -> int | None:
    cells = ["".join(c.split()).lower() for c in row]
    for name in names:
        if name in cells:
            return cells.index(name)
    return None


def _header_row(rows: list[list[str]], names: Sequence[str]) -> int | None:
    """The row (among the first five: a title line may come first) that holds one of ``names``."""
    return next((i for i, row in enumerate(rows[:5]) if _header_index(row, names) is not None), None)


def _column(rows: list[list[str]], column: str | int | None) -> tuple[int, int | None, int]:
    """(name column, kind column or None, first data row)."""
    wanted = (column.strip().lower(),) if isinstance(column, str) and column.strip() else NAME_HEADERS
    at = _header_row(rows, wanted)
    header = rows[at] if at is not None else []
    kind = _header_index(header, KIND_HEADERS)
    if isinstance(column, int):
        if column < 1:
            raise ValueError("列号从 1 开始")
        return column - 1, kind, 0 if at is None else at + 1
    if at is not None:
        index = _header_index(header, wanted)
        assert index is not None
        return index, kind, at + 1
    if wanted is not NAME_HEADERS:
        first = "、".join(c for c in rows[0] if c) if rows else ""
        raise ValueError(f"表头中没有“{column}”这一列（第一行是：{first}）")
    width = max((len(r) for r in rows), default=0)
    scores = [sum(1 for r in rows if i < len(r) and infer_kind(r[i]) is not None) for i in range(width)]
    best = max(range(width), key=lambda i: scores[i], default=0)
    return best, None, 0


def parse_rows(rows: Sequence[Sequence[str | None]], column: str | int | None = None,
               kind_column: int | None = None) -> RosterParse:
    """Roster entries from table rows (a one-column list is rows of one cell).

    The names are in the column headed 单位/名称/单位名称… (or ``column``: a header or a 1-based number;
    by default the column that looks most like unit names); an optional 类型 column gives the kinds.
    """
    cells = [[("" if c is None else str(c)).strip() for c in row] for row in rows]
    numbers = [n for n, r in enumerate(cells, start=1) if any(r)]  # as the sheet numbers them, blank rows too
    table = [r for r in cells if any(r)]
    if not table:
        return RosterParse((), ("名单是空的",))
    name_col, kind_col, start = _column(table, column)
    if kind_column is not None:
        kind_col = kind_column - 1
    entries: list[RosterEntry] = []
    notes: list[str] = []
    seen: set[str] = set()
    for number, row in zip(numbers[start:], table[start:], strict=True):
        raw = row[name_col] if name_col < len(row) else ""
        name = normalize_name(raw)
        if not name:
            continue
        if any(_TOTAL_ROW.match(cell) for cell in row):
            notes.append(f"第{number}行是合计行，已跳过")
            continue
        if _NOT_A_NAME.search(name) or len(name) > 30:
            notes.append(f"第{number}行“{raw}”不像单位名称，已跳过")
            continue
        if name in seen:
            notes.append(f"“{name}”重复出现，只保留一次")
            continue
        seen.add(name)
        given = row[kind_col] if kind_col is not None and kind_col < len(row) else ""
        entries.append(_entry(name, given, number, notes))
    return RosterParse(tuple(entries), tuple(notes))


def _entry(name: str, given: str, number: int, notes: list[str]) -> RosterEntry:
    if given:
        try:
            return RosterEntry(name, parse_kind(given), "given")
        except ValueError as exc:
            notes.append(f"第{number}行：{exc}，改按名称推断")
    inferred = infer_kind(name)
    if inferred is None:
        notes.append(f"“{name}”的类型无法从名称看出，暂按乡镇，请核对")
        return RosterEntry(name, UnitKind.TOWNSHIP, "default")
    return RosterEntry(name, inferred, "inferred")


def parse_text(text: str) -> RosterParse:
    """Pasted names: one a line; a last part after a tab or comma may give the kind (千佛镇，乡镇)."""
    rows: list[list[str]] = []
    for line in text.splitlines():
        parts = re.split(r"[\t,，]", line.strip())
        rows.append(["".join(parts[:-1]), parts[-1]] if len(parts) > 1 and _is_kind(parts[-1]) else [line])
    return parse_rows(rows, 1, kind_column=2)


def _is_kind(text: str) -> bool:
    try:
        parse_kind(text)
    except ValueError:
        return False
    return True


def with_known(parsed: RosterParse, known: Mapping[str, UnitKind]) -> RosterParse:
    """Units the data file has already keep their kind (the clerk may have corrected it) unless the list
    has a kind column that says otherwise."""
    entries: list[RosterEntry] = []
    kept: set[str] = set()
    for entry in parsed.entries:
        if entry.name in known and entry.how != "given":
            entries.append(RosterEntry(entry.name, known[entry.name], "known"))
            kept.add(entry.name)
        else:
            entries.append(entry)
    notes = tuple(n for n in parsed.notes if not any(n.startswith(f"“{name}”的类型") for name in kept))
    return RosterParse(tuple(entries), notes)
