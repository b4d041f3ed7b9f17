"""The page count of a report's Word export, from the pagination pre-flight alone (no document is built):
what the county's status board shows for every unit."""

from __future__ import annotations

from fazhi_desktop.core.model import Report
from fazhi_desktop.export.options import ExportOptions
from fazhi_desktop.export.preflight import preflight


def estimate_pages(report: Report, options: ExportOptions | None = None) -> int:
    """Pages of the exported report (title to 落款; no 附件 or 版记), as the export lays them out."""
    return preflight(report, options or ExportOptions()).pages
