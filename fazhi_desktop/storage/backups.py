"""Backups of the data file: consistent copies, rotation, listing and restore (packaging.md §5.5).

Copies are made with the SQLite backup API, so they are consistent while the program runs. Names
carry the time and the reason: ``fazhi-20261126-153000-启动.db``. Rotation keeps the newest
``KEEP_LAST`` plus the newest of each of the last ``KEEP_WEEKS`` weeks.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from fazhi_desktop.storage import faults, identity, migrations
from fazhi_desktop.storage.connection import Db
from fazhi_desktop.storage.database import (
    SIDECARS,
    backup_dir_for,
    backup_to,
    connect_read_only,
    remove_with_sidecars,
)
from fazhi_desktop.storage.errors import StorageError

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
    """Copy the open database into ``folder`` (default: ``backups/`` beside it); returns the copy.

    The copy is written under a temporary name and renamed when complete (storage.database.backup_to),
    so a backup cut short (a full disk, a killed program) never shows up in the list as a damaged one."""
    folder = folder or backup_dir_for(db_path)
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db_path.stem}-{stamp}-{reason}.db"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{db_path.stem}-{stamp}-{n}-{reason}.db"
    return backup_to(db, target)


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
    """How many reports a backup holds; None when it is damaged, not ours or from a newer version.

    Opened ``immutable``: a backup is never written, so no ``-wal``/``-shm`` files appear beside it."""
    try:
        db = Db(connect_read_only(path, immutable=True))
    except sqlite3.Error:
        return None
    try:
        if identity.inspect(db, path) is identity.FileState.EMPTY:
            return None
        if db.conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return None
        return int(db.conn.execute("SELECT count(*) FROM reports").fetchone()[0])
    except (sqlite3.Error, StorageError):
        return None
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
            remove_with_sidecars(path)
            deleted.append(path)
    for sidecar in (p for s in SIDECARS for p in folder.glob(f"*.db{s}")) if folder.is_dir() else []:
        owner = sidecar.with_name(sidecar.name[: sidecar.name.rindex(".db") + 3])
        if _created(owner) is not None and not owner.exists():  # left by an older version's listing
            sidecar.unlink(missing_ok=True)
    return deleted


def daily_backup_due(folder: Path, today: dt.date | None = None) -> bool:
    """True when no backup was made today (the start-up backup runs at most once a day)."""
    today = today or dt.date.today()
    # by name only: list_backups() also opens and checks every copy (up to 18 files at each start)
    return not any(created.date() == today for created, _ in _dated(folder))


def restore(db: Db, db_path: Path, backup: Path) -> Path:
    """Replace the open database's content with ``backup``; the current content is backed up first.

    Returns the safety copy of the current content. The backup is checked completely and brought up to
    the current schema in a temporary copy first (storage.candidate); anything wrong with it is refused
    before the data file changes. The copy then replaces the content in one SQLite transaction.
    """
    from fazhi_desktop.storage import candidate

    page_size = db.conn.execute("PRAGMA page_size").fetchone()[0]
    tmp = candidate.prepare(backup, db_path, candidate.label_of(backup), page_size)
    try:
        safety = make_backup(db, db_path, "恢复前")
        source = sqlite3.connect(str(tmp))
        try:
            source.backup(db.conn)  # all pages in one step: one transaction on the data file
        except sqlite3.Error as exc:
            error = faults.from_sqlite(exc, db_path)
            raise type(error)(f"恢复失败：{error}（当前数据未改动，另有备份在 {safety}）") from exc
        finally:
            source.close()
    finally:
        remove_with_sidecars(tmp)
    return safety


def restore_and_migrate(db: Db, db_path: Path, backup: Path) -> Path:
    """:func:`restore` (the copy is already at the current schema); returns the safety copy."""
    safety = restore(db, db_path, backup)
    migrations.apply(db)
    identity.mark(db)
    return safety


def newest_good_backup(folder: Path) -> BackupInfo | None:
    """The newest backup that passes quick_check, or None."""
    return next((b for b in list_backups(folder) if b.ok), None)


def recover_from_backup(db_path: Path, now: dt.datetime | None = None) -> tuple[Path, BackupInfo]:
    """Replace a damaged data file by its newest good backup.

    The damaged file is never deleted: it is copied to ``<name>.损坏-<time>`` beside the original for
    inspection. The backup is checked in a temporary copy first and moved into place in one step.
    Returns (where the damaged file went, the backup used); raises StorageError when there is no good
    backup (and then changes nothing).
    """
    from fazhi_desktop.storage import candidate
    from fazhi_desktop.storage.lock import DatabaseLock

    with DatabaseLock(db_path):
        tmp, good = None, None
        for info in (b for b in list_backups(backup_dir_for(db_path)) if b.ok):
            try:
                tmp, good = candidate.prepare(info.path, db_path, candidate.label_of(info.path)), info
                break
            except StorageError:
                continue
        if tmp is None or good is None:
            raise StorageError(f"没有找到可用的备份，无法自动恢复。损坏的数据文件仍在 {db_path}，请联系技术支持。")
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        aside = db_path.with_name(f"{db_path.name}.损坏-{stamp}")
        try:
            for name in ("", *SIDECARS):
                source = db_path.with_name(db_path.name + name)
                if source.exists():
                    shutil.copy2(source, aside.with_name(aside.name + name))
            for name in SIDECARS:  # the damaged file's journal must never be applied to the backup
                db_path.with_name(db_path.name + name).unlink(missing_ok=True)
            os.replace(tmp, db_path)
        except OSError as exc:
            remove_with_sidecars(tmp)
            raise faults.from_os_error(exc, f"数据文件 {db_path.name}") from exc
    return aside, good
