"""Migrations: empty file, previous schema (with a backup first), newer schema refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fazhi_desktop.core.schema import REPORT_FIELDS, UNIT_FIELDS
from fazhi_desktop.storage import migrations
from fazhi_desktop.storage.connection import Db
from fazhi_desktop.storage.database import (
    NotADatabaseError,
    SchemaTooNewError,
    StorageError,
    open_database,
)
from fazhi_desktop.storage.migrations import known_names


def columns(db: Db, table: str) -> set[str]:
    return {c.name for c in db.table(table).columns}


def test_empty_file_gets_every_migration(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db", journal="delete")
    assert migrations.applied_names(db) == known_names()
    assert {"units", "reports", "chapters", "blocks", "meta"} <= set(db.table_names())
    assert not (tmp_path / "backups").exists()  # nothing to back up in a new file
    db.close()


def test_every_schema_field_has_its_column(tmp_path: Path) -> None:
    db = open_database(tmp_path / "x.db", journal="delete")
    assert {f.key for f in REPORT_FIELDS} <= columns(db, "reports")
    assert {f.key for f in UNIT_FIELDS} <= columns(db, "units")
    db.close()


def test_reopening_is_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    open_database(path, journal="delete").close()
    db = open_database(path, journal="delete")
    assert len(migrations.applied_names(db)) == len(known_names())
    db.close()


def test_previous_schema_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Db(sqlite3.connect(path))
    migrations.apply(old, stop_before=known_names()[-1])  # the file as the previous version left it
    old.table("units").insert({"short_name": "千佛镇", "full_name": "千佛镇人民政府"})
    old.close()

    db = open_database(path, journal="delete")
    assert migrations.applied_names(db) == known_names()
    assert db.table("units").count == 1  # data kept
    backups = list((tmp_path / "backups").glob("old-*-升级前.db"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    names = [r[0] for r in copy.execute("SELECT name FROM _sqlite_migrations")]
    assert names == known_names()[:-1]  # the backup is the file before the migration
    assert copy.execute("SELECT short_name FROM units").fetchone()[0] == "千佛镇"
    copy.close()
    db.close()


def test_file_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    db = open_database(path, journal="delete")
    db.table("_sqlite_migrations").insert(
        {"migration_set": "fazhi_desktop", "name": "m999_from_the_future", "applied_at": "2030-01-01"}
    )
    db.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNewError) as info:
        open_database(path, journal="delete")
    assert "更新版本" in str(info.value)
    assert path.read_bytes() == before


@pytest.mark.parametrize(("content", "said"), [
    (b"PK\x03\x04 this is a docx, not a database" * 50, "不是本程序的数据文件"),
    (b"\x00" * 4096, "已损坏"),  # zeroed by a power cut: damaged
])
def test_not_a_database_is_refused_untouched(tmp_path: Path, content: bytes, said: str) -> None:
    path = tmp_path / "report.db"
    path.write_bytes(content)
    with pytest.raises(NotADatabaseError) as info:
        open_database(path, journal="delete")
    assert said in str(info.value)
    assert path.read_bytes() == content


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StorageError):
        open_database(tmp_path, journal="delete")


def test_journal_modes(tmp_path: Path) -> None:
    wal = open_database(tmp_path / "wal.db", journal="wal")
    assert wal.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    wal.close()
    delete = open_database(tmp_path / "usb.db", journal="delete")
    assert delete.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert delete.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert delete.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    delete.close()


def test_third_party_sqlite_utils_plugins_never_run_on_report_data(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # sqlite-utils would scan every installed package's entry points and let any plugin hook the
    # connection; the app opts out (also ~12 ms of start-up).
    import sqlite_utils.plugins

    from fazhi_desktop.storage.database import open_memory
    from fazhi_desktop.storage.session import open_session

    hooked: list[object] = []
    monkeypatch.setattr(sqlite_utils.plugins, "ensure_plugins_loaded", lambda: hooked.append("scan"))
    monkeypatch.setattr(sqlite_utils.plugins.pm.hook, "prepare_connection", lambda conn: hooked.append(conn))
    open_database(tmp_path / "a.db").close()
    open_memory().close()
    session = open_session(tmp_path / "b.db", daily_backup=False)
    session.close(backup=False)
    assert hooked == []
