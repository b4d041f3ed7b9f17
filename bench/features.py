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
    return _has("fazhi_desktop.ui.launcher")


def exporter() -> Callable[[Report, Path], object] | None:
    """Export a report to a .docx path, in-process."""
    return None


def importer() -> Callable[[Path], Report] | None:
    """Read a .docx or .txt into a Report, in-process (no database)."""
    return None


def checker() -> Callable[[Report], object] | None:
    """Run every proofreading rule on a report."""
    return None
