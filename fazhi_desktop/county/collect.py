"""Collecting what arrived: each file matched to its roster unit, checked for the year, imported with its
received date and the original kept; everything else listed with a Chinese reason.

Each import is one transaction (report, 数据指标, status 已报送 and the original file), so a file is either
wholly in or not at all. An existing report is replaced only on request, after a backup of the data file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from fazhi_desktop.core.county.matching import match_unit, report_year
from fazhi_desktop.core.model import Unit
from fazhi_desktop.county.arrival import Arrival, Reading, Unreadable, read_files
from fazhi_desktop.storage.county import CountyStore, Received
from fazhi_desktop.storage.errors import StorageError


class Outcome(StrEnum):
    IMPORTED = "已导入"
    KEPT = "原件已保存"  # a Word/text copy of a report that arrived as a package too
    DUPLICATE = "重复"
    UNMATCHED = "未匹配"
    CONFLICT = "待选择"  # several different files for one unit
    EXISTS = "已有报告"
    REFUSED = "未导入"
    CANCELLED = "已取消"  # the user stopped the collection before this file was read or stored
    SET_ASIDE = "未选用"  # one of several versions of a unit's report, another was chosen (collect dialog)


NOT_READ = "收取已取消，这个文件没有读取"
NOT_STORED = "收取已取消，这个文件没有导入"


@dataclass(frozen=True)
class FileOutcome:
    path: Path
    outcome: Outcome
    unit: str = ""
    reason: str = ""  # why it was not imported, or what was noticed (Chinese)
    candidates: tuple[str, ...] = ()

    @property
    def taken(self) -> bool:
        return self.outcome in (Outcome.IMPORTED, Outcome.KEPT)


@dataclass
class CollectResult:
    outcomes: list[FileOutcome] = field(default_factory=list)
    backup: Path | None = None

    @property
    def refused(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if not o.taken]

    def count(self, outcome: Outcome) -> int:
        return sum(1 for o in self.outcomes if o.outcome is outcome)


Backup = Callable[[], Path | None]


class _Once:
    """The backup before the first replacement of this batch, made at most once."""

    def __init__(self, make: Backup) -> None:
        self.make = make
        self.path: Path | None = None
        self.done = False

    def __call__(self) -> Path | None:
        if not self.done:
            self.path = self.make()
            self.done = True
        return self.path


@dataclass
class _Batch:
    county: CountyStore
    year: int
    received: dt.date
    replace_existing: bool
    backup: _Once
    result: CollectResult = field(default_factory=CollectResult)

    def add(self, outcome: FileOutcome) -> None:
        self.result.outcomes.append(outcome)


def collect(county: CountyStore, paths: list[Path], year: int, received: dt.date, *,
            replace_existing: bool = False, backup: Backup = lambda: None) -> CollectResult:
    """Collect the files under ``paths`` for ``year`` (see the module docstring); ``backup`` is called once,
    before the first report is replaced."""
    require_roster(county)
    return store_reading(county, read_files(paths), year, received, replace_existing=replace_existing,
                         backup=backup)


def require_roster(county: CountyStore) -> list[Unit]:
    roster = county.roster()
    if not roster:
        raise StorageError("名单中还没有单位。请先导入应报送单位名单（county roster 名单文件）。")
    return roster


OnUnit = Callable[[int, int, str], None]  # (index from 0, number of units, the unit about to be stored)


def store_reading(county: CountyStore, reading: Reading, year: int, received: dt.date, *,
                  replace_existing: bool = False, backup: Backup = lambda: None, on_unit: OnUnit | None = None,
                  should_stop: Callable[[], bool] = lambda: False) -> CollectResult:
    """Match and import what :func:`~fazhi_desktop.county.arrival.read_files` read, one unit (one
    transaction) at a time, asking ``should_stop`` between units: what was imported stays, the rest is
    listed as 已取消, nothing is half-imported. Files the reading did not reach are 已取消 too."""
    roster = require_roster(county)
    batch = _Batch(county, year, received, replace_existing, _Once(backup))
    for item in reading.missing:
        batch.add(FileOutcome(item.path, Outcome.REFUSED, reason=item.reason))
    groups: dict[int, list[Arrival]] = {}
    units: dict[int, Unit] = {}
    seen: dict[str, Path] = {}
    for arrival in reading.read:
        if isinstance(arrival, Unreadable):
            batch.add(FileOutcome(arrival.path, Outcome.REFUSED, reason=arrival.reason))
            continue
        unit, note = _place(batch, arrival, roster, seen)
        if unit is not None:
            assert unit.id is not None
            notes = (note, *arrival.notes) if note else arrival.notes
            groups.setdefault(unit.id, []).append(replace(arrival, notes=notes))
            units[unit.id] = unit
    for path in reading.files[len(reading.read):]:
        batch.add(FileOutcome(path, Outcome.CANCELLED, reason=NOT_READ))
    for index, (unit_id, arrivals) in enumerate(groups.items()):
        if should_stop():
            for arrival in arrivals:
                batch.add(FileOutcome(arrival.path, Outcome.CANCELLED, units[unit_id].short_name, NOT_STORED))
            continue
        if on_unit is not None:
            on_unit(index, len(groups), units[unit_id].short_name)
        _take(batch, units[unit_id], arrivals)
    order = {p: i for i, p in enumerate([*(m.path for m in reading.missing), *reading.files])}
    batch.result.outcomes.sort(key=lambda o: order.get(o.path, 0))
    batch.result.backup = batch.backup.path
    return batch.result


def _place(batch: _Batch, arrival: Arrival, roster: list[Unit], seen: dict[str, Path]) -> tuple[Unit | None, str]:
    """The roster unit of a readable file and a note on the match, or None after recording why it is not taken."""
    path = arrival.path
    year, how = report_year(arrival.evidence)
    if year is not None and year != batch.year:
        batch.add(FileOutcome(path, Outcome.REFUSED, reason=(
            f"这是{year}年度的报告（据{how}），与本次收取的{batch.year}年度不符")))
        return None, ""
    earlier = batch.county.find_by_sha256(arrival.sha256)
    if earlier is not None:
        batch.add(FileOutcome(path, Outcome.DUPLICATE, reason=(
            f"与{earlier.received_on.month}月{earlier.received_on.day}日收到的“{earlier.file_name}”完全相同，已收取过")))
        return None, ""
    if arrival.sha256 in seen:
        first = seen[arrival.sha256].name
        batch.add(FileOutcome(path, Outcome.DUPLICATE, reason=f"与本次的“{first}”完全相同，未重复导入"))
        return None, ""
    seen[arrival.sha256] = path
    by_package = next((u for u in roster if u.short_name == arrival.package_unit), None)
    match = match_unit(arrival.evidence, roster, batch.county.county_name())
    unit = by_package or match.unit
    if unit is None:
        batch.add(FileOutcome(path, Outcome.UNMATCHED, reason=match.note,
                              candidates=tuple(u.short_name for u in match.candidates)))
    notes = [match.note if match.unit == unit else ""]
    if year is None:
        notes.append(f"文件中看不出报告年度，按{batch.year}年度收取，请核对")
    return unit, "；".join(n for n in notes if n)


def _take(batch: _Batch, unit: Unit, arrivals: list[Arrival]) -> None:
    """Import the one file of ``unit`` (a package beats its own Word copy); several different ones wait."""
    packages = [a for a in arrivals if a.kind == "fzbg"]
    main = arrivals[0] if len(arrivals) == 1 else (packages[0] if len(packages) == 1 else None)
    if main is None:
        names = "、".join(a.path.name for a in arrivals)
        for arrival in arrivals:
            batch.add(FileOutcome(arrival.path, Outcome.CONFLICT, unit.short_name,
                                  f"{unit.short_name}本次有{len(arrivals)}个不同的文件（{names}），请选定一个导入；"
                                  f"此文件{arrival.describe()}", (unit.short_name,)))
        return
    extras = [a for a in arrivals if a is not main]
    outcome = store_arrival(batch.county, main, unit, batch.year, batch.received, batch.replace_existing,
                            batch.backup, extras)
    batch.add(outcome)
    for extra in extras:
        taken = outcome.outcome is Outcome.IMPORTED
        batch.add(FileOutcome(extra.path, Outcome.KEPT if taken else outcome.outcome, unit.short_name,
                              f"与数据包“{main.path.name}”是同一份报告，作为原件一并保存" if taken else outcome.reason))


def store_arrival(county: CountyStore, arrival: Arrival, unit: Unit, year: int, received: dt.date,
                  replace_existing: bool, backup: Backup, extras: list[Arrival] | None = None) -> FileOutcome:
    """Import one readable file as ``unit``'s report for ``year`` (also used to assign a file by hand)."""
    existing_id = county.store.find_report_id(unit.short_name, year)
    if existing_id is not None and not replace_existing:
        return FileOutcome(arrival.path, Outcome.EXISTS, unit.short_name, _exists_reason(county, unit, year),
                           (unit.short_name,))
    report = replace(arrival.report, unit=unit, year=year, id=None)
    files = [arrival, *(extras or [])]
    received_files = [Received(a.path.name, a.kind, a.sha256, a.data, received, "；".join(a.notes)) for a in files]
    try:
        if existing_id is not None:
            backup()
        county.store_received(report, arrival.values, received_files[0], replace_existing, received_files[1:],
                              arrival.custom)
    except StorageError as exc:
        return FileOutcome(arrival.path, Outcome.REFUSED, unit.short_name, str(exc))
    notes = list(arrival.notes)
    if existing_id is not None:
        notes.insert(0, "已替换原有报告（替换前已备份数据文件）")
    return FileOutcome(arrival.path, Outcome.IMPORTED, unit.short_name, "；".join(notes))


def _exists_reason(county: CountyStore, unit: Unit, year: int) -> str:
    assert unit.id is not None
    subs = county.submissions(year).get(unit.id, [])
    when = f"（{subs[-1].received_on.month}月{subs[-1].received_on.day}日收到“{subs[-1].file_name}”）" if subs else ""
    return f"已有{unit.short_name}{year}年度的报告{when}，未覆盖"
