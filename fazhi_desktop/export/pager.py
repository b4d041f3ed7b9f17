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


class Run(NamedTuple):
    """A whole pagination, and where it stood before each item that no keep chain reaches across."""

    start: int
    cjk_digits: bool
    items: tuple[Item, ...]
    marks: dict[int, Mark]
    pages: tuple[Page, ...]


_RUNS: list[Run] = []  # the last few, newest first


def markable(items: tuple[Item, ...], i: int) -> bool:
    """Does where pagination stands before item ``i`` depend on ``items[:i]`` alone? A paragraph looks
    ahead only along a chain of keep-with-next paragraphs, so: the first item, or one after an item
    that does not keep with the next."""
    if i == 0:
        return True
    before = items[i - 1]
    return not (isinstance(before, Para) and before.keep_next)


def remember(run: Run) -> None:
    _RUNS.insert(0, run)
    del _RUNS[4:]


def resume(items: tuple[Item, ...], start: int, cjk_digits: bool) -> tuple[Pager, int]:
    """A pager where an earlier whole pagination of the same first items stood (the 落款 plan, the 附件
    and the 版记 each lay out the whole flow again with a different end), and the item to go on from:
    exactly where this pagination will stand there (see :func:`markable`)."""
    pager = Pager(start)
    best = 0
    for run in list(_RUNS):
        if run.start != start or run.cjk_digits != cjk_digits:
            continue
        same = 0
        for old, new in zip(run.items, items, strict=False):
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
