"""Writing the review notes of a year: one GB/T 9704 Word file per unit that reported, through the export."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from fazhi_desktop.core.county.review import review_report, wanted
from fazhi_desktop.core.county.status import UnitStatus
from fazhi_desktop.county.board import status_lines
from fazhi_desktop.storage.county import CountyStore


@dataclass(frozen=True)
class Written:
    unit: str
    path: Path
    summary: str


def file_name(unit: str, year: int) -> str:
    return f"{unit}{year}年度报告审核意见.docx"


def write_review_note(county: CountyStore, line: UnitStatus, folder: Path, with_info: bool = False,
                      on: dt.date | None = None, office: str | None = None) -> Written:
    """The review note of one unit's report (which must exist) written into ``folder``."""
    from fazhi_desktop.core.checks import CheckOptions, check_report
    from fazhi_desktop.export import ExportError, export_docx

    assert line.report_id is not None
    store = county.store
    report = store.load_report(line.report_id)
    values = store.indicator_values(line.report_id)
    options = CheckOptions(figures=(store.catalog_for_report(line.report_id), tuple(values.values())))
    findings = wanted(check_report(report, options), with_info)
    signer = (office or "").strip() or county.office_name()
    note, summary = review_report(report, findings, line, signer, on or dt.date.today())
    path = folder / file_name(line.unit.short_name, line.year)
    try:
        export_docx(note, path)
    except ExportError as exc:
        raise OSError(str(exc)) from exc
    return Written(line.unit.short_name, path, summary.text())


def write_review_notes(county: CountyStore, year: int, folder: Path, units: list[str] | None = None,
                       with_info: bool = False, on: dt.date | None = None,
                       office: str | None = None) -> list[Written]:
    """Review notes for every unit with a report of ``year`` (or only ``units``), signed by ``office``
    (default: the county office's stored name)."""
    lines = [s for s in status_lines(county, year) if s.report_id is not None]
    if units:
        known = {s.unit.short_name for s in lines}
        unknown = [u for u in units if u not in known]
        if unknown:
            raise ValueError(f"这些单位没有{year}年度的报告：{'、'.join(unknown)}")
        lines = [s for s in lines if s.unit.short_name in units]
    if not lines:
        raise ValueError(f"还没有收到任何单位{year}年度的报告。")
    return [write_review_note(county, line, folder, with_info, on, office) for line in lines]
