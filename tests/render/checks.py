"""What every rendered export must satisfy, as functions returning the problems found (tests and the
sweep script share them)."""

from __future__ import annotations

from collections import Counter

from fazhi_desktop.export.blocks import ImprintBlock, TableBlock
from fazhi_desktop.export.flow import Para, PStyle
from fazhi_desktop.export.preflight import Preflight
from tests.render.measure import LINE_MM, TYPE_BOTTOM_MM, TYPE_TOP_MM, PageM


def document_text(plan: Preflight) -> Counter[str]:
    chars: list[str] = []
    for item in plan.items:
        if isinstance(item, Para):
            chars += item.text
        elif isinstance(item, TableBlock):
            chars += "".join(c.text for r in item.rows for c in r.cells if c.merge != "continue")
            header = item.header_row
            if header is not None:  # repeated on every page the table runs onto
                pages = {p.index for p in plan.layout.pages for r in p.rows if r.item == plan.items.index(item)}
                chars += "".join(c.text for c in header.cells) * (len(pages) - 1)
        elif isinstance(item, ImprintBlock):
            chars += "".join(r.text for r in item.rows)
    return Counter(c for c in chars if not c.isspace())


def problems(plan: Preflight, pages: list[PageM]) -> list[str]:
    out: list[str] = []
    if plan.pages != len(pages):
        out.append(f"pre-flight {plan.pages} pages, LibreOffice {len(pages)}")
    printed = Counter(c for p in pages for c in p.text() if not c.isspace())
    if printed != document_text(plan):
        missing = document_text(plan) - printed
        extra = printed - document_text(plan)
        out.append(f"characters: missing {dict(missing)} extra {dict(extra)}")
    for model, page in zip(plan.layout.pages, pages, strict=False):
        out += _page_problems(plan, model, page, len(pages))
    return out


def _page_problems(plan: Preflight, model: object, page: PageM, count: int) -> list[str]:
    from fazhi_desktop.export.pages import Page

    assert isinstance(model, Page)
    out = []
    expected = [r.text.replace("\t", "").replace(" ", "") for r in model.rows if r.kind == "text" and r.text.strip()]
    got = [r.text.replace(" ", "") for r in page.rows]
    has_table = any(r.kind != "text" for r in model.rows)
    if not has_table and expected != got:
        pairs = enumerate(zip(expected, got, strict=False))
        first = next((i for i, (a, b) in pairs if a != b), min(len(expected), len(got)))
        out.append(f"page {page.number} row {first + 1}: pre-flight {expected[first:first + 2]} "
                   f"LibreOffice {got[first:first + 2]}")
    for row in page.rows:
        if 15 <= row.height_pt <= 22 and row.cells > 28:
            out.append(f"page {page.number}: {row.cells:g} cells in {row.text!r}")
    if model.number is None:
        if page.footer is not None:
            out.append(f"page {page.number} should carry no page number, has {page.footer.text!r}")
    else:
        foot = page.footer
        side = "right" if page.number % 2 else "left"
        if foot is None or foot.text.replace(" ", "") != f"—{page.number}—" or page.footer_side != side \
                or abs(foot.centre_mm - 269.0) > 1.5:
            out.append(f"page {page.number}: footer {foot and (foot.text, page.footer_side, foot.centre_mm)}")
    return out


def seal_page_problems(plan: Preflight, pages: list[PageM]) -> list[str]:
    """The page with the date holds at least two lines of text above the 落款."""
    for model in plan.layout.pages:
        roles = [r.role for r in model.rows]
        if PStyle.DATE.value in roles or PStyle.SIGNATURE.value in roles:
            text = [r for r in model.rows if r.is_text]
            if len(text) < 2:
                return [f"page {model.index}: the 落款 has {len(text)} text line(s) above it"]
    return []


def short_page_problems(plan: Preflight, pages: list[PageM]) -> list[str]:
    """No page but the first and the last ends more than 2 rows short, unless the next must start a page."""
    out = []
    starts = {p.index for p in plan.layout.pages for r in p.rows[:1]
              if isinstance(plan.items[r.item], Para) and plan.items[r.item].page_break_before}  # type: ignore[union-attr]
    for i, page in enumerate(pages[1:-1], start=2):
        if i > plan.layout.page_count - 1:
            break
        model = plan.layout.pages[i - 1]
        if i + 1 in starts or model.blank or _before_section(plan, i):
            continue
        allowed = 2.2
        following = plan.layout.pages[i]
        if model.rows and model.rows[-1].kind == "table" and following.rows:
            # a table row never splits: the page may end short by the height of the row that did not fit
            row = next((r for r in following.rows if r.kind == "table" and r.part), following.rows[0])
            allowed = max(allowed, row.height / 579 + 0.3)
        bottom = max((r.centre_mm + LINE_MM / 2 for r in page.rows), default=TYPE_TOP_MM)
        if (TYPE_BOTTOM_MM - bottom) / LINE_MM > allowed:
            out.append(f"page {i} ends {(TYPE_BOTTOM_MM - bottom) / LINE_MM:.1f} rows short")
    return out


def _before_section(plan: Preflight, index: int) -> bool:
    from fazhi_desktop.export.blocks import SectionBreak

    following = plan.layout.pages[index] if index < plan.layout.page_count else None
    if following is None:
        return False
    firsts = [r.item for r in following.rows[:1]]
    return any(isinstance(it, SectionBreak) for it in plan.items[:firsts[0]][-3:]) if firsts else True


def imprint_problems(plan: Preflight, pages: list[PageM]) -> list[str]:
    rows = [(p, r) for p in pages for r in p.rows if r.text.endswith("印发")]
    if not rows:
        return ["no 版记"]
    page, row = rows[-1]
    out = []
    if page.number % 2 or page is not pages[-1]:
        out.append(f"版记 on page {page.number} of {len(pages)}")
    if row.centre_mm < TYPE_BOTTOM_MM - LINE_MM:
        out.append(f"版记 ends at {row.centre_mm} mm, not at the foot")
    return out
