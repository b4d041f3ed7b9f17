"""The county office's data in the same file: the roster, every file received from a unit, cached figures.

A unit is on the roster when its ``roster_position`` is set. A submission keeps the received file
byte for byte (``content``), the day it arrived and the report it was imported as; a later version
of the same unit's report is another submission, so nothing received is ever lost. The status
board's per-report figures (check counts, pages …) are cached under a fingerprint of the report.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from fazhi_desktop.core.model import Report, Status, Unit, UnitKind
from fazhi_desktop.storage import mapping
from fazhi_desktop.storage.errors import StorageError
from fazhi_desktop.storage.repository import ReportStore

if TYPE_CHECKING:
    from fazhi_desktop.core.indicators import Indicator, IndicatorValue

COUNTY_KEY = "county.name"  # e.g. 渠县: department names and the county's own report use it
OFFICE_KEY = "county.office"  # who signs the review notes
FIGURES_VERSION_KEY = "county.figures_version"
DEFAULT_OFFICE = "中共{county}委全面依法治县委员会办公室"


@dataclass(frozen=True)
class Submission:
    """One file received from a unit for a year (without its bytes)."""

    id: int
    unit_id: int
    year: int
    report_id: int | None
    received_on: dt.date
    collected_at: str
    file_name: str
    file_kind: str  # fzbg / docx / txt
    sha256: str
    note: str = ""


@dataclass(frozen=True)
class Received:
    """A file to store as a submission, with the report it becomes."""

    file_name: str
    file_kind: str
    sha256: str
    content: bytes
    received_on: dt.date
    note: str = ""


def _submission(row: dict[str, object]) -> Submission:
    return Submission(int(row["id"]), int(row["unit_id"]), int(row["year"]),  # type: ignore[call-overload]
                      None if row["report_id"] is None else int(row["report_id"]),  # type: ignore[call-overload]
                      dt.date.fromisoformat(str(row["received_on"])), str(row["collected_at"]),
                      str(row["file_name"]), str(row["file_kind"]), str(row["sha256"]), str(row["note"]))


_COLUMNS = "id, unit_id, year, report_id, received_on, collected_at, file_name, file_kind, sha256, note"


class CountyStore:
    """Roster, submissions and cached figures, on the connection (and transactions) of a ReportStore."""

    def __init__(self, store: ReportStore) -> None:
        self.store = store
        self.db = store.db

    # --- settings ----------------------------------------------------------------------------
    def county_name(self) -> str:
        return self.store.get_meta(COUNTY_KEY) or ""

    def set_county_name(self, name: str) -> None:
        self.store.set_meta(COUNTY_KEY, name.strip())

    def office_name(self) -> str:
        county = self.county_name()
        stored = self.store.get_meta(OFFICE_KEY)
        if stored:
            return stored
        return DEFAULT_OFFICE.format(county=county) if county else "县委全面依法治县委员会办公室"

    def set_office_name(self, name: str) -> None:
        self.store.set_meta(OFFICE_KEY, name.strip())

    # --- roster ------------------------------------------------------------------------------
    def roster(self) -> list[Unit]:
        """The units expected to report, in roster order."""
        rows = self.db.select("units", "roster_position IS NOT NULL", order_by="roster_position, id")
        return [mapping.unit_from_row(r) for r in rows]

    def add_to_roster(self, units: list[Unit]) -> list[tuple[Unit, bool]]:
        """Put ``units`` on the roster (new ones are created; a known unit keeps its names and gets the
        given kind); returns each stored unit and whether it was new to the roster. One transaction."""
        out: list[tuple[Unit, bool]] = []
        with self.store._tx():
            last = self.db.execute("SELECT max(roster_position) FROM units").fetchone()[0]
            position = -1 if last is None else int(last)
            for unit in units:
                known = self.store.find_unit(unit.short_name)
                on_roster = known is not None and self._position(known) is not None
                stored = known or self.store.save_unit(unit)
                assert stored.id is not None
                if known is not None and known.kind is not unit.kind:
                    stored = self.store.save_unit(replace(known, kind=unit.kind))
                if not on_roster:
                    position += 1
                    self.db.execute("UPDATE units SET roster_position = ? WHERE id = ?", [position, stored.id])
                out.append((stored, not on_roster))
        return out

    def _position(self, unit: Unit) -> int | None:
        row = self.db.execute("SELECT roster_position FROM units WHERE id = ?", [unit.id]).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def remove_from_roster(self, short_name: str) -> Unit:
        unit = self._unit(short_name)
        with self.store._tx():
            self.db.execute("UPDATE units SET roster_position = NULL WHERE id = ?", [unit.id])
        return unit

    def set_kind(self, short_name: str, kind: UnitKind) -> Unit:
        return self.store.save_unit(replace(self._unit(short_name), kind=kind))

    def _unit(self, short_name: str) -> Unit:
        unit = self.store.find_unit(short_name)
        if unit is None:
            raise StorageError(f"没有单位“{short_name.strip()}”。")
        return unit

    # --- reports of a year -------------------------------------------------------------------
    def report_ids(self, year: int) -> dict[int, int]:
        """{unit id: report id} of every report of ``year``."""
        rows = self.db.execute("SELECT unit_id, id FROM reports WHERE year = ?", [year]).fetchall()
        return {int(u): int(r) for u, r in rows}

    def status_dates(self, year: int, status: Status) -> dict[int, dt.date]:
        """{report id: the date it reached ``status``} of the reports of ``year`` that did."""
        out: dict[int, dt.date] = {}
        for report_id, raw in self.db.execute("SELECT id, status_dates FROM reports WHERE year = ?", [year]):
            found = json.loads(raw or "{}").get(status.value)
            if found:
                out[int(report_id)] = dt.date.fromisoformat(found)
        return out

    def figures_version(self) -> str:
        """The program version that last worked out the board's figures of the latest year (ui.county)."""
        return self.store.get_meta(FIGURES_VERSION_KEY) or ""

    def set_figures_version(self, version: str) -> None:
        self.store.set_meta(FIGURES_VERSION_KEY, version)

    def has_roster(self) -> bool:
        """Whether this is a county office's data file (a township's own file has no roster)."""
        return self.db.execute("SELECT 1 FROM units WHERE roster_position IS NOT NULL LIMIT 1").fetchone() is not None

    def existing_reports(self, report_ids: Sequence[int]) -> list[int]:
        """The ones of ``report_ids`` that are still in the file, in the given order."""
        if not report_ids:
            return []
        marks = ",".join("?" * len(report_ids))
        found = {int(r[0]) for r in self.db.execute(f"SELECT id FROM reports WHERE id IN ({marks})", list(report_ids))}
        return [i for i in report_ids if i in found]

    def years(self) -> list[int]:
        """Years with a report or a submission, newest first."""
        rows = self.db.execute("SELECT year FROM reports UNION SELECT year FROM submissions "
                               "ORDER BY year DESC").fetchall()
        return [int(r[0]) for r in rows]

    def units_by_id(self) -> dict[int, Unit]:
        return {u.id: u for u in self.store.list_units() if u.id is not None}

    # --- submissions -------------------------------------------------------------------------
    def submissions(self, year: int) -> dict[int, list[Submission]]:
        """{unit id: that unit's submissions for ``year``, oldest first}."""
        out: dict[int, list[Submission]] = {}
        for row in self.db.query(f"SELECT {_COLUMNS} FROM submissions WHERE year = ? "
                                 "ORDER BY received_on, id", [year]):
            sub = _submission(row)
            out.setdefault(sub.unit_id, []).append(sub)
        return out

    def find_by_sha256(self, sha256: str) -> Submission | None:
        rows = list(self.db.query(f"SELECT {_COLUMNS} FROM submissions WHERE sha256 = ? ORDER BY id LIMIT 1",
                                  [sha256]))
        return _submission(rows[0]) if rows else None

    def content(self, submission_id: int) -> bytes:
        row = self.db.execute("SELECT content FROM submissions WHERE id = ?", [submission_id]).fetchone()
        if row is None:
            raise StorageError(f"找不到收到的文件（编号 {submission_id}）")
        return bytes(row[0])

    def store_received(self, report: Report, values: Mapping[str, IndicatorValue] | None, received: Received,
                       replace_existing: bool = False, extras: Sequence[Received] = (),
                       custom: Sequence[Indicator] = ()) -> tuple[Report, Submission]:
        """Import ``report`` (its unit must be stored) as received: the report with its 数据指标, marked
        已报送 on the received date, and the file as a submission — all in one transaction, so a failure
        leaves nothing behind. ``extras`` are other files of the same report (its Word copy), kept too.
        An existing report of that unit and year is replaced only when
        ``replace_existing`` (the caller backs the data file up first). ``custom``: the unit's own
        indicators the values use (a package's), matched to the unit's here by name and unit."""
        unit = report.unit
        if unit.id is None:
            raise StorageError("请先保存单位")
        existing = self.store.find_report_id(unit.short_name, report.year)
        if existing is not None and not replace_existing:
            raise StorageError(f"{unit.short_name}{report.year}年度的报告已经存在，未覆盖。")
        if report.status is not Status.PUBLISHED:
            report = report.with_status(Status.SUBMITTED, received.received_on)
        collected = dt.datetime.now().isoformat(timespec="seconds")
        with self.store._tx():
            if existing is not None:
                self.store.delete_report(existing)
            if values and custom:
                values = self.store.adopt_custom_indicators(unit.id, custom, values)
            keys = list(values) if values is not None else None
            stored = self.store.create_report(report, keys)
            assert stored.id is not None
            if values:
                self.store.set_indicator_values(stored.id, values)
            ids = []
            for item in (received, *extras):
                self.db.execute(
                    "INSERT INTO submissions (unit_id, year, report_id, received_on, collected_at, file_name, "
                    "file_kind, sha256, content, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [unit.id, report.year, stored.id, item.received_on.isoformat(), collected, item.file_name,
                     item.file_kind, item.sha256, item.content, item.note])
                ids.append(int(self.db.execute("SELECT last_insert_rowid()").fetchone()[0]))
            sub_id = ids[0]
        row = next(self.db.query(f"SELECT {_COLUMNS} FROM submissions WHERE id = ?", [sub_id]))
        return stored, _submission(row)

    def mark_published(self, report_id: int, on: dt.date) -> Report:
        return self.store.set_status(report_id, Status.PUBLISHED, on)

    # --- cached figures of the status board --------------------------------------------------
    def cached_metrics(self, report_ids: list[int]) -> dict[int, tuple[str, str]]:
        """{report id: (fingerprint, data JSON)} of the reports that have cached figures."""
        if not report_ids:
            return {}
        marks = ",".join("?" * len(report_ids))
        rows = self.db.execute(f"SELECT report_id, fingerprint, data FROM report_metrics WHERE report_id IN ({marks})",
                               report_ids).fetchall()
        return {int(r): (str(f), str(d)) for r, f, d in rows}

    def save_metrics(self, entries: list[tuple[int, str, str]]) -> None:
        """Cache (report id, fingerprint, data JSON) rows; a read-only file simply keeps no cache."""
        if not entries:
            return
        with self.store._tx():
            self.db.conn.executemany(
                "INSERT INTO report_metrics (report_id, fingerprint, data) VALUES (?, ?, ?) "
                "ON CONFLICT (report_id) DO UPDATE SET fingerprint = excluded.fingerprint, data = excluded.data",
                entries)

    def backup(self, db_path: Path, reason: str) -> Path:
        """A backup of the whole data file before something replaces a report."""
        from fazhi_desktop.storage import backups
        from fazhi_desktop.storage.database import backup_dir_for

        made = backups.make_backup(self.db, db_path, reason)
        backups.rotate(backup_dir_for(db_path))
        return made
