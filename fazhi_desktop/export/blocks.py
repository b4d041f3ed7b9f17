"""The flow items besides paragraphs: tables, the 版记 and section breaks (no python-docx).

The pre-flight paginates a list of these and :class:`~fazhi_desktop.export.flow.Para`; the writer
writes the same list, item by item.
"""

from __future__ import annotations

from dataclasses import dataclass

from fazhi_desktop.export.geometry import LINE


@dataclass(frozen=True)
class Cell:
    """One table cell: its text, its column span start, and whether it continues a vertical merge."""

    text: str
    width: int  # twips
    header: bool = False
    merge: str = ""  # "" | "restart" | "continue" (w:vMerge)


@dataclass(frozen=True)
class TableRow:
    """A table row: its cells and its height."""

    cells: tuple[Cell, ...]
    height: int  # twips (at least; every row is whole grid lines so the text after stays on the grid)
    header: bool = False  # repeated at the top of every page the table runs onto


@dataclass(frozen=True)
class TableBlock:
    """A statistics table of an 附件, rows already measured."""

    widths: tuple[int, ...]
    rows: tuple[TableRow, ...]

    @property
    def header_row(self) -> TableRow | None:
        return self.rows[0] if self.rows and self.rows[0].header else None


@dataclass(frozen=True)
class ImprintRow:
    """A row of the 版记 and the rule above it."""

    text: str  # "抄送：…。" or "印发机关\t2026年1月16日印发"
    lines: int
    top_rule: int = 0  # border size (1/8 pt) of the rule above the row; 0: the table's own top rule


@dataclass(frozen=True)
class ImprintBlock:
    """版记: a one-column table whose rows are whole grid lines less the rules' width."""

    rows: tuple[ImprintRow, ...]

    @property
    def lines(self) -> int:
        return sum(r.lines for r in self.rows)

    @property
    def height(self) -> int:
        """Its rows (exact heights, which the rules are drawn within: measured)."""
        return sum(r.lines * LINE - IMPRINT_RULE_SLACK for r in self.rows)


IMPRINT_RULE_SLACK = 30  # each 版记 row is one grid line less this, for the rules' own width


@dataclass(frozen=True)
class SectionBreak:
    """A new section on a new page (the 版记's): ``even_page`` starts it on an even page (used only when
    the text ends on an odd page, so no blank page is needed); ``numbered`` False: no page numbers."""

    even_page: bool = False
    numbered: bool = True
