"""The export entry point: a Report and ExportOptions in, a GB/T 9704 .docx (and HTML) out.

Everything is planned by :func:`~fazhi_desktop.export.preflight.preflight` (which needs no
python-docx); this module only writes the planned flow, item by item.
"""

from __future__ import annotations

import io
from copy import deepcopy
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from fazhi_desktop.core.model import Report
from fazhi_desktop.export.atomic import write_atomic
from fazhi_desktop.export.flow import Para
from fazhi_desktop.export.footer import add_page_numbers, blank_footers
from fazhi_desktop.export.options import ExportOptions, ExportResult, ShouldStop, checkpoint
from fazhi_desktop.export.paragraphs import RunStyle, append_paras
from fazhi_desktop.export.preflight import Preflight, effective_options, preflight
from fazhi_desktop.export.setup import new_document

if TYPE_CHECKING:
    from fazhi_desktop.export.blocks import SectionBreak


class Built(NamedTuple):
    """The document in memory with its plan (flow, pages, notes, warnings)."""

    doc: DocxDocument
    plan: Preflight

    @property
    def flow(self) -> list[Para]:
        return [i for i in self.plan.items if isinstance(i, Para)]

    @property
    def pages(self) -> int:
        return self.plan.pages

    @property
    def notes(self) -> tuple[str, ...]:
        return self.plan.notes


def _section_break(doc: DocxDocument, item: SectionBreak) -> None:
    """End the section at the last paragraph written (its w:pPr carries a copy of the section
    properties, so no extra paragraph takes a line) and start the next one on a new page."""
    body = doc.element.body
    final = body.find(qn("w:sectPr"))
    last_p = final.getprevious()
    while last_p is not None and last_p.tag != qn("w:p"):
        last_p = last_p.getprevious()
    assert last_p is not None, "a section break follows a paragraph"
    last_p.get_or_add_pPr().append(deepcopy(final))
    kind = final.find(qn("w:type"))
    if kind is None:
        kind = final.makeelement(qn("w:type"), {})
        final.insert(0, kind)
    kind.set(qn("w:val"), "evenPage" if item.even_page else "nextPage")
    if not item.numbered:  # own, empty footers (the copied references would blank the body's too)
        for ref in final.findall(qn("w:footerReference")):
            final.remove(ref)
        blank_footers(doc.sections[-1])


def build(report: Report, options: ExportOptions | None = None, should_stop: ShouldStop | None = None) -> Built:
    """The document in memory (no file written); ``should_stop`` is asked between the stages."""
    options = effective_options(options or ExportOptions())
    plan = preflight(report, options)
    checkpoint(should_stop)
    doc = new_document(options.fonts, options.cjk_digits, options.level3_bold)
    style = RunStyle(options.fonts, options.cjk_digits)
    add_page_numbers(doc.sections[0], options.fonts)
    body = doc.element.body
    sect = body.find(qn("w:sectPr"))
    paras: list[Para] = []
    for item in plan.items:
        if isinstance(item, Para):
            paras.append(item)
            continue
        append_paras(body, paras, style, should_stop)
        paras = []
        # a block of the 附件 or the 版记: its modules are loaded (they made it); a plain export loads none
        from fazhi_desktop.export.appendix import table_element
        from fazhi_desktop.export.blocks import ImprintBlock, SectionBreak, TableBlock
        from fazhi_desktop.export.imprint import imprint_element

        if isinstance(item, TableBlock):
            sect.addprevious(table_element(item, style))
        elif isinstance(item, ImprintBlock):
            sect.addprevious(imprint_element(item, style))
        elif isinstance(item, SectionBreak):
            _section_break(doc, item)
            sect = body.find(qn("w:sectPr"))
    append_paras(body, paras, style, should_stop)
    checkpoint(should_stop)
    return Built(doc, plan)


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def export_docx(report: Report, path: Path, options: ExportOptions | None = None,
                html_path: Path | None = None, should_stop: ShouldStop | None = None) -> ExportResult:
    """Write the report to ``path`` (atomically); raises ExportError / TargetLockedError, and
    ExportCancelled when ``should_stop`` says so before the file is moved into place."""
    options = effective_options(options or ExportOptions())
    built = build(report, options, should_stop)
    checkpoint(should_stop)
    path = Path(path)

    def save(tmp: Path) -> None:
        # Built in memory, then written: a full disk fails the plain write, never python-docx's open ZipFile
        # (which would complain again when collected: "Exception ignored in ZipFile.__del__").
        buffer = io.BytesIO()
        built.doc.save(buffer)
        tmp.write_bytes(buffer.getvalue())
        checkpoint(should_stop)  # the last chance: after this the file replaces the old one

    write_atomic(path, save)
    written_html = None
    if html_path is not None:
        from fazhi_desktop.export.html import report_html

        page = report_html(report, replace(options, web=True))
        write_atomic(Path(html_path), lambda tmp: _write_text(tmp, page))
        written_html = Path(html_path)
    return ExportResult(path, built.pages, built.notes, written_html, built.plan.warnings)
