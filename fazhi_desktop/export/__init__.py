"""The only package that imports python-docx: the GB/T 9704 Word export."""

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

__all__ = [
    "Attachment",
    "AttachmentTable",
    "ExportCancelled",
    "ExportError",
    "ExportOptions",
    "ExportResult",
    "FontMap",
    "TargetLockedError",
    "build",
    "canonical_map",
    "export_docx",
    "installed_map",
]
