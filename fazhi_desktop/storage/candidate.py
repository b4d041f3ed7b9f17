"""A data file from elsewhere — a backup chosen for 从备份恢复 — checked completely in a temporary copy
before it may replace anything.

The copy is made beside the data file (same disk), then: ours (application id or our migration
record)? not from a newer version? ``integrity_check`` and ``foreign_key_check`` clean? brought up to
the current schema, and every report, chapter, block and figure typed and in range (core.limits)?
Only then does the caller swap it in, in one step. Any failure removes the copy and leaves the data
file exactly as it was.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fazhi_desktop.core import limits
from fazhi_desktop.storage import faults, identity, migrations
from fazhi_desktop.storage.connection import Db
from fazhi_desktop.storage.database import connect_read_only, remove_with_sidecars, temp_path
from fazhi_desktop.storage.errors import CorruptDatabaseError, NotOursError, SchemaTooNewError, StorageError


def prepare(candidate: Path, db_path: Path, label: str, page_size: int | None = None) -> Path:
    """A checked, up-to-date copy of ``candidate`` beside ``db_path``; the caller swaps it in and removes it.

    ``label`` names the candidate in messages (e.g. "备份文件 fazhi-20260101-080000-手动.db");
    ``page_size`` is the data file's, which the copy takes (the backup API cannot copy across page
    sizes into a WAL file)."""
    try:
        head = identity.read_magic(candidate)
    except OSError as exc:
        raise faults.from_os_error(exc, label) from exc
    if head is None:
        raise StorageError(f"{label} 是空文件，不能用来恢复。")
    if head != identity.SQLITE_MAGIC:
        raise NotOursError(f"{label} 已损坏，或不是本程序的数据文件（内容不是数据库格式），不能用来恢复。")
    tmp = temp_path(db_path, "restore")
    remove_with_sidecars(tmp)
    try:
        _copy(candidate, tmp)
        db = Db(sqlite3.connect(str(tmp)))
        try:
            _check(db, candidate, label)
            if page_size and db.conn.execute("PRAGMA page_size").fetchone()[0] != page_size:
                db.execute(f"PRAGMA page_size = {int(page_size)}")
                db.execute("VACUUM")
        finally:
            db.close()
    except BaseException as exc:
        remove_with_sidecars(tmp)
        if isinstance(exc, sqlite3.Error):
            raise faults.from_sqlite(exc, tmp, "恢复所需的临时副本") from exc
        if isinstance(exc, OSError):
            raise faults.from_os_error(exc, "恢复所需的临时副本") from exc
        raise
    return tmp


def _copy(candidate: Path, tmp: Path) -> None:
    """A consistent copy (the SQLite backup API) that never writes beside the candidate."""
    source = connect_read_only(candidate, immutable=True)
    try:
        target = sqlite3.connect(str(tmp))
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=delete")
        finally:
            target.close()
    except sqlite3.DatabaseError as exc:
        if "malformed" in str(exc) or "not a database" in str(exc):
            raise CorruptDatabaseError(f"{label_of(candidate)} 已损坏，不能用来恢复。") from exc
        raise
    finally:
        source.close()


def label_of(path: Path) -> str:
    return f"备份文件 {path.name}"


def _check(db: Db, candidate: Path, label: str) -> None:
    try:
        state = identity.inspect(db, candidate)
    except NotOursError as exc:
        raise NotOursError(f"{label} 不是本程序的数据文件或备份，不能用来恢复。当前数据没有改动。") from exc
    except SchemaTooNewError as exc:
        raise SchemaTooNewError(f"{label} 由更新版本的本程序创建，请先升级本程序再恢复。当前数据没有改动。") from exc
    if state is identity.FileState.EMPTY:
        raise StorageError(f"{label} 中没有任何数据，不能用来恢复。")
    verdict = db.conn.execute("PRAGMA integrity_check").fetchone()[0]
    if verdict != "ok":
        raise CorruptDatabaseError(f"{label} 已损坏（完整性检查未通过），不能用来恢复。")
    db.execute("PRAGMA foreign_keys=ON")
    migrations.apply(db)
    identity.mark(db)
    if db.conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise CorruptDatabaseError(f"{label} 中有不完整的数据（章节或条目缺少所属的报告），不能用来恢复。")
    problem = rows_problem(db)
    if problem:
        raise StorageError(f"{label} 中的数据有误（{problem}），不能用来恢复。")


def rows_problem(db: Db) -> str:
    """What is wrong with the rows of an open data file ("" when every row is typed and in range)."""
    from fazhi_desktop.core.indicators import IndicatorKind, ValueState
    from fazhi_desktop.storage.repository import ReportStore

    store = ReportStore(db)
    n = 0
    try:
        for row in db.query("SELECT id FROM reports ORDER BY id"):
            n += 1
            limits.check_report(store.load_report(row["id"]))
        for row in db.query("SELECT value, state FROM indicator_values"):
            ValueState(row["state"])
            if row["value"] is not None:
                limits.check_number(row["value"], "数据指标的数值")
        for row in db.query("SELECT kind FROM custom_indicators"):
            IndicatorKind(row["kind"])
    except limits.LimitError as exc:
        return f"第{n}份报告：{exc}" if n else str(exc)
    except (ValueError, KeyError, TypeError, AttributeError, sqlite3.Error):
        return f"第{n}份报告的数据格式不对" if n else "数据格式不对"
    return ""
