"""The printed pages as plain data: pages → rows → runs, on the 22 × 28 grid (no python-docx, no Qt).

What the pagination pre-flight computes and what a preview can draw: every row's vertical place
(twips from the top of the type area) and height, every run's font role, size and horizontal place
(points from the left edge of the type area, before justification spreads a full line), the page
numbers and their side, where the seal goes, and which rows are the 版头, the 落款 or the 版记.
The exporter writes the .docx from the same flow, so the file and this model cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, overload

from fazhi_desktop.export.fonts import FontRole
from fazhi_desktop.export.geometry import LINE, MARGIN_LEFT, MARGIN_TOP, TEXT_H, TEXT_W

PT_PER_MM = 72 / 25.4
TYPE_LEFT_MM = MARGIN_LEFT / 20 / PT_PER_MM  # 28 mm
TYPE_TOP_MM = MARGIN_TOP / 20 / PT_PER_MM  # 37 mm
FOOTER_CENTRE_MM = 269.0  # the page number's dash: 7 mm below the type area (GB/T 9704 7.5)


class PlacedRun(NamedTuple):
    """A stretch of text in one font on one row."""

    text: str
    font: FontRole
    half_points: int
    x: float  # pt from the left edge of the type area
    width: float  # pt, as set before justification
    bold: bool = False
    color: str | None = None  # "FF0000" for the 版头
    advances: tuple[float, ...] = ()  # pt, every character's, as set before justification
    cjk_latin: bool = False  # digits and letters in the CJK font too (else Times New Roman)
    line: int = 0  # the line within a row of several (a table cell's, the 抄送's), 20 pt apart

    def positions(self) -> list[float]:
        """Where every character starts (pt from the left of the type area) before justification."""
        out, x = [], self.x
        for adv in self.advances or [self.width / max(1, len(self.text))] * len(self.text):
            out.append(x)
            x += adv
        return out


class LazyRuns(Sequence[PlacedRun]):
    """A row's runs, placed when first read: pagination lays out every line several times, and most rows
    of most plans are never drawn (an export reads only the 落款's). Compares, hashes and prints as the
    tuple of runs it stands for."""

    __slots__ = ("_make", "_runs")

    def __init__(self, make: Callable[[], tuple[PlacedRun, ...]]) -> None:
        self._make: Callable[[], tuple[PlacedRun, ...]] | None = make
        self._runs: tuple[PlacedRun, ...] = ()

    @property
    def runs(self) -> tuple[PlacedRun, ...]:
        if self._make is not None:
            self._runs, self._make = self._make(), None
        return self._runs

    @overload
    def __getitem__(self, i: int) -> PlacedRun: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[PlacedRun, ...]: ...

    def __getitem__(self, i: int | slice) -> PlacedRun | tuple[PlacedRun, ...]:
        return self.runs[i]

    def __len__(self) -> int:
        return len(self.runs)

    def __iter__(self) -> Iterator[PlacedRun]:
        return iter(self.runs)

    def __eq__(self, other: Any) -> bool:
        return self.runs == (other.runs if isinstance(other, LazyRuns) else other)

    def __hash__(self) -> int:
        return hash(self.runs)

    def __repr__(self) -> str:
        return repr(self.runs)


class Row(NamedTuple):
    """One row of a page: a line of a paragraph, a table row or a 版记 row."""

    y: int  # twips from the top of the type area to the top of the row
    height: int  # twips
    runs: Sequence[PlacedRun]  # a tuple, or LazyRuns for the lines of a paragraph
    item: int  # index of the flow item it comes from
    kind: str  # "text", "table" or "imprint"
    part: int = 0  # the line of the paragraph, or the row of the table, it is
    role: str = ""  # the paragraph style ("body", "title", "signature", "date" …) or "table"/"imprint"
    justify: bool = False  # spread across the line (a full line of a justified paragraph)
    is_text: bool = False  # body text (or 附件说明): what the seal must share its page with
    rule_color: str | None = None  # a rule under the row (the 版头's red rule)
    borders: tuple[int, ...] = ()  # x positions (twips) of cell edges, for tables
    open_top: tuple[int, ...] = ()  # table columns whose cell continues the one above (no rule between)
    rule_above: int = 0  # a rule above the row, in 1/8 pt (the 版记's rules); its bottom rule: rule_below
    rule_below: int = 0

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def bottom(self) -> int:
        return self.y + self.height


class Seal(NamedTuple):
    """Where the stamp goes: centre (pt from the left of the type area, twips from its top), radius pt."""

    x: float
    y: int
    radius: float = 21 * PT_PER_MM  # a 42 mm township seal


@dataclass(frozen=True)
class Page:
    """One printed page: its rows, its page number (if any) and the seal(s) pressed on it."""

    index: int  # 1-based, as printed (blank pages count)
    number: int | None  # the printed page number; None: unnumbered (blank page, 版记 page after it)
    rows: tuple[Row, ...] = ()
    seals: tuple[Seal, ...] = ()

    @property
    def footer_side(self) -> str:
        """GB/T 9704 7.5: odd pages right, even pages left."""
        return "right" if self.index % 2 else "left"

    @property
    def footer_text(self) -> str:
        return f"\u2014 {self.number} \u2014" if self.number is not None else ""

    @property
    def blank(self) -> bool:
        return not any(r.text.strip() for r in self.rows)

    def short_rows(self) -> float:
        """Empty grid lines below the last row."""
        return (TEXT_H - max((r.bottom for r in self.rows), default=0)) / LINE


class PageLayout(NamedTuple):
    """Every page of the exported document."""

    pages: tuple[Page, ...] = ()

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def rows_of(self, item: int) -> list[tuple[Page, Row]]:
        return [(p, r) for p in self.pages for r in p.rows if r.item == item]


TEXT_WIDTH_PT = TEXT_W / 20
