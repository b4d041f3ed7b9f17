"""数据指标 in SQLite: which indicators a report uses, their values, and each unit's own indicators.

The indicator model (and ``decimal``) is imported by the methods that use it, not with the store:
opening a report to export or list it never needs the catalog.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from fazhi_desktop.core.text import strip_control
from fazhi_desktop.storage.chapters import ChapterStore
from fazhi_desktop.storage.connection import Db
from fazhi_desktop.storage.warnlog import warning

if TYPE_CHECKING:
    from decimal import Decimal

    from fazhi_desktop.core.indicators import Catalog, Indicator, IndicatorKind, IndicatorValue



def stored_number(raw: str | None) -> Decimal | None:
    """A stored figure; one outside core.limits (NaN or 1e30 left by an older version's package import)
    reads as empty instead of breaking every page that shows figures."""
    from fazhi_desktop.core.limits import LimitError, check_number

    if raw is None:
        return None
    try:
        return check_number(raw)
    except LimitError:
        warning(__name__, "ignored a stored figure outside the limits: %r", raw[:40])
        return None


def _plain(text: str) -> str:
    """A name as compared: without spaces (“法治 讲座” is “法治讲座”)."""
    return "".join(text.split())


class IndicatorStore(ChapterStore):
    """Indicator values of reports; shares the connection (and transactions) of a ReportStore."""

    def __init__(self, db: Db) -> None:
        super().__init__(db)

    def custom_indicators(self, unit_id: int) -> list[Indicator]:
        from fazhi_desktop.core.indicators import Indicator, IndicatorKind

        rows = self.db.select("custom_indicators", "unit_id = ?", [unit_id], order_by="id")
        return [Indicator(key=r["key"], label=r["label"], unit=r["unit"], group=r["grp"],
                          kind=IndicatorKind(r["kind"]), custom=True) for r in rows]

    def add_custom_indicator(self, unit_id: int, label: str, unit: str, group: str = "其他",
                             kind: IndicatorKind | None = None) -> Indicator:
        """A unit's own indicator (key ``custom_N``; ``kind`` default: a count)."""
        from fazhi_desktop.core.indicators import Indicator, IndicatorKind

        kind = kind or IndicatorKind.COUNT
        with self._tx():
            count = self.db.execute("SELECT count(*) FROM custom_indicators WHERE unit_id = ?", [unit_id]).fetchone()[0]
            key = f"custom_{count + 1}"
            self.db.table("custom_indicators").insert(
                {"unit_id": unit_id, "key": key, "label": strip_control(label).strip(), "unit": unit.strip(),
                 "grp": group, "kind": kind.value})
        return Indicator(key, label.strip(), unit.strip(), group, kind, custom=True)

    def adopt_custom_indicators(self, unit_id: int, indicators: Iterable[Indicator],
                                values: Mapping[str, IndicatorValue]) -> dict[str, IndicatorValue]:
        """``values`` keyed by the unit's own indicators here: each of ``indicators`` (another file's, e.g.
        a package's ``custom_N``) is the unit's indicator of the same name and unit, made when it has none.
        Values of keys ``indicators`` do not name stay as they are."""
        from dataclasses import replace

        own = {(_plain(i.label), _plain(i.unit)): i.key for i in self.custom_indicators(unit_id)}
        keys: dict[str, str] = {}
        with self._tx():
            for ind in indicators:
                if ind.key not in values:
                    continue
                found = own.get((_plain(ind.label), _plain(ind.unit)))
                if found is None:
                    found = own[(_plain(ind.label), _plain(ind.unit))] = self.add_custom_indicator(
                        unit_id, ind.label, ind.unit, ind.group, ind.kind).key
                keys[ind.key] = found
        return {keys.get(k, k): replace(v, key=keys.get(k, k)) for k, v in values.items()}

    def catalog_for_report(self, report_id: int) -> Catalog:
        from fazhi_desktop.core.indicators import load_catalog

        unit_id = self._require("reports", report_id)["unit_id"]
        return load_catalog(self.custom_indicators(unit_id))

    def indicator_values(self, report_id: int) -> dict[str, IndicatorValue]:
        """The report's selected indicators (in catalog order of selection) with their values."""
        from fazhi_desktop.core.indicators import IndicatorValue, ValueState

        values = {}
        for r in self.db.select("indicator_values", "report_id = ?", [report_id], order_by="position"):
            number = stored_number(r["value"])
            state = ValueState(r["state"]) if number is not None or r["value"] is None else ValueState.EMPTY
            values[r["key"]] = IndicatorValue(r["key"], number, state, r["note"], r["source"])
        return values

    def select_indicators(self, report_id: int, keys: Iterable[str]) -> None:
        """Make ``keys`` the report's selection; values of kept keys stay, dropped keys go."""
        keys = list(dict.fromkeys(keys))
        with self._tx():
            table = self.db.table("indicator_values")
            current = self.indicator_values(report_id)
            for key in set(current) - set(keys):
                table.delete_where("report_id = ? AND key = ?", [report_id, key])
            for position, key in enumerate(keys):
                if key in current:
                    self.db.execute("UPDATE indicator_values SET position = ? WHERE report_id = ? AND key = ?",
                                    [position, report_id, key])
                else:
                    table.insert({"report_id": report_id, "key": key, "position": position, "state": ""})

    def set_indicator_value(self, report_id: int, value: IndicatorValue) -> None:
        """Store one value (adding the indicator to the selection if needed)."""
        row = {"value": format(value.value, "f") if value.value is not None else None, "state": value.state.value,
               "note": strip_control(value.note), "source": strip_control(value.source)}
        with self._tx():
            self._require("reports", report_id)
            exists = self.db.execute("SELECT 1 FROM indicator_values WHERE report_id = ? AND key = ?",
                                     [report_id, value.key]).fetchone()
            if exists:
                self.db.execute(
                    "UPDATE indicator_values SET value = :value, state = :state, note = :note, source = :source "
                    "WHERE report_id = :report_id AND key = :key", {**row, "report_id": report_id, "key": value.key})
            else:
                position = self.db.execute("SELECT count(*) FROM indicator_values WHERE report_id = ?",
                                           [report_id]).fetchone()[0]
                self.db.table("indicator_values").insert(
                    {"report_id": report_id, "key": value.key, "position": position, **row})

    def set_indicator_values(self, report_id: int, values: Mapping[str, IndicatorValue]) -> None:
        """Store several values in one transaction (CSV import): all or nothing."""
        with self._tx():
            for value in values.values():
                self.set_indicator_value(report_id, value)
