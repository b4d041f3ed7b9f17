"""What the pre-flight knows about its pages that a clerk should see on them (no python-docx, no Qt).

A preview marks these where they are: the 落款 where 7.3.5.5 had to be applied so that the seal shares
its page with text (fewer blank lines, another line pitch, or the last two lines carried over), a
heading that ends a page, a page that ends more than two rows short, a 版记 with a page of its own
and the blank page before it. Each mark names its page and the rows it concerns.
"""

from __future__ import annotations

from dataclasses import dataclass

from fazhi_desktop.export.blocks import SectionBreak
from fazhi_desktop.export.flow import Para, PStyle
from fazhi_desktop.export.geometry import TEXT_H
from fazhi_desktop.export.pages import Page, Row
from fazhi_desktop.export.preflight import Preflight

HEADINGS = (PStyle.H1.value, PStyle.H2.value, PStyle.H3.value, PStyle.H4.value)
SEAL_NOTES = ("为使印章", "落款与正文")
SHORT_ROWS = 2.05  # a page may end two grid lines short (the 落款 plan allows it)


@dataclass(frozen=True)
class PageMark:
    """A problem shown on page ``page`` (1-based), over the rows from ``y`` (twips) ``height`` high."""

    page: int
    y: int
    height: int
    kind: str  # "seal", "heading", "short", "imprint", "blank"
    message: str


def _span(rows: list[Row]) -> tuple[int, int]:
    top = min(r.y for r in rows)
    return top, max(r.bottom for r in rows) - top


def _seal_marks(plan: Preflight) -> list[PageMark]:
    notes = [n for n in plan.notes if n.startswith(SEAL_NOTES)]
    for page in plan.layout.pages:
        rows = [r for r in page.rows if r.role in (PStyle.SIGNATURE.value, PStyle.DATE.value)]
        if rows and notes:
            top, height = _span(rows)
            return [PageMark(page.index, top, height, "seal", note) for note in notes]
    return []


def _starts_new_page(plan: Preflight, page: Page | None) -> bool:
    """Does ``page`` begin where something had to start a page anyway (an 附件, the 版记's section)?"""
    if page is None or not page.rows:
        return True
    first = page.rows[0].item
    item = plan.items[first]
    if isinstance(item, Para) and item.page_break_before:
        return True
    return any(isinstance(it, SectionBreak) for it in plan.items[max(0, first - 3):first])


def _page_marks(plan: Preflight, page: Page, following: Page | None) -> list[PageMark]:
    out: list[PageMark] = []
    text = [r for r in page.rows if r.text.strip()]
    if page.blank and following is not None:
        out.append(PageMark(page.index, 0, TEXT_H, "blank", "空白页：为使版记排在偶数页末（不编页码）"))
        return out
    if text and all(r.kind == "imprint" for r in text):
        top, height = _span([r for r in page.rows if r.kind == "imprint"])
        out.append(PageMark(page.index, top, height, "imprint", "版记单独占这一页（正文末页之后的偶数页）"))
        return out
    last = text[-1] if text else None
    if last is not None and last.role in HEADINGS and following is not None:
        out.append(PageMark(page.index, last.y, last.height, "heading", "标题排在页末，它的正文在下一页"))
    short = page.short_rows()
    if following is not None and short > SHORT_ROWS and not _starts_new_page(plan, following):
        bottom = max((r.bottom for r in page.rows), default=0)
        out.append(PageMark(page.index, bottom, TEXT_H - bottom, "short",
                            f"本页末尾空{round(short)}行（下一页的内容不能拆开）"))
    return out


def page_marks(plan: Preflight) -> list[PageMark]:
    """Every mark of the plan, page by page."""
    pages = plan.layout.pages
    out = _seal_marks(plan)
    for i, page in enumerate(pages):
        out += _page_marks(plan, page, pages[i + 1] if i + 1 < len(pages) else None)
    return sorted(out, key=lambda m: (m.page, m.y))

