"""Opening the SQLite file: for the one writer (checks, marks, journal mode, migrations) or for reading.

The file is the user's document. Nothing is written to it before we know it is ours (or empty) and
not from a newer version, and it is backed up before any migration touches it. Readers never write
at all: they open it through a read-only URI (escaped, so ``#``, ``?`` and ``%`` in a path are just
characters) and bring an older schema up to date in a copy in memory.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from urllib.parse import quote, urlencode

from fazhi_desktop import oserrors
from fazhi_desktop.storage import faults, identity, migrations
from fazhi_desktop.storage.connection import Db
from fazhi_desktop.storage.errors import (
    CorruptDatabaseError,
    DiskFullError,
    NotADatabaseError,
    PermissionDeniedError,
    ReadOnlyError,
    SchemaTooNewError,
    StorageError,
)
from fazhi_desktop.storage.location import drive_kind

__all__ = ["CorruptDatabaseError", "NotADatabaseError", "SchemaTooNewError", "StorageError", "backup_dir_for",
           "backup_to", "open_database", "open_memory", "open_reader", "sqlite_uri"]
SIDECARS = ("-wal", "-shm", "-journal")


def sqlite_uri(path: Path, **params: str) -> str:
    """A ``file:`` URI for ``path`` that SQLite reads back exactly (every special character escaped)."""
    text = Path(path).absolute().as_posix()
    if not text.startswith("/"):  # C:/… on Windows
        text = "/" + text
    query = urlencode(params)
    return "file://" + quote(text, safe="/:") + (f"?{query}" if query else "")


def connect_read_only(path: Path, immutable: bool = False) -> sqlite3.Connection:
    """A connection that cannot write (``immutable``: nor lock — for files no one changes, e.g. backups)."""
    params = {"mode": "ro", **({"immutable": "1"} if immutable else {})}
    return sqlite3.connect(sqlite_uri(path, **params), uri=True)


def backup_to(db: Db, target: Path) -> Path:
    """A consistent copy of the open database at ``target`` (SQLite backup API).

    Written under a temporary name and renamed when complete (a copy cut short never looks like a
    backup), in rollback-journal mode so that opening it never leaves ``-wal``/``-shm`` files beside it.
    Raises StorageError ("备份失败（磁盘空间已满）…"); the data file itself is never changed."""
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(str(tmp))
        try:
            db.conn.backup(dest)
            dest.execute("PRAGMA journal_mode=delete")
        finally:
            dest.close()
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as exc:
        remove_with_sidecars(tmp)
        raise _backup_failed(exc, target.parent) from exc
    return target


def _backup_failed(exc: OSError | sqlite3.Error, folder: Path) -> StorageError:
    if isinstance(exc, OSError):
        why = oserrors.reason(exc)
    else:
        error = faults.from_sqlite(exc, folder / "backup.db")
        why = {DiskFullError: oserrors.DISK_FULL, ReadOnlyError: oserrors.READ_ONLY,
               PermissionDeniedError: oserrors.NO_PERMISSION}.get(type(error), "写入出错")
    return StorageError(f"备份失败（{why}），数据文件本身没有改动。请检查 {folder} 是否可写、磁盘是否已满。")


def backup_dir_for(path: Path) -> Path:
    return path.parent / "backups"


def remove_with_sidecars(path: Path) -> None:
    for name in (path.name, *(path.name + s for s in SIDECARS)):
        with contextlib.suppress(OSError):
            path.with_name(name).unlink()


def temp_path(db_path: Path, purpose: str) -> Path:
    """A temporary file of ours beside the data file (hidden; removed by the next writer if left by a crash)."""
    return db_path.with_name(f".{db_path.name}-{purpose}-{os.getpid()}.tmp")


def clean_leftovers(db_path: Path) -> None:
    """Remove temporary files a killed program of ours left beside the data file and its backups.

    Only the lock holder calls this, so no other writer of ours can be using them; the patterns are the
    restore copy (``.fazhi.db-restore-<pid>.tmp``) and backups cut short (``backups/.fazhi-<time>-<reason>.db.tmp``),
    never another file (an export in progress into the same folder has its own names)."""
    found = [*db_path.parent.glob(f".{db_path.name}-*.tmp"), *backup_dir_for(db_path).glob(f".{db_path.stem}-*.db.tmp")]
    for leftover in found:
        remove_with_sidecars(leftover)


def _has_user_tables(db: Db) -> bool:
    return any(not name.startswith("_") for name in db.table_names())


def _set_journal(db: Db, path: Path, journal: str | None) -> str:
    """WAL on local disks; rollback journal + synchronous=FULL on removable/network paths."""
    mode = journal or ("wal" if drive_kind(path) == "local" else "delete")
    if mode == "wal":
        db.execute("PRAGMA journal_mode=wal")
        db.execute("PRAGMA synchronous=NORMAL")
    else:
        db.execute("PRAGMA journal_mode=delete")
        db.execute("PRAGMA synchronous=FULL")
    return mode


def _quick_check(db: Db, path: Path) -> None:
    verdict = db.conn.execute("PRAGMA quick_check").fetchone()[0]
    if verdict != "ok":
        raise CorruptDatabaseError(faults.damaged_text(path, f"完整性检查未通过：{verdict}"))


def _magic(path: Path) -> bytes | None:
    if path.is_dir():
        raise StorageError(f"{path} 是一个文件夹，不是数据文件。")
    try:
        head = identity.read_magic(path)
    except OSError as exc:
        raise faults.from_os_error(exc, f"数据文件 {path.name}") from exc
    if head is not None and head != identity.SQLITE_MAGIC:
        raise identity.not_sqlite(path, head)
    return head


def open_database(path: Path, *, journal: str | None = None) -> Db:
    """Open (creating if needed) the data file at ``path`` for writing and bring its schema up to date.

    The caller holds the file's lock. ``journal`` forces "wal" or "delete" (tests); by default it
    follows the disk type. Raises :class:`StorageError` subclasses with Chinese messages; a file this
    call created is removed again when it fails.
    """
    path = Path(path)
    existed = _magic(path) is not None
    created = not path.exists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = Db(sqlite3.connect(str(path)))
    except OSError as exc:
        raise faults.from_os_error(exc, f"数据文件 {path.name}") from exc
    except sqlite3.Error as exc:
        raise faults.from_sqlite(exc, path) from exc
    try:
        db.execute("PRAGMA busy_timeout=3000")
        state = identity.inspect(db, path)  # reads only; refuses what is not ours
        if existed:
            _quick_check(db, path)
        if state in (identity.FileState.NEW, identity.FileState.EMPTY):
            db.execute(f"PRAGMA application_id = {identity.APP_ID}")  # marked before anything else
        db.execute("PRAGMA foreign_keys=ON")
        _set_journal(db, path, journal)
        if migrations.pending_names(db) and existed and _has_user_tables(db):
            from fazhi_desktop.storage.backups import make_backup

            make_backup(db, path, "升级前")
        migrations.apply(db)
        identity.mark(db)
    except BaseException as exc:
        db.close()
        if created:
            remove_with_sidecars(path)
        if isinstance(exc, sqlite3.Error):
            raise faults.from_sqlite(exc, path) from exc
        raise
    return db


def open_reader(path: Path, *, immutable: bool = False) -> Db:
    """The data file at ``path``, read into memory: no lock, no journal switch, no file created.

    Checked like a writer's open (ours, not newer, not damaged); an older schema is brought up to date
    in the copy; an empty or missing file reads as an empty store. The file itself is closed again at
    once, so a command that only reads holds nothing while it works. ``immutable``: read the file
    without SQLite's locks and shared memory (only when no writer can be at work, see open_viewer).
    """
    path = Path(path)
    if _magic(path) is None:
        return open_memory(read_only=True)
    memory = Db(sqlite3.connect(":memory:"))
    try:
        source = Db(connect_read_only(path, immutable))
        try:
            source.execute("PRAGMA busy_timeout=3000")
            state = identity.inspect(source, path)
            if state is not identity.FileState.EMPTY:
                source.conn.backup(memory.conn)  # one consistent snapshot, even while a writer works
        finally:
            source.close()
        if state is identity.FileState.EMPTY:
            memory.close()
            return open_memory(read_only=True)
        _quick_check(memory, path)
        memory.execute("PRAGMA foreign_keys=ON")
        migrations.apply(memory)  # a file from an older version: upgraded in the copy only
        memory.execute("PRAGMA query_only = ON")  # a write would be lost with the copy: refuse it ("只读")
    except BaseException as exc:
        memory.close()
        if isinstance(exc, sqlite3.Error):
            raise faults.from_sqlite(exc, path) from exc
        raise
    return memory


def wal_in_use(path: Path) -> bool:
    """A ``-wal`` file with content beside the data file: its last saves may still be in there."""
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except OSError:
        return False


def writable(db: Db) -> bool:
    """Whether SQLite may write the open file (a read-only file opens, but refuses the first write)."""
    try:
        db.conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error:
        return False
    db.conn.execute("ROLLBACK")
    return True


def open_memory(read_only: bool = False) -> Db:
    """An in-memory database with the full schema (tests, the smoke test, an empty reader)."""
    db = Db.memory()
    db.execute("PRAGMA foreign_keys=ON")
    migrations.apply(db)
    if read_only:
        db.execute("PRAGMA query_only = ON")
    return db


def same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
