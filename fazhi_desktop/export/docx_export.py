"""The export entry point: a Report and ExportOptions in, a GB/T 9704 .docx (and HTML) out."""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from pathlib import Path

from docx.document import Document as DocxDocument

from fazhi_desktop.core.model import Report, SealMode
from fazhi_desktop.export.appendix import add_attachments
from fazhi_desktop.export.atomic import write_atomic
from fazhi_desktop.export.body import body_flow, clean, visible_attachments
from fazhi_desktop.export.flow import Para
from fazhi_desktop.export.footer import add_page_numbers
from fazhi_desktop.export.geometry import NARROW, WIDE_NARROW
from fazhi_desktop.export.imprint import Estimate, add_imprint
from fazhi_desktop.export.options import ExportOptions, ExportResult, ShouldStop, checkpoint
from fazhi_desktop.export.paginate import layout, signature_flow, with_last_text_kept
from fazhi_desktop.export.paragraphs import RunStyle, append_paras
from fazhi_desktop.export.redheader import red_header_paras
from fazhi_desktop.export.setup import new_document
from fazhi_desktop.export.signature import Signature


@dataclass(frozen=True)
class Built:
    """The document in memory with its flow, estimated pages and notes."""

    doc: DocxDocument
    flow: list[Para]  # title … date, as written
    pages: int
    notes: tuple[str, ...]


def signature_of(report: Report, options: ExportOptions) -> Signature:
    sealed = report.seal is SealMode.SEALED if options.sealed is None else options.sealed
    organs = tuple(clean(o) for o in report.signatories if clean(o)) or (clean(report.unit.full_name),)
    return Signature(organs[:2], report.date, sealed, report.note)


def effective_options(options: ExportOptions) -> ExportOptions:
    """The 网页公开版 never carries 版头 or 版记."""
    if options.web:
        return replace(options, red_header=False, imprint=False)
    return options


def build(report: Report, options: ExportOptions | None = None, should_stop: ShouldStop | None = None) -> Built:
    """The document in memory (no file written); ``should_stop`` is asked between the stages."""
    options = effective_options(options or ExportOptions())
    notes: list[str] = list(options.fonts.messages())
    doc = new_document(options.fonts, options.cjk_digits, options.level3_bold)
    style = RunStyle(options.fonts, options.cjk_digits)
    header, header_twips = red_header_paras(report, options) if options.red_header else ([], 0)
    text = with_last_text_kept(body_flow(report, options, notes))
    checkpoint(should_stop)
    sig = signature_of(report, options)
    sig_paras, plan = signature_flow(text, sig, options.seal_blank_lines, header_twips)
    if plan.note:
        notes.append(plan.note)
    flow = [*header, *text, *sig_paras]
    append_paras(doc.element.body, flow, style, should_stop)
    checkpoint(should_stop)
    # the wider-digit estimate matters only to the 版记's placement (see add_imprint)
    estimates = [_estimate(flow, narrow) for narrow in ((NARROW, WIDE_NARROW) if options.imprint else (NARROW,))]
    attachments = visible_attachments(options)
    if attachments:
        extra, end = add_attachments(doc, attachments, style)
        estimates = [Estimate(e.pages + extra, end) for e in estimates]
    add_page_numbers(doc.sections[0], options.fonts)
    pages = estimates[0].pages
    if options.imprint:
        pages = add_imprint(doc, report, style, estimates[0], estimates[1], notes)
    return Built(doc, flow, pages, tuple(notes))


def _estimate(flow: list[Para], narrow: float) -> Estimate:
    placements = layout(flow, narrow=narrow)
    if not placements:
        return Estimate(1, 0)
    return Estimate(placements[-1].last_page, placements[-1].end_twips)


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
    return ExportResult(path, built.pages, built.notes, written_html)



