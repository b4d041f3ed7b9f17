"""ReportStore: the repository API. It speaks in core dataclasses; no row leaves this package.

Every public write is its own short transaction, so the database *is* the document and there is
no Save button. Outline edits are computed by core.outline and written back by
:meth:`ReportStore.apply_outline`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING, Any

from fazhi_desktop.core.model import Report, Status, Unit
from fazhi_desktop.core.schema import REPORT_FIELDS, report_field
from fazhi_desktop.core.text import strip_control
from fazhi_desktop.storage import mapping
from fazhi_desktop.storage.chapters import NotFoundError
from fazhi_desktop.storage.connection import Db
from fazhi_desktop.storage.database import StorageError
from fazhi_desktop.storage.indicators import IndicatorStore

if TYPE_CHECKING:
    from fazhi_desktop.core.indicators import IndicatorValue


class DuplicateReportError(StorageError):
    """A report for that unit and year already exists."""


@dataclass(frozen=True)
class ReportSummary:
    """One line of the report chooser."""

    id: int
    unit: str
    year: int
    title: str
    status: Status
    updated_at: str


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _clean(value: Any) -> Any:
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return strip_control(value)
    if isinstance(value, tuple):
        return tuple(_clean(v) for v in value)
    return value


class ReportStore(IndicatorStore):
    """Units, reports, chapters and blocks in one SQLite file."""

    def __init__(self, db: Db) -> None:
        super().__init__(db)

    # --- units -------------------------------------------------------------------------------
    def list_units(self) -> list[Unit]:
        return [mapping.unit_from_row(r) for r in self.db.select("units", order_by="id")]

    def find_unit(self, short_name: str) -> Unit | None:
        rows = self.db.select("units", "short_name = ?", [short_name.strip()])
        return mapping.unit_from_row(rows[0]) if rows else None

    def save_unit(self, unit: Unit) -> Unit:
        """Insert a new unit (id None) or update an existing one."""
        columns = {k: _clean(v) for k, v in mapping.unit_columns(unit).items()}
        if not columns["short_name"]:
            raise StorageError("单位简称不能为空")
        table = self.db.table("units")
        with self._tx():
            if unit.id is None:
                if self.find_unit(columns["short_name"]):
                    raise StorageError(f"单位“{columns['short_name']}”已存在")
                table.insert(columns)
                new_id = self.db.execute("SELECT last_insert_rowid()").fetchone()[0]
                return replace(unit, id=new_id, **{**columns, "kind": unit.kind})
            other = self.find_unit(columns["short_name"])
            if other is not None and other.id != unit.id:
                raise StorageError(f"单位“{columns['short_name']}”已存在，不能重名")
            table.update(unit.id, columns)
        return replace(unit, **{**columns, "kind": unit.kind})

    def ensure_unit(self, short_name: str) -> Unit:
        """The unit with that short name, created with derived names if it is new."""
        return self.find_unit(short_name) or self.save_unit(Unit.from_short_name(short_name))

    # --- reports -----------------------------------------------------------------------------
    def create_report(self, report: Report, indicator_keys: list[str] | None = None) -> Report:
        """Store a whole new report (its unit must be saved); returns it as loaded.

        Its 数据指标 selection is ``indicator_keys`` (default: the whole shipped catalog), with no values.
        """
        if report.unit.id is None:
            raise StorageError("请先保存单位")
        if self.find_report_id(report.unit.short_name, report.year) is not None:
            raise DuplicateReportError(f"{report.unit.short_name}{report.year}年度的报告已经存在")
        fields = {f.key: _clean(getattr(report, f.attr)) for f in REPORT_FIELDS}
        row = mapping.report_columns(fields)
        row.update(
            unit_id=report.unit.id, year=report.year, created_at=_now(), updated_at=_now(),
            status_dates=mapping.status_dates_column(report.status_dates),
        )
        with self._tx():
            self.db.table("reports").insert(row)
            report_id = self.db.execute("SELECT last_insert_rowid()").fetchone()[0]
            for position, chapter in enumerate(report.chapters):
                self._insert_chapter(report_id, position, chapter)
            if indicator_keys is None:
                from fazhi_desktop.core.indicators import load_catalog

                indicator_keys = [i.key for i in load_catalog().indicators]
            keys = indicator_keys
            self.select_indicators(report_id, keys)
        return self.load_report(report_id)

    def load_report(self, report_id: int) -> Report:
        rows = self.db.select("reports", "id = ?", [report_id])
        if not rows:
            raise NotFoundError(f"找不到报告（编号 {report_id}）")
        row = rows[0]
        unit = mapping.unit_from_row(self.db.select("units", "id = ?", [row["unit_id"]])[0])
        chapters = tuple(self.load_chapters(report_id))
        return Report(
            id=row["id"], unit=unit, year=row["year"], chapters=chapters,
            **mapping.report_fields_from_row(row),
        )

    def find_report_id(self, unit_short_name: str, year: int) -> int | None:
        found = self.db.execute(
            "SELECT r.id FROM reports r JOIN units u ON u.id = r.unit_id "
            "WHERE u.short_name = ? AND r.year = ?",
            [unit_short_name.strip(), year],
        ).fetchone()
        return int(found[0]) if found else None

    def list_reports(self) -> list[ReportSummary]:
        """Every report, by unit then newest year first."""
        summaries = []
        for row in self.db.query(
            "SELECT r.*, u.short_name AS unit_short FROM reports r JOIN units u ON u.id = r.unit_id "
            "ORDER BY u.short_name, r.year DESC"
        ):
            title = row["title_override"] or f"{row['unit_short']}{row['year']}年度法治政府建设情况报告"
            summaries.append(
                ReportSummary(row["id"], row["unit_short"], row["year"], title, Status(row["status"]),
                              row["updated_at"])
            )
        return summaries

    def delete_report(self, report_id: int) -> None:
        with self._tx():
            self._require("reports", report_id)
            self.db.table("reports").delete(report_id)

    def update_report_field(self, report_id: int, key: str, value: Any) -> None:
        """Set one field declared in core.schema (e.g. ``date``, ``addressee``)."""
        spec = report_field(key)
        columns = mapping.report_columns({spec.key: _clean(value)})
        with self._tx():
            self._require("reports", report_id)
            self.db.table("reports").update(report_id, {**columns, "updated_at": _now()})

    def set_status(self, report_id: int, status: Status, on: dt.date | None = None) -> Report:
        """Move the report to ``status`` and remember the date."""
        report = self.load_report(report_id).with_status(status, on or dt.date.today())
        self.write_status(report_id, report.status, report.status_dates)
        return report

    def write_status(self, report_id: int, status: Status, dates: tuple[tuple[Status, dt.date], ...]) -> None:
        """Store ``status`` with exactly these dates of reaching each status (an undo puts back the old ones)."""
        with self._tx():
            self._require("reports", report_id)
            self.db.table("reports").update(
                report_id,
                {"status": status.value, "updated_at": _now(), "status_dates": mapping.status_dates_column(dates)},
            )

    def copy_year(self, report_id: int, to_year: int | None = None) -> Report:
        """New report for the next year (or ``to_year``) from an existing one; returns it."""
        from fazhi_desktop.core.yearcopy import next_year_report

        source = self.load_report(report_id)
        return self.create_report(next_year_report(source, to_year), list(self.indicator_values(report_id)))

    def previous_values(self, report_id: int) -> dict[str, IndicatorValue]:
        """Last year's 数据指标 of the same unit (empty when there is no such report)."""
        report = self.load_report(report_id)
        previous = self.find_report_id(report.unit.short_name, report.year - 1)
        return self.indicator_values(previous) if previous is not None else {}

    # --- per-file settings -------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self._tx():
            self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])

