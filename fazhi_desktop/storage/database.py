"""Opening the SQLite file: pragmas, journal mode, schema checks and migrations.

The file is the user's document. It is never written to before we know it is ours and not from a
newer version of the program, and it is backed up before any migration touches it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from fazhi_desktop.storage import migrations
from fazhi_desktop.storage.connection import Db
from fazhi_desktop.storage.errors import StorageError
from fazhi_desktop.storage.location import drive_kind


class SchemaTooNewError(StorageError):
    """The file was written by a newer version of the program."""


class NotADatabaseError(StorageError):
    """The file is not a SQLite database (or is damaged beyond opening)."""


class CorruptDatabaseError(NotADatabaseError):
    """The file is SQLite but fails ``PRAGMA quick_check``."""


def backup_to(db: Db, target: Path) -> Path:
    """A consistent copy of the open database at ``target`` (SQLite backup API)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    dest = sqlite3.connect(str(target))
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def backup_dir_for(path: Path) -> Path:
    return path.parent / "backups"


def _has_user_tables(db: Db) -> bool:
    return any(not name.startswith("_") for name in db.table_names())


def _check_not_newer(db: Db, path: Path) -> None:
    unknown = migrations.unknown_names(db)
    if unknown:
        raise SchemaTooNewError(
            f"数据文件 {path.name} 由更新版本的本程序创建（含有本版本不认识的数据结构 {unknown[-1]}），"
            "为避免损坏数据，本程序不会打开它。请升级到最新版本后再打开。"
        )


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


def open_database(path: Path, *, journal: str | None = None) -> Db:
    """Open (creating if needed) the data file at ``path`` and bring its schema up to date.

    ``journal`` forces "wal" or "delete" (tests); by default it follows the disk type.
    Raises :class:`StorageError` subclasses with Chinese messages.
    """
    path = Path(path)
    existed = path.exists() and path.stat().st_size > 0
    if path.exists() and path.is_dir():
        raise StorageError(f"{path} 是一个文件夹，不是数据文件。")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = Db(sqlite3.connect(str(path)))
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=3000")
        _check_not_newer(db, path)
        if existed:
            verdict = db.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                db.close()
                raise CorruptDatabaseError(
                    f"数据文件 {path.name} 已损坏（完整性检查未通过：{verdict}）。本程序不会改动它，"
                    f"请从 {backup_dir_for(path)} 中的备份恢复。"
                )
    except sqlite3.DatabaseError as exc:
        raise NotADatabaseError(
            f"文件 {path.name} 不是本程序的数据文件，或已经损坏，无法打开（{exc}）。"
        ) from exc
    try:
        _set_journal(db, path, journal)
        pending = migrations.pending_names(db)
        if pending and existed and _has_user_tables(db):
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_to(db, backup_dir_for(path) / f"{path.stem}-{stamp}-升级前.db")
        migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        db.close()
        raise StorageError(f"数据文件 {path.name} 无法更新（{exc}），原文件未被改动。") from exc
    return db


def open_memory() -> Db:
    """An in-memory database with the full schema (tests and the smoke test)."""
    db = Db.memory()
    db.execute("PRAGMA foreign_keys=ON")
    migrations.apply(db)
    return db
