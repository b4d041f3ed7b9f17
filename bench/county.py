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


def _view_times(db: Path, runs: int) -> Timing:
    """Seconds from the 汇总 menu to the board drawn, in a fresh window each run (bench/county_view.py)."""
    times = []
    for _ in range(runs + 1):  # the first run warms the disk cache and the .pyc files
        done = subprocess.run([PY, str(Path(__file__).with_name("county_view.py")), str(db)], env=ENV,
                              capture_output=True, text=True, check=True, timeout=120)
        times.append(float(done.stdout.strip().splitlines()[-1]))
    kept = sorted(times[1:])
    return Timing(kept[len(kept) // 2], kept[0], kept[-1], len(kept))


def county(work: Path, runs: int) -> list[Row]:
    from fazhi_desktop.county.board import status_lines
    from fazhi_desktop.storage.county import CountyStore
    from fazhi_desktop.storage.database import open_database
    from fazhi_desktop.storage.repository import ReportStore

    db = build_county(work / "county.db")
    cli = [PY, "-m", "fazhi_desktop", "--db", str(db)]
    base = time_process([*cli, "list"], runs, env=ENV)
    status = time_process([*cli, "county", "status", "--year", str(YEAR)], runs, env=ENV)
    table = time_process([*cli, "county", "table", "--year", str(YEAR), "-o", str(work / "汇总.xlsx")], runs, env=ENV)
    store = ReportStore(open_database(db))
    county_store = CountyStore(store)

    def cold() -> None:
        store.db.execute("DELETE FROM report_metrics")
        status_lines(county_store, YEAR)

    first = time_call(cold, max(1, runs // 2), warmup=0)
    store.db.close()
    view = _view_times(db, runs)
    name = f"{UNITS} 个单位 × {YEARS} 年"
    return [
        _row(f"基线：fazhi-desktop list（{name}，整个进程）", base),
        _row(f"汇总视图打开（{name}）", view, target="≤ 1 s", met=view.median <= 1.0),
        _row(f"county status（{name}，整个进程）", status, "list 进程", base, "≤ 1 s", status.median <= 1.0),
        _row(f"county table -o 汇总.xlsx（{name}，整个进程）", table, "list 进程", base, "≤ 2 s",
             table.median <= 2.0),
        _row(f"汇总首次计算（{UNITS} 份报告逐份检查、估页，进程内）", first,
             note="收取报告时已算好并缓存；报告修改后再打开汇总时只重算改过的"),
    ]
