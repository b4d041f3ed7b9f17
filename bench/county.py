"""The county office's side at scale: a data file with 80 units × 10 years (each unit's report with its
数据指标, the year 2025 received as files), the status board, ``county status`` and ``county table``."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from bench import inputs
from bench.cases import ENV, PY, Row, _row
from bench.measure import Timing, time_call, time_process

if TYPE_CHECKING:
    from fazhi_desktop.core.indicators import IndicatorValue
    from fazhi_desktop.core.model import Report, Unit
    from fazhi_desktop.storage.county import CountyStore
    from fazhi_desktop.storage.repository import ReportStore

UNITS, YEARS, YEAR = 80, 10, 2025


def build_county(path: Path, chars: int = 4000) -> Path:
    """80 roster units (60 townships, 20 departments), a report for each of 2016–2025, figures in each, and
    the 2025 report received as a file."""
    from fazhi_desktop.core.indicators import load_catalog, parse_values
    from fazhi_desktop.core.units import unit_for
    from fazhi_desktop.resources import load_json
    from fazhi_desktop.storage.county import CountyStore
    from fazhi_desktop.storage.database import open_database
    from fazhi_desktop.storage.repository import ReportStore

    if path.exists():
        return path
    store = ReportStore(open_database(path))
    county = CountyStore(store)
    county.set_county_name("安平县")
    names = [f"第{n + 1}镇" for n in range(60)] + [f"县第{n + 1}局" for n in range(20)]
    units = [u for u, _ in county.add_to_roster([unit_for(n, county="安平县") for n in names])]
    figures = parse_values(load_catalog(), load_json("demo", "demo-report.json")["indicators"])
    template = inputs.sized_report(chars)
    with store.db.atomic():  # one commit for the whole file (the build is set-up, not measured)
        _fill(store, county, units, template, figures)
    store.db.close()
    return path


def _fill(store: ReportStore, county: CountyStore, units: list[Unit], template: Report,
          figures: dict[str, IndicatorValue]) -> None:
    from fazhi_desktop.storage.county import Received

    for index, unit in enumerate(units):
        for year in range(YEAR - YEARS + 1, YEAR):
            made = store.create_report(replace(template, unit=unit, year=year), list(figures))
            store.set_indicator_values(made.id or 0, figures)
        data = f"{unit.short_name}的报告".encode() * 200
        received = Received(f"{unit.short_name}.docx", "docx", hashlib.sha256(data).hexdigest(), data,
                            dt.date(2026, 2, 20) + dt.timedelta(days=index % 20))
        county.store_received(replace(template, unit=unit, year=YEAR), figures, received)


def _view_times(db: Path, runs: int, until_filled: bool = False, stale: bool = False) -> Timing:
    """Seconds from the 汇总 menu to the board drawn (``until_filled``: to the last figure filled in), in a
    fresh window each run (bench/county_view.py); ``stale``: every cached figure made out of date first."""
    times = []
    for _ in range(runs + 1):  # the first run warms the disk cache and the .pyc files
        if stale:
            _make_stale(db)
        argv = [PY, str(Path(__file__).with_name("county_view.py")), str(db), *(["--until-filled"] * until_filled)]
        done = subprocess.run(argv, env=ENV, capture_output=True, text=True, check=True, timeout=120)
        times.append(float(done.stdout.strip().splitlines()[-1]))
    kept = sorted(times[1:])
    return Timing(kept[len(kept) // 2], kept[0], kept[-1], len(kept))


def _open(db: Path) -> tuple[ReportStore, CountyStore]:
    from fazhi_desktop.storage.county import CountyStore
    from fazhi_desktop.storage.database import open_database
    from fazhi_desktop.storage.repository import ReportStore

    store = ReportStore(open_database(db))
    return store, CountyStore(store)


def _warm(db: Path) -> None:
    """Every figure of the year cached, as collecting (or the window) leaves them."""
    from fazhi_desktop.county.board import status_lines

    store, county_store = _open(db)
    status_lines(county_store, YEAR)
    store.db.close()


def _make_stale(db: Path) -> None:
    """Every cached figure out of date, as after a program upgrade (the fingerprint holds the version)."""
    store, _ = _open(db)
    store.db.execute("UPDATE report_metrics SET fingerprint = 'an older version'")
    store.db.close()


def _status_beside_the_window(db: Path, cli: list[str], runs: int) -> Timing:
    """``county status`` (read-only: it caches nothing) while a window holds the data file and has just
    saved a change to one report whose figures it has not worked out again yet (it does 3 s later)."""
    from fazhi_desktop.storage.session import open_session

    _warm(db)
    session = open_session(db, daily_backup=False)
    try:
        store = session.store
        report_id = store.find_report_id("第1镇", YEAR)
        assert report_id is not None
        store.update_report_field(report_id, "opening", store.load_report(report_id).opening + "（修改）")
        return time_process([*cli, "county", "status", "--year", str(YEAR)], runs, env=ENV)
    finally:
        session.close(backup=False)


def county(work: Path, runs: int) -> list[Row]:
    from fazhi_desktop.county.board import status_lines

    db = build_county(work / "county.db")
    cli = [PY, "-m", "fazhi_desktop", "--db", str(db)]
    _warm(db)
    base = time_process([*cli, "list"], runs, env=ENV)
    status = time_process([*cli, "county", "status", "--year", str(YEAR)], runs, env=ENV)
    beside = _status_beside_the_window(db, cli, runs)
    table = time_process([*cli, "county", "table", "--year", str(YEAR), "-o", str(work / "汇总.xlsx")], runs, env=ENV)
    _warm(db)
    view = _view_times(db, runs)
    view_stale = _view_times(db, runs, stale=True)
    filled_stale = _view_times(db, runs, until_filled=True, stale=True)
    _make_stale(db)  # `county status` reads only: every run works out all 80 reports' figures again
    status_stale = time_process([*cli, "county", "status", "--year", str(YEAR)], runs, env=ENV)
    store, county_store = _open(db)

    def cold() -> None:
        store.db.execute("DELETE FROM report_metrics")
        status_lines(county_store, YEAR)

    first = time_call(cold, max(1, runs // 2), warmup=0)
    checks, pages = _parts(county_store, runs)
    store.db.close()
    name = f"{UNITS} 个单位 × {YEARS} 年"
    return [
        _row(f"基线：fazhi-desktop list（{name}，整个进程）", base),
        _row(f"汇总视图打开（{name}，各报告的检查结果已缓存）", view, target="≤ 1 s", met=view.median <= 1.0),
        _row(f"汇总视图打开（{name}，缓存全部过期，如升级程序后）", view_stale, target="≤ 1 s",
             met=view_stale.median <= 1.0, note="先显示已知各项，页数等“计算中…”"),
        _row("　同上，到各单位的页数、问题数全部填好", filled_stale, note="后台逐份检查并缓存，窗口一直可用"),
        _row(f"county status（{name}，缓存已是最新，整个进程）", status, "list 进程", base, "≤ 1 s",
             status.median <= 1.0),
        _row("county status（只读，窗口开着且刚改过一份报告，整个进程）", beside, "list 进程", base, "≤ 1 s",
             beside.median <= 1.0, note="改过的这一份现算；窗口 3 秒后会重算并缓存"),
        _row("county status（缓存全部过期：升级程序后、窗口还没打开过，整个进程）", status_stale, "list 进程", base,
             "≤ 1 s", status_stale.median <= 1.0, note="窗口打开 8 秒后在后台算好，此后同第一行"),
        _row(f"county table -o 汇总.xlsx（{name}，整个进程）", table, "list 进程", base, "≤ 2 s",
             table.median <= 2.0),
        _row(f"汇总首次计算（{UNITS} 份报告逐份检查、估页，进程内）", first,
             note="收取报告时已算好并缓存；窗口里改过的报告由窗口重算"),
        _row(f"　其中：检查（{UNITS} 份，带数据指标）", checks),
        _row(f"　其中：排版预演估页（{UNITS} 份）", pages),
    ]


def _parts(county_store: CountyStore, runs: int) -> tuple[Timing, Timing]:
    """The two halves of working out the board's figures, in process: the checks and the page estimates."""
    from fazhi_desktop.core.checks import CheckOptions, check_report
    from fazhi_desktop.county.board import cached_or_pending
    from fazhi_desktop.export.estimate import estimate_pages

    county_store.store.db.execute("DELETE FROM report_metrics")
    _, pending = cached_or_pending(county_store, list(county_store.report_ids(YEAR).values()))
    checks = time_call(lambda: [check_report(p.report, CheckOptions(figures=(p.catalog, p.values))) for p in pending],
                       runs)
    pages = time_call(lambda: [estimate_pages(p.report) for p in pending], runs)
    return checks, pages
