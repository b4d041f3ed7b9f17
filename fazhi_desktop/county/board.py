"""The status board of a year: every roster unit (and any other unit with a report that year) with its
received and published dates and the figures of its report, computed once per version of the report."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json

from fazhi_desktop import __version__
from fazhi_desktop.core.county.status import ReportMetrics, UnitStatus, metrics_of
from fazhi_desktop.core.indicators import value_to_json
from fazhi_desktop.core.model import Report, Status, UnitKind
from fazhi_desktop.core.serialize import report_to_dict
from fazhi_desktop.storage.county import CountyStore


def fingerprint(report: Report, values_json: list[dict[str, str | None]]) -> str:
    """Changes whenever the report, its 数据指标 or the program (its check rules) change."""
    data = json.dumps([__version__, report_to_dict(report), values_json], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def compute_metrics(county: CountyStore, report: Report) -> ReportMetrics:
    """Check the report with its 数据指标 and estimate its pages (the slow part of the board)."""
    from fazhi_desktop.core.checks import CheckOptions, check_report
    from fazhi_desktop.export.estimate import estimate_pages

    assert report.id is not None
    store = county.store
    values = store.indicator_values(report.id)
    options = CheckOptions(figures=(store.catalog_for_report(report.id), tuple(values.values())))
    return metrics_of(check_report(report, options), estimate_pages(report), report.char_count())


def report_metrics(county: CountyStore, report_ids: list[int], save: bool = True) -> dict[int, ReportMetrics]:
    """The figures of each report: from the cache when the report has not changed, else computed (and cached
    when ``save`` and the file is writable)."""
    cached = county.cached_metrics(report_ids)
    out: dict[int, ReportMetrics] = {}
    fresh: list[tuple[int, str, str]] = []
    for report_id in report_ids:
        report = county.store.load_report(report_id)
        values = [value_to_json(v) for v in county.store.indicator_values(report_id).values()]
        mark = fingerprint(report, values)
        hit = cached.get(report_id)
        if hit is not None and hit[0] == mark:
            out[report_id] = ReportMetrics.from_json(hit[1])
            continue
        metrics = out[report_id] = compute_metrics(county, report)
        fresh.append((report_id, mark, metrics.to_json()))
    if save and fresh:
        from fazhi_desktop.storage.errors import StorageError

        # a read-only file or a full disk: the board still shows the figures, just uncached
        with contextlib.suppress(StorageError):
            county.save_metrics(fresh)
    return out


def status_lines(county: CountyStore, year: int, today: dt.date | None = None,
                 save: bool = True) -> list[UnitStatus]:
    """The board of ``year``: roster units in roster order, then other units with a report that year
    (the county's own report — kind 县政府 — only when it is on the roster)."""
    today = today or dt.date.today()
    roster = county.roster()
    on_roster = {u.id for u in roster}
    reports = county.report_ids(year)
    by_id = county.units_by_id()
    others = [by_id[uid] for uid in sorted(reports, key=lambda i: by_id[i].short_name)
              if uid not in on_roster and by_id[uid].kind is not UnitKind.COUNTY]
    subs = county.submissions(year)
    metrics = report_metrics(county, [reports[u.id] for u in [*roster, *others] if u.id in reports], save)
    published = county.status_dates(year, Status.PUBLISHED)
    lines = []
    for unit in [*roster, *others]:
        assert unit.id is not None
        report_id = reports.get(unit.id)
        files = subs.get(unit.id, [])
        published_on = published.get(report_id) if report_id is not None else None
        lines.append(UnitStatus(
            unit, year, today, unit.id in on_roster, report_id,
            files[0].received_on if files else None, files[-1].received_on if files else None, len(files),
            published_on, metrics.get(report_id) if report_id is not None else None,
            tuple(f.file_name for f in files)))
    return lines
