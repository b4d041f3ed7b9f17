"""One writer per file: the lock, stale locks, read-only second opens; sessions back up; disk faults."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fazhi_desktop.core.model import Report
from fazhi_desktop.core.templates import new_report
from fazhi_desktop.storage.backups import list_backups
from fazhi_desktop.storage.chapters import WriteError
from fazhi_desktop.storage.lock import DatabaseLock, LockedError
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.storage.session import open_session
from tests.lock_holder import held_lock, write_stale_info

HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from fazhi_desktop.storage.session import open_session
    s = open_session(Path(sys.argv[1]), journal="delete")
    print("locked", flush=True)
    sys.stdin.readline()
    s.close()
""")


def test_second_process_is_refused_then_may_read(tmp_path: Path) -> None:
    path = tmp_path / "fazhi.db"
    first = open_session(path, journal="delete")
    first.store.create_report(new_report(first.store.ensure_unit("千佛镇"), 2021))
    first.close(backup=False)

    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        lock = DatabaseLock(path)
        with pytest.raises(LockedError) as info:
            lock.acquire()
        assert "本机的本程序窗口" in str(info.value) and str(holder.pid) in str(info.value)
        viewer = open_session(path, read_only_if_locked=True)
        assert viewer.read_only and [s.unit for s in viewer.store.list_reports()] == ["千佛镇"]
        with pytest.raises(WriteError, match="只读"):
            viewer.store.ensure_unit("东城街道")
        viewer.close()
        assert DatabaseLock(path).read() is not None  # closing the viewer left the holder's lock alone
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.communicate(timeout=30)  # waits and closes the pipes
    assert DatabaseLock(path).read() is None  # the holder released it on close
    open_session(path, journal="delete").close()


def test_stale_lock_of_a_dead_process_is_no_obstacle(tmp_path: Path) -> None:
    path = tmp_path / "fazhi.db"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    lock_file = write_stale_info(path, int(dead.stdout), socket.gethostname())
    session = open_session(path, journal="delete")
    assert DatabaseLock(path).read().pid == os.getpid()  # type: ignore[union-attr]
    session.close()
    assert not lock_file.exists()


def test_another_pc_holding_the_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "fazhi.db"
    open_session(path, journal="delete").close()
    with held_lock(path, host="XZ-PC-02"), pytest.raises(LockedError, match="XZ-PC-02 上的本程序窗口"):
        open_session(path, journal="delete")
    open_session(path, journal="delete").close()  # released with the holder


def test_session_backs_up_once_a_day_and_on_exit(tmp_path: Path, demo_report: Report) -> None:
    from dataclasses import replace

    path = tmp_path / "fazhi.db"
    s = open_session(path, journal="delete")
    s.store.create_report(replace(demo_report, unit=s.store.save_unit(demo_report.unit)))
    s.close()
    assert [b.reason for b in list_backups(tmp_path / "backups")] == ["退出"]
    s = open_session(path, journal="delete")  # today's backup exists already: no start-up backup
    s.close(backup=False)
    assert len(list_backups(tmp_path / "backups")) == 1


def test_disk_full_is_a_clear_message_and_nothing_half_written(store: ReportStore, template_report: Report) -> None:
    assert template_report.id is not None
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now "full"
    chapter = template_report.chapters[0]
    assert chapter.id is not None
    with pytest.raises(WriteError, match="磁盘空间已满"):
        store.update_report_field(template_report.id, "opening", "很长的开头段。" * 20000)
    assert store.load_report(template_report.id) == template_report
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_folder_lock_message(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(Exception, match="只读"):
            open_session(folder / "fazhi.db", journal="delete")
    finally:
        folder.chmod(0o755)


def test_restoring_an_older_schema_backup_migrates_it(tmp_path: Path) -> None:
    from fazhi_desktop.storage import migrations
    from fazhi_desktop.storage.connection import Db
    from fazhi_desktop.storage.migrations import known_names

    old = tmp_path / "backups" / "fazhi-20250101-080000-手动.db"
    old.parent.mkdir()
    db = Db(sqlite3.connect(old))
    migrations.apply(db, stop_before=known_names()[-1])  # a backup from the previous version
    db.table("units").insert({"short_name": "千佛镇", "full_name": "千佛镇人民政府"})
    db.close()
    session = open_session(tmp_path / "fazhi.db", journal="delete")
    safety = session.restore(old)
    assert safety.exists()
    assert migrations.applied_names(session.db) == known_names()
    assert [u.short_name for u in session.store.list_units()] == ["千佛镇"]
    session.close(backup=False)


def test_lock_names_the_host_as_socket_does() -> None:
    """Locks written by earlier versions (socket.gethostname) stay recognisable as this PC's."""
    from fazhi_desktop.storage.lock import hostname

    assert hostname() == socket.gethostname()


def test_a_lock_file_emptied_by_a_power_cut_is_no_obstacle(tmp_path: Path) -> None:
    """Only the OS lock counts: a lock file left empty (or with garbage) by a crash is simply reused."""
    path = tmp_path / "fazhi.db"
    lock_file = path.with_name("fazhi.db.lock")
    for content in ("", "{garbage"):
        lock_file.write_text(content)
        session = open_session(path, journal="delete")
        assert DatabaseLock(path).read().pid == os.getpid()  # type: ignore[union-attr]
        session.close()
