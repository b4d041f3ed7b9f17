"""Writing the review notes of a year: one GB/T 9704 Word file per unit that reported, through the export.

What each note needs is read from the data file first (:func:`review_jobs`); writing a note
(:func:`write_note`: check, lay out, save) needs no connection, so the window runs it in a worker thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from fazhi_desktop.core.county.status import UnitStatus
from fazhi_desktop.core.indicators import Catalog, IndicatorValue
from fazhi_desktop.core.model import Report
from fazhi_desktop.county.board import status_board
from fazhi_desktop.storage.county import CountyStore


@dataclass(frozen=True)
class Written:
    unit: str
    path: Path
    summary: str


@dataclass(frozen=True)
class NoteJob:
    """One unit's review note, everything read: its board line (figures may still be missing), its report
    with its 数据指标, who signs and when."""

    line: UnitStatus
    report: Report
    catalog: Catalog
    values: tuple[IndicatorValue, ...]
    signer: str
    on: dt.date
    with_info: bool = False


def file_name(unit: str, year: int) -> str:
    return f"{unit}{year}年度报告审核意见.docx"


def review_jobs(county: CountyStore, year: int, units: list[str] | None = None, with_info: bool = False,
                on: dt.date | None = None, office: str | None = None) -> list[NoteJob]:
    """The notes to write for every unit with a report of ``year`` (or only ``units``), signed by ``office``
    (default: the county office's stored name); raises ValueError (Chinese) when there are none."""
    lines = [s for s in status_board(county, year)[0] if s.report_id is not None]
    if units:
        known = {s.unit.short_name for s in lines}
        unknown = [u for u in units if u not in known]
        if unknown:
            raise ValueError(f"这些单位没有{year}年度的报告：{'、'.join(unknown)}")
        lines = [s for s in lines if s.unit.short_name in units]
    if not lines:
        raise ValueError(f"还没有收到任何单位{year}年度的报告。")
    store = county.store
    signer = (office or "").strip() or county.office_name()
    jobs = []
    for line in lines:
        assert line.report_id is not None
        jobs.append(NoteJob(line, store.load_report(line.report_id), store.catalog_for_report(line.report_id),
                            tuple(store.indicator_values(line.report_id).values()), signer,
                            on or dt.date.today(), with_info))
    return jobs


def write_note(job: NoteJob, folder: Path) -> Written:
    """Check the report and write its note into ``folder`` (raises OSError with a Chinese reason)."""
    from dataclasses import replace

    from fazhi_desktop.core.checks import CheckOptions, check_report
    from fazhi_desktop.core.county.review import review_report, wanted
    from fazhi_desktop.core.county.status import metrics_of
    from fazhi_desktop.export import ExportError, export_docx
    from fazhi_desktop.export.estimate import estimate_pages

    report = job.report
    findings = check_report(report, CheckOptions(figures=(job.catalog, job.values)))
    line = job.line
    if line.metrics is None:  # not cached yet: the note says how long the report is all the same
        line = replace(line, metrics=metrics_of(findings, estimate_pages(report), report.char_count()))
    note, summary = review_report(report, wanted(findings, job.with_info), line, job.signer, job.on)
    path = folder / file_name(line.unit.short_name, line.year)
    try:
        export_docx(note, path)
    except ExportError as exc:
        raise OSError(str(exc)) from exc
    return Written(line.unit.short_name, path, summary.text())


def write_review_notes(county: CountyStore, year: int, folder: Path, units: list[str] | None = None,
                       with_info: bool = False, on: dt.date | None = None,
                       office: str | None = None) -> list[Written]:
    """Every note of :func:`review_jobs` written into ``folder``."""
    return [write_note(job, folder) for job in review_jobs(county, year, units, with_info, on, office)]
