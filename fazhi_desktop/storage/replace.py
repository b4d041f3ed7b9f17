"""Replacing a stored report by an imported one: back up the data file first, then swap in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from fazhi_desktop.core.model import Chapter, Report
from fazhi_desktop.storage.database import backup_dir_for, backup_to
from fazhi_desktop.storage.errors import StorageError
from fazhi_desktop.storage.repository import ReportStore

if TYPE_CHECKING:
    from fazhi_desktop.core.indicators import Indicator, IndicatorValue


def backup_path_for(db_path: Path, reason: str = "导入替换前") -> Path:
    """Where the backup taken before a replacement goes: ``backups/<name>-<time>-<reason>.db``, the naming
    of storage.backups, so it shows in the 从备份恢复 list."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return backup_dir_for(db_path) / f"{db_path.stem}-{stamp}-{reason}.db"


def replace_report(store: ReportStore, report: Report, backup: Path) -> Report:
    """Back up the whole data file to ``backup``, then delete the unit's report for that year (if
    any) and store ``report`` in its place, atomically; returns the stored report."""
    backup_to(store.db, backup)
    existing = store.find_report_id(report.unit.short_name, report.year)
    with store.transaction():
        if existing is not None:
            store.delete_report(existing)
        return store.create_report(report)


def replace_chapters(store: ReportStore, report_id: int, chapters: tuple[Chapter, ...], backup: Path) -> Report:
    """Back up the data file, then swap the report's chapters for ``chapters`` in one transaction.

    The report's own fields (title, 主送机关, 落款, dates, status …) and its 数据指标 stay as they are.
    """
    backup_to(store.db, backup)
    with store.transaction():
        for old in store.load_chapters(report_id):
            assert old.id is not None
            store.delete_chapter(old.id)
        for chapter in chapters:
            store.add_chapter(report_id, chapter)
    return store.load_report(report_id)


def store_unpacked(store: ReportStore, report: Report, values: Mapping[str, IndicatorValue],
                   existing: int | None, custom: Sequence[Indicator] = ()) -> Report:
    """Store an unpacked report and its 数据指标 in one transaction, replacing report ``existing`` (if any);
    ``custom``: the package's own indicators, matched to the unit's here by name and unit (or added).

    A failure at any point (a full disk, a killed program) leaves the data file as it was."""
    with store.transaction():
        if existing is not None:
            store.delete_report(existing)
        unit = store.find_unit(report.unit.short_name) or store.save_unit(report.unit)
        if custom and values:
            assert unit.id is not None
            values = store.adopt_custom_indicators(unit.id, custom, values)
        created = store.create_report(replace(report, unit=unit), indicator_keys=list(values))
        assert created.id is not None
        store.set_indicator_values(created.id, values)
    return created


def rehearse(report: Report, values: Mapping[str, IndicatorValue], custom: Sequence[Indicator] = ()) -> None:
    """Store the report once into an empty database in memory: whatever the data file would refuse
    is refused here, before the data file is touched (raises StorageError)."""
    from fazhi_desktop.storage.database import open_memory

    scratch = ReportStore(open_memory())
    try:
        store_unpacked(scratch, report, values, None, custom)
    except StorageError:
        raise
    except Exception as exc:
        raise StorageError("数据包中的报告无法保存（内容不完整或格式不对），未导入。") from exc
    finally:
        scratch.db.close()
