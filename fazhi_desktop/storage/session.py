"""Opening a data file for work: lock, integrity, migrations, the daily backup; and closing it cleanly."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from fazhi_desktop.storage import backups
from fazhi_desktop.storage.connection import Db
from fazhi_desktop.storage.database import StorageError, backup_dir_for, open_database
from fazhi_desktop.storage.lock import DatabaseLock, LockedError
from fazhi_desktop.storage.repository import ReportStore


@dataclass
class Session:
    """An open data file. ``read_only`` when another program holds the lock and the user chose to look."""

    path: Path
    store: ReportStore
    lock: DatabaseLock
    read_only: bool = False

    @property
    def db(self) -> Db:
        return self.store.db

    def backup(self, reason: str) -> Path | None:
        """A backup now (before deleting a report, replacing by import …); None in read-only mode."""
        if self.read_only:
            return None
        made = backups.make_backup(self.db, self.path, reason)
        backups.rotate(backup_dir_for(self.path))
        return made

    def restore(self, backup: Path) -> Path:
        """Replace the content by ``backup`` (the current content is backed up first; returns that copy).

        An older backup is brought up to the current schema at once.
        """
        if self.read_only:
            raise StorageError("只读打开时不能恢复备份。")
        return backups.restore_and_migrate(self.db, self.path, backup)

    def close(self, backup: bool = True) -> None:
        """Back up (clean exit), close the file and release the lock."""
        try:
            if backup and not self.read_only and self.store.list_reports():
                self.backup("退出")
        finally:
            self.db.close()
            self.lock.release()


def _open_read_only(path: Path) -> Db:
    if not path.exists():
        raise StorageError(f"数据文件 {path} 不存在。")
    return Db(sqlite3.connect(f"file:{path}?mode=ro", uri=True))


def open_session(path: Path, *, read_only_if_locked: bool = False, force: bool = False,
                 journal: str | None = None, daily_backup: bool = True) -> Session:
    """Lock and open the data file at ``path``.

    Raises :class:`LockedError` when a live program holds it (unless ``read_only_if_locked``, which then
    opens it read-only, or ``force``, which breaks the lock on the user's word), and the errors of
    :func:`open_database` for damaged or newer files. Makes the once-a-day backup.
    """
    path = Path(path)
    if not read_only_if_locked or not path.exists():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)  # a new data folder (e.g. --db on a fresh U盘)
        except OSError as exc:
            raise StorageError(f"无法创建数据文件夹 {path.parent}（{exc.strerror or exc}）。") from exc
    lock = DatabaseLock(path)
    try:
        lock.acquire(force=force)
    except LockedError:
        if not read_only_if_locked:
            raise
        return Session(path, ReportStore(_open_read_only(path)), lock, read_only=True)
    try:
        db = open_database(path, journal=journal)
    except BaseException:
        lock.release()
        raise
    session = Session(path, ReportStore(db), lock)
    folder = backup_dir_for(path)
    if daily_backup and backups.daily_backup_due(folder) and session.store.list_reports():
        session.backup("启动")
    return session
