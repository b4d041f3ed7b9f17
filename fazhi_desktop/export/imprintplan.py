"""Where the 版记 goes (GB/T 9704 7.4, 7.5): at the foot of an even page (no python-docx).

The pre-flight knows the last page and how far down it is filled, so:

- the last page is even and has room (with two lines between the seal's date and the 版记): blank
  grid lines, then the 版记, whose last rule lands on the bottom edge of the type area;
- the last page is odd: a new section starting on an even page (``w:type="evenPage"``), which is the
  next page in every renderer, so no blank page is needed and none can appear;
- the last page is even and full: a new, unnumbered section: a blank page that is a real page (an
  empty paragraph, so that no renderer or PDF export drops it as "automatically inserted"), then the
  版记 page; neither carries a page number (7.5).
"""

from __future__ import annotations

from dataclasses import replace

from fazhi_desktop.core.model import Report
from fazhi_desktop.core.schema import format_date_cn
from fazhi_desktop.export.blocks import ImprintBlock, ImprintRow, SectionBreak
from fazhi_desktop.export.body import clean
from fazhi_desktop.export.flow import Para, PStyle, blank
from fazhi_desktop.export.geometry import LINE, TEXT_H, TEXT_W
from fazhi_desktop.export.linebreak import Rooms, break_lines
from fazhi_desktop.export.pages import PageLayout
from fazhi_desktop.export.textmetrics import PROFILES, Span

ONE_CHAR = 280  # one 四号 character
TAIL_TWIPS = 20  # the tiny paragraph Word requires after a table


def imprint_texts(report: Report) -> tuple[str, str, str]:
    """(抄送 line or "", 印发机关, "2026年1月16日印发")."""
    cc = clean(report.imprint_cc) or clean(report.unit.default_cc)
    if cc:
        cc = "抄送：" + cc.removeprefix("抄送：").rstrip("。；;，,") + "。"
    printer = clean(report.imprint_printer) or clean(report.unit.full_name)
    when = report.imprint_date or report.date
    return cc, printer, (format_date_cn(when) + "印发") if when else "印发"


def cc_rooms() -> tuple[float, float]:
    """Widths (pt) of the 抄送's first line (1 character in from both sides) and of the lines after it
    (under the first name, 3 characters further in)."""
    return (TEXT_W - 2 * ONE_CHAR) / 20, (TEXT_W - 5 * ONE_CHAR) / 20


def cc_lines(cc: str) -> int:
    """Lines of the 抄送 row."""
    first, rest = cc_rooms()
    rooms = Rooms(dict.fromkeys(PROFILES, first), dict.fromkeys(PROFILES, rest))
    return len(break_lines(cc, (Span(len(cc), 14.0, 0.0),), rooms))


def imprint_block(report: Report) -> ImprintBlock:
    cc, printer, printed = imprint_texts(report)
    rows = [ImprintRow(cc, cc_lines(cc))] if cc else []
    rows.append(ImprintRow(f"{printer}\t{printed}", 1, 6 if cc else 0))
    return ImprintBlock(tuple(rows))


def _filler(lines: int) -> list[Para]:
    return [blank() for _ in range(lines)]


def tail_paragraph() -> Para:
    return Para(PStyle.BLANK, line_twips=TAIL_TWIPS, is_text=False)


def place_imprint(layout: PageLayout, block: ImprintBlock) -> tuple[list[Para | ImprintBlock | SectionBreak], str]:
    """The items that follow the content to put ``block`` at the foot of an even page, and a note."""
    last = layout.pages[-1]
    end = max((r.bottom for r in last.rows), default=0)
    seal = any(r.role == PStyle.DATE.value for r in last.rows)
    free = (TEXT_H - end - block.height - TAIL_TWIPS) // LINE
    if last.index % 2 == 0 and free >= (2 if seal else 1):
        return [*_filler(free), block, tail_paragraph()], ""
    fill = (TEXT_H - block.height - TAIL_TWIPS) // LINE
    if last.index % 2:
        return [SectionBreak(even_page=True), *_filler(fill), block, tail_paragraph()], ""
    first, *rest = _filler(fill)
    items: list[Para | ImprintBlock | SectionBreak] = [SectionBreak(numbered=False), blank(),
                                                       replace(first, page_break_before=True), *rest,
                                                       block, tail_paragraph()]
    return items, "为使版记位于偶数页末，版记前留一空白页（空白页和版记页不编页码）"

