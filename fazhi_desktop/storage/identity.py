"""Which files are ours: SQLite's ``application_id`` and ``user_version`` mark every data file.

A new file gets :data:`APP_ID` before anything else is written, and ``user_version`` counts the
migrations applied (storage.migrations sets it inside each migration's transaction, so a later
migration moves it on by itself). Files made before the mark existed are recognised by their
migration record and their tables, and are marked when a writer next opens them.

Anything else that is a non-empty SQLite database belongs to someone else and is refused before a
single byte is written: no journal switch, no tables, no backup.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from fazhi_desktop.storage import faults, migrations
from fazhi_desktop.storage.connection import Db
from fazhi_desktop.storage.errors import CorruptDatabaseError, NotOursError, SchemaTooNewError

APP_ID = 0x465A4247  # "FZBG"
SQLITE_MAGIC = b"SQLite format 3\x00"
# The tables of files written before the mark existed (frozen: new tables come with the mark).
LEGACY_TABLES = frozenset({"units", "reports", "chapters", "blocks", "meta", "indicator_values",
                           "custom_indicators", migrations.TABLE})


class FileState(Enum):
    NEW = "new"  # no file, or 0 bytes
    EMPTY = "empty"  # a SQLite file with nothing in it
    OURS = "ours"  # marked with our application id
    LEGACY = "legacy"  # ours, from before the mark


def read_magic(path: Path) -> bytes | None:
    """The first 16 bytes (None: no file or an empty one). OSError when it cannot be read."""
    if not path.exists():
        return None
    with path.open("rb") as handle:
        head = handle.read(16)
    return head or None


def not_sqlite(path: Path, head: bytes) -> NotOursError | CorruptDatabaseError:
    """A file that is not SQLite at all: damaged if it was ours (backups of it exist, or it was zeroed)."""
    backups = path.parent / "backups"
    ours_before = backups.is_dir() and any(backups.glob(f"{path.stem}-*.db"))
    if ours_before or head.strip(b"\x00") == b"":
        return CorruptDatabaseError(faults.damaged_text(path, "文件内容已不是数据库格式"))
    return NotOursError(faults.not_ours_text(path, "它不是 SQLite 数据库"))


def _objects(db: Db) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in db.conn.execute(
        "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")]


def _legacy(db: Db, tables: set[str]) -> bool:
    """Ours from before the mark: our migration record (or, cut short at creation, only its empty table)."""
    if migrations.TABLE not in tables or not tables <= LEGACY_TABLES:
        return False
    sets = {r[0] for r in db.conn.execute(f"SELECT DISTINCT migration_set FROM {migrations.TABLE}")}
    return sets == {migrations.SET_NAME} or (not sets and tables == {migrations.TABLE})


def inspect(db: Db, path: Path) -> FileState:
    """Ours (marked or from before the mark) or empty; raises NotOursError / SchemaTooNewError.

    Reads only: nothing is written, whatever the file is."""
    app_id = db.conn.execute("PRAGMA application_id").fetchone()[0]
    objects = _objects(db)
    tables = {name for kind, name in objects if kind == "table"}
    if app_id == APP_ID:
        state = FileState.OURS if tables else FileState.EMPTY
    elif app_id == 0 and not objects:
        return FileState.EMPTY
    elif app_id == 0 and _legacy(db, tables):
        state = FileState.LEGACY
    else:
        shown = "、".join(sorted(tables)[:3])
        detail = f"它是另一个程序的数据库，含有 {shown} 等数据表" if shown else "它是另一个程序的数据库"
        raise NotOursError(faults.not_ours_text(path, detail))
    check_not_newer(db, path)
    return state


def check_not_newer(db: Db, path: Path) -> None:
    version = db.conn.execute("PRAGMA user_version").fetchone()[0]
    unknown = migrations.unknown_names(db)
    if unknown or version > migrations.schema_version():
        what = f"含有本版本不认识的数据结构 {unknown[-1]}" if unknown else f"数据结构版本 {version}"
        raise SchemaTooNewError(
            f"数据文件 {path.name} 由更新版本的本程序创建（{what}），为避免损坏数据，本程序不会打开它。"
            "请升级到最新版本后再打开。")


def mark(db: Db) -> None:
    """Set our application id and the schema version (writers only; writes only what differs)."""
    if db.conn.execute("PRAGMA application_id").fetchone()[0] != APP_ID:
        db.execute(f"PRAGMA application_id = {APP_ID}")
    applied = len(migrations.applied_names(db))
    if db.conn.execute("PRAGMA user_version").fetchone()[0] != applied:
        db.execute(f"PRAGMA user_version = {applied}")
