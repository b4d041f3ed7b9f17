"""The demo database: a complete fictional report of 示例镇, so a newcomer sees a full report."""

from __future__ import annotations

from pathlib import Path

from fazhi_desktop.core.serialize import report_from_dict
from fazhi_desktop.resources import load_json
from fazhi_desktop.storage.location import data_dir
from fazhi_desktop.storage.repository import ReportStore

DEMO_DB_NAME = "demo.db"


def demo_db_path() -> Path:
    return data_dir() / DEMO_DB_NAME


def ensure_demo(store: ReportStore) -> int:
    """Create the demo report in ``store`` unless it is there; returns its id."""
    data = load_json("demo", "demo-report.json")
    existing = store.find_report_id(str(data["unit"]["short_name"]), int(data["year"]))
    if existing is not None:  # (every start with --demo: the whole report is read only to create it)
        return existing
    report = report_from_dict(data)
    unit = store.find_unit(report.unit.short_name) or store.save_unit(report.unit)
    from dataclasses import replace

    created = store.create_report(replace(report, unit=unit))
    assert created.id is not None
    from fazhi_desktop.core.indicators import load_catalog, parse_values

    store.set_indicator_values(created.id, parse_values(load_catalog(), data.get("indicators", {})))
    return created.id
