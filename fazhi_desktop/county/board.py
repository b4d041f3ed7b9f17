"""The status board of a year: every roster unit (and any other unit with a report that year) with its
received and published dates and the figures of its report, computed once per version of the report."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, replace

from fazhi_desktop import __version__
from fazhi_desktop.core.county.status import ReportMetrics, UnitStatus, metrics_of
from fazhi_desktop.core.indicators import Catalog, IndicatorValue, value_to_json
from fazhi_desktop.core.model import Report, Status, UnitKind
from fazhi_desktop.core.serialize import report_to_dict
from fazhi_desktop.storage.county import CountyStore


def fingerprint(report: Report, values_json: list[dict[str, str | None]]) -> str:
    """Changes whenever the report, its 数据指标 or the program (its check rules) change — but not with its
    status (已报送, 已公开 and their dates), which neither the checks nor the pages depend on."""
    body = {k: v for k, v in report_to_dict(report).items() if k not in ("status", "status_dates")}
    data = json.dumps([__version__, body, values_json], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Pending:
    """A report whose board figures are not cached, or were cached for another version of it: what computing
    them needs, loaded from the data file beforehand so that :func:`compute` needs no connection."""

    report_id: int
    report: Report
    catalog: Catalog
    values: tuple[IndicatorValue, ...]
    mark: str  # the fingerprint the figures are cached under

    def cache_row(self, metrics: ReportMetrics) -> tuple[int, str, str]:
        return self.report_id, self.mark, metrics.to_json()


def compute(pending: Pending) -> ReportMetrics:
    """Check the report with its 数据指标 and estimate its pages (the slow part of the board). Pure: it may
    run in a worker thread."""
    from fazhi_desktop.core.checks import CheckOptions, check_report
    from fazhi_desktop.export.estimate import estimate_pages

    report = pending.report
    options = CheckOptions(figures=(pending.catalog, pending.values))
    return metrics_of(check_report(report, options), estimate_pages(report), report.char_count())


def cached_or_pending(county: CountyStore, report_ids: list[int]) -> tuple[dict[int, ReportMetrics], list[Pending]]:
    """The figures of the reports whose cache is current, and what computing the others needs."""
    cached = county.cached_metrics(report_ids)
    store = county.store
    out: dict[int, ReportMetrics] = {}
    pending: list[Pending] = []
    for report_id in report_ids:
        report = store.load_report(report_id)
        values = store.indicator_values(report_id)
        mark = fingerprint(report, [value_to_json(v) for v in values.values()])
        hit = cached.get(report_id)
        if hit is not None and hit[0] == mark:
            out[report_id] = ReportMetrics.from_json(hit[1])
        else:
            pending.append(Pending(report_id, report, store.catalog_for_report(report_id), tuple(values.values()),
                                   mark))
    return out, pending


def save_computed(county: CountyStore, rows: list[tuple[int, str, str]]) -> bool:
    """Cache computed figures; False when the file cannot take them (read-only, full disk, a report deleted
    meanwhile): the board still shows them, just uncached."""
    from fazhi_desktop.storage.errors import StorageError

    try:
        county.save_metrics(rows)
    except StorageError:
        return False
    return True


def report_metrics(county: CountyStore, report_ids: list[int], save: bool = True) -> dict[int, ReportMetrics]:
    """The figures of each report: from the cache when the report has not changed, else computed (and cached
    when ``save`` and the file is writable)."""
    out, pending = cached_or_pending(county, report_ids)
    fresh = []
    for item in pending:
        metrics = out[item.report_id] = compute(item)
        fresh.append(item.cache_row(metrics))
    if save and fresh:
        save_computed(county, fresh)
    return out


def status_board(county: CountyStore, year: int,
                 today: dt.date | None = None) -> tuple[list[UnitStatus], list[Pending]]:
    """The board of ``year`` with the cached figures only, and the reports whose figures are still to be
    computed (their lines say so: ``metrics_pending``): the 汇总 view shows this at once."""
    lines, report_ids = _lines(county, year, today)
    cached, pending = cached_or_pending(county, report_ids)
    waiting = {p.report_id for p in pending}
    return [replace(s, metrics=cached.get(s.report_id) if s.report_id is not None else None,
                    metrics_pending=s.report_id in waiting) for s in lines], pending


def status_lines(county: CountyStore, year: int, today: dt.date | None = None,
                 save: bool = True) -> list[UnitStatus]:
    """The board of ``year``: roster units in roster order, then other units with a report that year
    (the county's own report — kind 县政府 — only when it is on the roster), every figure computed."""
    lines, report_ids = _lines(county, year, today)
    metrics = report_metrics(county, report_ids, save)
    return [replace(s, metrics=metrics.get(s.report_id) if s.report_id is not None else None) for s in lines]


def _lines(county: CountyStore, year: int, today: dt.date | None) -> tuple[list[UnitStatus], list[int]]:
    """The board's lines without figures, and the reports they show."""
    today = today or dt.date.today()
    roster = county.roster()
    on_roster = {u.id for u in roster}
    reports = county.report_ids(year)
    by_id = county.units_by_id()
    others = [by_id[uid] for uid in sorted(reports, key=lambda i: by_id[i].short_name)
              if uid not in on_roster and by_id[uid].kind is not UnitKind.COUNTY]
    subs = county.submissions(year)
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
            published_on, None, tuple(f.file_name for f in files)))
    return lines, [s.report_id for s in lines if s.report_id is not None]
