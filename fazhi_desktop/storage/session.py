"""Opening a data file for work: the writer (lock, checks, migrations, the daily backup) or a viewer.

A writer holds the OS lock for its whole life. A viewer — the read-only commands, a window opened on
a file another program holds, a write-protected U盘 or CD — takes no lock, creates no file and writes
nothing; it goes through the same checks (ours, not newer, not damaged).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fazhi_desktop.storage import faults
from fazhi_desktop.storage.connection import Db
from fazhi_desktop.storage.database import (
    backup_dir_for,
    clean_leftovers,
    open_database,
    open_reader,
    wal_in_use,
    writable,
)
from fazhi_desktop.storage.errors import (
    NotADatabaseError,
    PermissionDeniedError,
    ReadOnlyError,
    SchemaTooNewError,
    StorageError,
)
from fazhi_desktop.storage.lock import WINDOW, DatabaseLock, LockedError
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.storage.warnlog import warning

LOCKED_BY_ANOTHER = "数据文件正被其他程序使用"
READ_ONLY_PLACE = "数据文件所在的位置不可写（写保护的U盘、光盘或没有写入权限的文件夹）"


@dataclass
class Session:
    """An open data file. ``read_only`` for a viewer; ``why_read_only`` then says why, for the window's
    banner (LOCKED_BY_ANOTHER, READ_ONLY_PLACE)."""

    path: Path
    store: ReportStore
    lock: DatabaseLock | None
    read_only: bool = False
    why_read_only: str = ""
    warnings: list[str] = field(default_factory=list)  # e.g. the start-up backup failed (disk full)

    @property
    def db(self) -> Db:
        return self.store.db

    def backup(self, reason: str) -> Path | None:
        """A backup now (before deleting a report, replacing by import …); None in read-only mode."""
        if self.read_only:
            return None
        from fazhi_desktop.storage import backups  # (a reading command never makes one)

        made = backups.make_backup(self.db, self.path, reason)
        backups.rotate(backup_dir_for(self.path))
        return made

    def restore(self, backup: Path) -> Path:
        """Replace the content by ``backup`` (checked in a temporary copy first; the current content is
        backed up; returns that copy). An older backup is brought up to the current schema."""
        if self.read_only:
            raise StorageError("只读打开时不能恢复备份。")
        from fazhi_desktop.storage import backups

        return backups.restore_and_migrate(self.db, self.path, backup)

    def close(self, backup: bool = True) -> None:
        """Back up (clean exit), close the file and release the lock. A failed exit backup (a full disk)
        is logged, never raised: the data itself is saved and the lock must go."""
        try:
            if backup and not self.read_only and self.store.list_reports():
                self.backup("退出")
        except StorageError:
            warning(__name__, "exit backup of %s failed", self.path, exc_info=True)
        finally:
            self.db.close()
            if self.lock is not None:
                self.lock.release()


def open_viewer(path: Path, why: str = "") -> Session:
    """The data file for reading only, as a snapshot in memory: no file created, nothing written.

    While no writer is at work (the lock is held for the few milliseconds of the copy, so none can
    start) the file is read without SQLite's shared memory, so a read leaves no ``-shm``/``-wal``
    files behind and works on a full disk or a write-protected medium. While a writer works, it is
    read the ordinary read-only way, which sees everything the writer has saved."""
    path = Path(path)
    guard = DatabaseLock(path)
    quiet = guard.acquire_for_reading()
    try:
        try:
            db = open_reader(path, immutable=quiet and not wal_in_use(path))
        except (NotADatabaseError, SchemaTooNewError, PermissionDeniedError):
            raise
        except StorageError:  # e.g. SQLite cannot make its shared memory on a full or read-only disk
            if not quiet:
                raise
            db = open_reader(path, immutable=True)
    finally:
        guard.release()
    return Session(path, ReportStore(db), None, read_only=True, why_read_only=why)


def open_session(path: Path, *, read_only_if_locked: bool = False, journal: str | None = None,
                 daily_backup: bool = True, role: str = WINDOW) -> Session:
    """Lock and open the data file at ``path`` for writing.

    Raises :class:`LockedError` when another program holds it and :class:`ReadOnlyError` when it cannot
    be written (a write-protected medium) — unless ``read_only_if_locked``, which then opens a viewer
    (its ``why_read_only`` is the reason) — and the errors of :func:`open_database` for damaged, foreign
    or newer files. Makes the once-a-day backup (a failure is a warning, not an error).
    """
    path = Path(path)
    lock = DatabaseLock(path, role)
    try:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)  # a new data folder (e.g. --db on a fresh U盘)
        except OSError as exc:
            raise faults.from_os_error(exc, f"数据文件夹 {path.parent}") from exc
        lock.acquire()
        try:
            db = open_database(path, journal=journal)
        except BaseException:
            lock.release()
            raise
        if not writable(db):
            db.close()
            lock.release()
            raise faults.read_only(f"数据文件 {path.name}")
    except (LockedError, ReadOnlyError) as exc:
        if not read_only_if_locked or not path.exists():
            raise
        return open_viewer(path, LOCKED_BY_ANOTHER if isinstance(exc, LockedError) else READ_ONLY_PLACE)
    clean_leftovers(path)
    session = Session(path, ReportStore(db), lock)
    from fazhi_desktop.storage import backups

    if daily_backup and backups.daily_backup_due(backup_dir_for(path)) and session.store.list_reports():
        try:
            session.backup("启动")
        except StorageError as exc:
            warning(__name__, "start-up backup of %s failed", path, exc_info=True)
            session.warnings.append(str(exc))
    return session
