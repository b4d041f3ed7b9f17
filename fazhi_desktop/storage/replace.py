"""Replacing a stored report by an imported one: back up the data file first, then swap in one transaction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fazhi_desktop.core.model import Chapter, Report
from fazhi_desktop.storage.database import backup_dir_for, backup_to
from fazhi_desktop.storage.repository import ReportStore


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
    with store.db.atomic():
        if existing is not None:
            store.delete_report(existing)
        return store.create_report(report)


def replace_chapters(store: ReportStore, report_id: int, chapters: tuple[Chapter, ...], backup: Path) -> Report:
    """Back up the data file, then swap the report's chapters for ``chapters`` in one transaction.

    The report's own fields (title, 主送机关, 落款, dates, status …) and its 数据指标 stay as they are.
    """
    backup_to(store.db, backup)
    with store.db.atomic():
        for old in store.load_chapters(report_id):
            assert old.id is not None
            store.delete_chapter(old.id)
        for chapter in chapters:
            store.add_chapter(report_id, chapter)
    return store.load_report(report_id)
