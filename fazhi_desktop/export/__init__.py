"""The only package that imports python-docx: the GB/T 9704 Word export.

Only the writer modules (docx_export, paragraphs, appendix, imprint, footer, setup, ooxml) import
python-docx; the plan of the pages (preflight, pages, paginate, paralayout, linebreak, textmetrics …)
does not, so a preview in ui/ can import it without loading python-docx. The names below are
imported on first use for the same reason.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fazhi_desktop.export.docx_export import build, export_docx
    from fazhi_desktop.export.fonts import FontMap, canonical_map, installed_map
    from fazhi_desktop.export.options import (
        Attachment,
        AttachmentTable,
        ExportCancelled,
        ExportError,
        ExportOptions,
        ExportResult,
        TargetLockedError,
    )

_WHERE = {
    "build": "docx_export", "export_docx": "docx_export",
    "FontMap": "fonts", "canonical_map": "fonts", "installed_map": "fonts",
    "Attachment": "options", "AttachmentTable": "options", "ExportCancelled": "options", "ExportError": "options",
    "ExportOptions": "options", "ExportResult": "options", "TargetLockedError": "options",
}

__all__ = ["Attachment", "AttachmentTable", "ExportCancelled", "ExportError", "ExportOptions", "ExportResult",
           "FontMap", "TargetLockedError", "build", "canonical_map", "export_docx", "installed_map"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"fazhi_desktop.export.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'fazhi_desktop.export' has no attribute {name!r}")
