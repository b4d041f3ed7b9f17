"""storage.connection.Db: plain-SQL reads and transactions with sqlite-utils' semantics; sqlite-utils
itself is loaded only for table writes and migrations (it costs ~50 ms of every start)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fazhi_desktop.storage.connection import Db


def _db() -> Db:
    db = Db.memory()
    db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)")
    return db


def test_a_write_outside_a_transaction_is_committed_at_once() -> None:
    db = _db()
    db.execute("INSERT INTO t (name) VALUES ('甲')")
    assert not db.conn.in_transaction
    assert db.select("t") == [{"id": 1, "name": "甲"}]


def test_atomic_commits_or_rolls_back_whole() -> None:
    db = _db()
    with db.atomic():
        db.execute("INSERT INTO t (name) VALUES ('甲')")
        db.table("t").insert({"name": "乙"})  # sqlite-utils joins the same transaction
    with pytest.raises(RuntimeError), db.atomic():
        db.execute("INSERT INTO t (name) VALUES ('丙')")
        raise RuntimeError("boom")
    assert [r["name"] for r in db.select("t", order_by="id")] == ["甲", "乙"]
    assert not db.conn.in_transaction


def test_nested_atomic_rolls_back_only_the_inner_block() -> None:
    db = _db()
    with db.atomic():
        db.execute("INSERT INTO t (name) VALUES ('外')")
        with pytest.raises(ValueError), db.atomic():
            db.execute("INSERT INTO t (name) VALUES ('内')")
            raise ValueError
    assert [r["name"] for r in db.select("t")] == ["外"]


def test_a_failed_statement_leaves_no_open_transaction() -> None:
    db = _db()
    db.execute("CREATE TABLE u (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO u (v) VALUES (NULL)")
    assert not db.conn.in_transaction


def test_select_where_and_order() -> None:
    db = _db()
    for name in ("丙", "甲", "乙"):
        db.execute("INSERT INTO t (name) VALUES (?)", [name])
    assert [r["id"] for r in db.select("t", "name != ?", ["甲"], order_by="id DESC")] == [3, 1]
    assert "t" in db.table_names()


def test_reading_and_exporting_never_load_sqlite_utils(tmp_path: Path) -> None:
    from fazhi_desktop.storage.session import open_session

    session = open_session(tmp_path / "fazhi.db", daily_backup=False)
    from fazhi_desktop.demo import ensure_demo

    ensure_demo(session.store)
    session.close(backup=False)
    script = textwrap.dedent(f"""
        import sys
        from fazhi_desktop.cli import main
        code = main(["--db", {str(tmp_path / 'fazhi.db')!r}, "export", "--unit", "示例镇", "--year", "2025",
                     "-o", {str(tmp_path / 'out.docx')!r}])
        unneeded = ("socket", "decimal", "logging", "fazhi_desktop.core.indicators", "fazhi_desktop.core.templates",
                    "fazhi_desktop.export.blocks", "fazhi_desktop.export.appendix", "fazhi_desktop.export.imprint",
                    "fazhi_desktop.storage.backups")
        print("UNNEEDED", [m for m in unneeded if m in sys.modules])
        code |= main(["--db", {str(tmp_path / 'fazhi.db')!r}, "list"])
        from fazhi_desktop.storage.session import open_session
        s = open_session({str(tmp_path / 'fazhi.db')!r}, daily_backup=False)
        s.store.set_meta("ui.last_report_id", "1")
        assert s.store.get_meta("ui.last_report_id") == "1"
        print("READ", "sqlite_utils" in sys.modules)
        rid = s.store.list_reports()[0].id
        chapter = s.store.load_report(rid).chapters[0]
        s.store.update_chapter(chapter.id, lead="改过的导语")
        print("WRITE", "sqlite_utils" in sys.modules)
        s.close(backup=False)
        sys.exit(code)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "READ False" in done.stdout
    assert "UNNEEDED []" in done.stdout  # what a plain export does not use is not imported
    assert "WRITE True" in done.stdout
    assert (tmp_path / "out.docx").stat().st_size > 10_000
