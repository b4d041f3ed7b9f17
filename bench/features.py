"""Adapters from the benchmark to the features it measures; each returns None where a feature is absent."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

from fazhi_desktop.core.model import Report


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def app_available() -> bool:
    return _has("fazhi_desktop.ui.window.launcher")


def exporter() -> Callable[[Report, Path], object] | None:
    """Export a report to a .docx path, in-process."""
    if not _has("fazhi_desktop.export.docx_export"):
        return None
    from fazhi_desktop.export.docx_export import export_docx

    return lambda report, path: export_docx(report, path)


def importer() -> Callable[[Path], object] | None:
    """Read a .docx or .txt into the report structure, in-process (no database)."""
    if not _has("fazhi_desktop.importers.load"):
        return None
    from fazhi_desktop.importers.load import import_file

    return import_file


def checker() -> Callable[[Report], object] | None:
    """Run every proofreading rule on a report."""
    if not _has("fazhi_desktop.core.checks"):
        return None
    from fazhi_desktop.core.checks import check_report

    return check_report
