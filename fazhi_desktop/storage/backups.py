"""Backups of the data file: consistent copies, rotation, listing and restore (packaging.md §5.5).

Copies are made with the SQLite backup API, so they are consistent while the program runs. Names
carry the time and the reason: ``fazhi-20261126-153000-启动.db``. Rotation keeps the newest
``KEEP_LAST`` plus the newest of each of the last ``KEEP_WEEKS`` weeks.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from fazhi_desktop.storage.connection import Db
from fazhi_desktop.storage.database import StorageError, backup_dir_for, backup_to

KEEP_LAST = 10
KEEP_WEEKS = 8
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[^-]+)\.db$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup file, as the 从备份恢复 list shows it."""

    path: Path
    created: dt.datetime
    reason: str
    report_count: int | None  # None: the file could not be read (damaged)

    @property
    def ok(self) -> bool:
        return self.report_count is not None


def make_backup(db: Db, db_path: Path, reason: str, folder: Path | None = None,
                now: dt.datetime | None = None) -> Path:
    """Copy the open database into ``folder`` (default: ``backups/`` beside it); returns the copy."""
    folder = folder or backup_dir_for(db_path)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db_path.stem}-{stamp}-{reason}.db"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{db_path.stem}-{stamp}-{n}-{reason}.db"
    try:
        return backup_to(db, target)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            target.unlink(missing_ok=True)
        raise StorageError(
            f"备份失败（{exc}），数据文件本身没有改动。请检查 {folder} 是否可写、磁盘是否已满。"
        ) from exc


def _created(path: Path) -> dt.datetime | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    stamp = match["stamp"]  # YYYYmmdd-HHMMSS (datetime.strptime would load _strptime, locale, calendar)
    try:
        return dt.datetime(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]),
                           int(stamp[9:11]), int(stamp[11:13]), int(stamp[13:15]))
    except ValueError:
        return None


def _report_count(path: Path) -> int | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return None
            return int(conn.execute("SELECT count(*) FROM reports").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _unknown_migrations(path: Path) -> list[str]:
    from fazhi_desktop.storage import migrations

    db = Db(sqlite3.connect(f"file:{path}?mode=ro", uri=True))
    try:
        return migrations.unknown_names(db)
    except sqlite3.Error:
        return []
    finally:
        db.close()


def _dated(folder: Path) -> list[tuple[dt.datetime, Path]]:
    """(time, path) of the files named like our backups, newest first — names only, nothing is opened."""
    found = ((c, p) for p in (folder.glob("*.db") if folder.is_dir() else []) if (c := _created(p)))
    return sorted(found, reverse=True)


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in ``folder``, newest first."""
    found = []
    for path in folder.glob("*.db") if folder.is_dir() else []:
        created = _created(path)
        match = _NAME.match(path.name)
        if created is None or match is None:
            continue
        found.append(BackupInfo(path, created, match["reason"], _report_count(path)))
    return sorted(found, key=lambda b: b.created, reverse=True)


def rotate(folder: Path, keep_last: int = KEEP_LAST, keep_weeks: int = KEEP_WEEKS,
           now: dt.datetime | None = None) -> list[Path]:
    """Delete old backups; keeps the newest ``keep_last`` and one per week for ``keep_weeks`` weeks.

    Returns the deleted paths. Files whose names are not ours are never touched.
    """
    now = now or dt.datetime.now()
    backups = _dated(folder)
    keep = {p for _, p in backups[:keep_last]}
    weeks_seen: set[int] = set()
    for created, path in backups:
        week = (now - created).days // 7
        if week < keep_weeks and week not in weeks_seen:
            weeks_seen.add(week)
            keep.add(path)
    deleted = []
    for _, path in backups:
        if path not in keep:
            path.unlink(missing_ok=True)
            deleted.append(path)
    return deleted


def daily_backup_due(folder: Path, today: dt.date | None = None) -> bool:
    """True when no backup was made today (the start-up backup runs at most once a day)."""
    today = today or dt.date.today()
    # by name only: list_backups() also opens and checks every copy (up to 18 files at each start)
    return not any(created.date() == today for created, _ in _dated(folder))


def restore(db: Db, db_path: Path, backup: Path) -> Path:
    """Replace the open database's content with ``backup``; the current content is backed up first.

    Returns the safety copy of the current content. A damaged backup, or one written by a newer version,
    is refused before anything changes. Reopen the file afterwards (open_database migrates an older backup).
    """
    if _report_count(backup) is None:
        raise StorageError(f"备份文件 {backup.name} 已损坏或不是本程序的数据文件，不能用来恢复。")
    if _unknown_migrations(backup):
        raise StorageError(f"备份文件 {backup.name} 由更新版本的本程序创建，请升级程序后再恢复。")
    safety = make_backup(db, db_path, "恢复前")
    source = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        source.backup(db.conn)
    except sqlite3.Error as exc:
        raise StorageError(f"恢复失败（{exc}）。恢复前的数据已备份在 {safety}。") from exc
    finally:
        source.close()
    return safety


def restore_and_migrate(db: Db, db_path: Path, backup: Path) -> Path:
    """:func:`restore`, then bring an older backup up to the current schema; returns the safety copy."""
    from fazhi_desktop.storage import migrations

    safety = restore(db, db_path, backup)
    migrations.apply(db)
    return safety


def newest_good_backup(folder: Path) -> BackupInfo | None:
    """The newest backup that passes quick_check, or None."""
    return next((b for b in list_backups(folder) if b.ok), None)


def recover_from_backup(db_path: Path, now: dt.datetime | None = None) -> tuple[Path, BackupInfo]:
    """Replace a damaged data file by its newest good backup.

    The damaged file is never deleted: it is renamed ``<name>.损坏-<time>`` beside the original for
    inspection. Returns (where the damaged file went, the backup used); raises StorageError when
    there is no good backup (and then changes nothing).
    """
    from fazhi_desktop.storage.database import backup_dir_for

    good = newest_good_backup(backup_dir_for(db_path))
    if good is None:
        raise StorageError(f"没有找到可用的备份，无法自动恢复。损坏的数据文件仍在 {db_path}，请联系技术支持。")
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.损坏-{stamp}")
    for sidecar in ("-wal", "-shm", "-journal"):
        extra = db_path.with_name(db_path.name + sidecar)
        if extra.exists():
            extra.replace(aside.with_name(aside.name + sidecar))
    db_path.replace(aside)
    source = sqlite3.connect(f"file:{good.path}?mode=ro", uri=True)
    target = sqlite3.connect(str(db_path))
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return aside, good
