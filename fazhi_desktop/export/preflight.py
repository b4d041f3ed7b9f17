"""The whole export planned without python-docx: the flow as it will be written and its pages.

:func:`preflight` is what the exporter writes from, what "约 N 页" counts and what the export dialog
shows before anything is written; a preview (issue 20) can draw :attr:`Preflight.layout`.

The plan is measured against LibreOffice (tests/render: 160 generated reports, line for line). Why the
same OOXML lays out the same in Word and WPS:

- every line is an exact height (``w:spacing w:lineRule="exact"``, ``w:snapToGrid w:val="0"``): no grid
  or font metric can change it (ECMA-376 17.3.1.33);
- every break is one Word takes too: the kinsoku lists are Word's Simplified Chinese ones for every mark
  a report uses, and where Word's widths (its 1/4 em autospace, every character condensed) could
  break a line elsewhere, or let a closing mark hang (``w:overflowPunct``), the break is forced by
  spacing that makes the next character overflow in both (linebreak.py);
- what travels with the 落款 carries ``w:keepNext`` *and* ``w:keepLines``: Word would otherwise move
  only a paragraph's last line, LibreOffice the whole paragraph; with both, both move exactly those
  lines (17.3.1.14/15);
- a paragraph split at a page end is ``w:jc="distribute"`` before the split (its last line justified,
  17.18.44) and without a first-line indent after it, so it prints as one paragraph;
- table rows ``w:cantSplit`` with a repeated ``w:tblHeader`` row, the 版记 in rows of exact height;
- the 版记's section starts on an even page (``w:type="evenPage"``) when the text ends on an odd one,
  which every renderer honours by itself; where a blank page is needed it is a real page.
Not verified in Word or WPS themselves (no Windows here): Word's autospace amount and first-line
indent unit are assumptions, marked [unverified] in textmetrics.py.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from fazhi_desktop.core.model import Report, SealMode
from fazhi_desktop.export.body import body_flow, clean, visible_attachments
from fazhi_desktop.export.flow import PStyle
from fazhi_desktop.export.options import ExportOptions
from fazhi_desktop.export.pages import Page, PageLayout, Row, Seal
from fazhi_desktop.export.paginate import Item, paginate
from fazhi_desktop.export.sealplan import plan_signature
from fazhi_desktop.export.signature import Signature
from fazhi_desktop.export.warnings import export_warnings


class Preflight(NamedTuple):
    """The flow items as written, their pages, notes on what the export adjusted, and warnings."""

    items: tuple[Item, ...]
    layout: PageLayout
    notes: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def pages(self) -> int:
        return self.layout.page_count


def effective_options(options: ExportOptions) -> ExportOptions:
    """The 网页公开版 never carries 版头 or 版记."""
    if options.web:
        return replace(options, red_header=False, imprint=False)
    return options


def signature_of(report: Report, options: ExportOptions) -> Signature:
    sealed = report.seal is SealMode.SEALED if options.sealed is None else options.sealed
    organs = tuple(clean(o) for o in report.signatories if clean(o)) or (clean(report.unit.full_name),)
    return Signature(organs[:2], report.date, sealed, report.note)


def _tables_merged_per_page(items: list[Item], cjk: bool) -> tuple[list[Item], PageLayout]:
    from fazhi_desktop.export.attachments import split_merges_at_pages
    from fazhi_desktop.export.blocks import TableBlock

    layout = paginate(items, 0, cjk)
    for _ in range(3):
        changed = False
        for i, item in enumerate(items):
            if isinstance(item, TableBlock):
                split = split_merges_at_pages(item, i, layout)
                if split != item:
                    items[i], changed = split, True
        if not changed:
            break
        layout = paginate(items, 0, cjk)
    return items, layout


def _seals(layout: PageLayout, items: list[Item], sig: Signature) -> PageLayout:
    """The page layout with the seal(s) placed: centred on the date (or each organ name, joint issue),
    its centre a little above the middle of the organ and date lines (gbt9704.md §6.2)."""
    if not sig.sealed:
        return layout
    pages: list[Page] = []
    for page in layout.pages:
        organ = [r for r in page.rows if r.role == PStyle.SIGNATURE.value]
        date = [r for r in page.rows if r.role == PStyle.DATE.value]
        if organ and date:
            y = (organ[0].y + date[0].bottom) // 2 - 142  # 2.5 mm above the middle
            runs = _centres(organ[0], date[0], len(sig.organs))
            page = replace(page, seals=tuple(Seal(x, y) for x in runs))
        pages.append(page)
    return PageLayout(tuple(pages))


def _centres(organ: Row, date: Row, organs: int) -> list[float]:
    """Joint issue: a seal on each organ name, side by side; else one, centred on the date."""
    if organs >= 2:
        return [r.x + r.width / 2 for r in organ.runs if r.text.strip()]
    return [date.runs[0].x + sum(r.width for r in date.runs) / 2]


def preflight(report: Report, options: ExportOptions | None = None) -> Preflight:
    options = effective_options(options or ExportOptions())
    cjk = options.cjk_digits
    notes: list[str] = list(options.fonts.messages())
    header = []
    if options.red_header:
        from fazhi_desktop.export.redheader import red_header_paras

        header = red_header_paras(report, options)[0]
    text = header + body_flow(report, options, notes)
    sig = signature_of(report, options)
    plan = plan_signature(text, sig, options.seal_blank_lines, 0, cjk)
    if plan.note:
        notes.append(plan.note)
    items: list[Item] = list(plan.flow)
    attachments = visible_attachments(options)
    if attachments:  # (附件 and 版记 are planned by modules a plain export does not load)
        from fazhi_desktop.export.attachments import attachment_items

        items, layout = _tables_merged_per_page([*items, *attachment_items(attachments)], cjk)
    else:
        layout = paginate(items, 0, cjk)
    if options.imprint:
        from fazhi_desktop.export.imprintplan import imprint_block, place_imprint

        extra, note = place_imprint(layout, imprint_block(report))
        items += extra
        layout = paginate(items, 0, cjk)
        if note:
            notes.append(note)
    layout = _seals(layout, items, sig)
    return Preflight(tuple(items), layout, tuple(notes), tuple(export_warnings(report, options)))

