"""Shared fixtures. Qt is told to draw offscreen before anything can import PySide6."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fazhi_desktop.core.model import Report
from fazhi_desktop.core.serialize import report_from_dict
from fazhi_desktop.core.templates import new_report
from fazhi_desktop.resources import load_json
from fazhi_desktop.storage.database import open_database
from fazhi_desktop.storage.repository import ReportStore

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"
SAMPLE_TXT = SHARED / "samples" / "qianfo-2021-report.txt"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "fazhi.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[ReportStore]:
    s = ReportStore(open_database(db_path, journal="delete"))
    yield s
    s.db.close()


@pytest.fixture
def demo_report() -> Report:
    """The complete fictional 示例镇 2025 report (no ids)."""
    return report_from_dict(load_json("demo", "demo-report.json"))


@pytest.fixture
def stored_demo(store: ReportStore, demo_report: Report) -> Report:
    from dataclasses import replace

    unit = store.save_unit(demo_report.unit)
    return store.create_report(replace(demo_report, unit=unit))


@pytest.fixture
def template_report(store: ReportStore) -> Report:
    unit = store.ensure_unit("千佛镇")
    return store.create_report(new_report(unit, 2021))
