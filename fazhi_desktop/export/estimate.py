"""The page count of a report's Word export, from the pagination pre-flight alone (no document is built):
what the county's status board shows for every unit."""

from __future__ import annotations

from fazhi_desktop.core.model import Report
from fazhi_desktop.export.body import body_flow
from fazhi_desktop.export.docx_export import signature_of
from fazhi_desktop.export.options import ExportOptions
from fazhi_desktop.export.paginate import layout, signature_flow, with_last_text_kept


def estimate_pages(report: Report, options: ExportOptions | None = None) -> int:
    """Pages of the exported report (title to 落款; no 附件 or 版记), as the export would estimate them."""
    options = options or ExportOptions()
    text = with_last_text_kept(body_flow(report, options, []))
    sig_paras, _ = signature_flow(text, signature_of(report, options), options.seal_blank_lines, 0)
    placements = layout([*text, *sig_paras])
    return placements[-1].last_page if placements else 1
