"""The state of a pagination as it goes (pages done, the page being filled), and pagination resumed
where an earlier one of the same first items stood (no python-docx)."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from fazhi_desktop.export.flow import Para
from fazhi_desktop.export.geometry import TEXT_H
from fazhi_desktop.export.pages import Page, PageLayout, Row

if TYPE_CHECKING:
    from fazhi_desktop.export.paginate import Item


class Pager:
    """Rows placed one after another, page after page; ``start`` twips of the first page are taken."""

    def __init__(self, start: int, pages_before: int = 0) -> None:
        self.before = pages_before
        self.pages: list[Page] = []
        self.rows: list[Row] = []
        self.y = start
        self.numbered = True

    def new_page(self) -> None:
        index = self.before + len(self.pages) + 1
        self.pages.append(Page(index, index if self.numbered else None, tuple(self.rows)))
        self.rows, self.y = [], 0

    def fits(self, height: int) -> bool:
        return self.y + height <= TEXT_H

    def add(self, row: Row) -> None:
        self.rows.append(row)
        self.y = row.bottom

    def finish(self) -> PageLayout:
        if self.rows or not self.pages:
            self.new_page()
        return PageLayout(tuple(self.pages))

    def mark(self) -> Mark:
        return Mark(len(self.pages), tuple(self.rows), self.y, self.numbered)


class Mark(NamedTuple):
    """Where a pagination stood before an item: pages done, rows of the page being filled, its height so
    far, whether pages are numbered."""

    pages: int
    rows: tuple[Row, ...]
    y: int
    numbered: bool


class Origin(NamedTuple):
    """Where a pagination begins: twips of its first page already taken, its first item, the pages
    before that page (a partial pagination: the 落款 plan lays out only the last pages again)."""

    y: int
    first: int
    pages_before: int


class Run(NamedTuple):
    """A pagination, and where it stood before each item that no keep chain reaches across."""

    origin: Origin
    cjk_digits: bool
    items: tuple[Item, ...]
    marks: dict[int, Mark]
    pages: tuple[Page, ...]


_RUNS: list[Run] = []  # the last few, newest first


def markable(items: tuple[Item, ...], i: int, first: int = 0) -> bool:
    """Does where pagination (from item ``first``) stands before item ``i`` depend on ``items[first:i]``
    alone? A paragraph looks ahead only along a chain of keep-with-next paragraphs, so: the first item,
    or one after an item that does not keep with the next."""
    if i == first:
        return True
    before = items[i - 1]
    return not (isinstance(before, Para) and before.keep_next)


def remember(run: Run) -> None:
    _RUNS.insert(0, run)
    del _RUNS[8:]


def resume(items: tuple[Item, ...], origin: Origin, cjk_digits: bool) -> tuple[Pager, int]:
    """A pager where an earlier pagination from the same origin and of the same items up to some point
    stood (the 落款 plan's attempts, the 附件 and the 版记 lay out the same flow again with a different
    end), and the item to go on from: exactly where this pagination will stand there (see
    :func:`markable`)."""
    pager = Pager(origin.y, origin.pages_before)
    best = origin.first
    for run in list(_RUNS):
        if run.origin != origin or run.cjk_digits != cjk_digits:
            continue
        same = origin.first
        for old, new in zip(run.items[origin.first:], items[origin.first:], strict=False):
            if old is not new and old != new:
                break
            same += 1
        at = max((i for i in run.marks if i <= same), default=0)
        if at > best:
            best = at
            mark = run.marks[at]
            pager.pages, pager.rows = list(run.pages[:mark.pages]), list(mark.rows)
            pager.y, pager.numbered = mark.y, mark.numbered
    return pager, best
