"""Issue 17, items 5–10: files that are not ours, paths with ``#``, and the single-writer lock."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from fazhi_desktop.storage.errors import CorruptDatabaseError, NotOursError, SchemaTooNewError, StorageError
from fazhi_desktop.storage.session import READ_ONLY_PLACE, open_session
from tests.lock_holder import held_lock, write_stale_info
from tests.reliability import disks
from tests.reliability.material import Material, cli, place

READERS = [["list"], ["show", "--unit", "千佛镇", "--year", "2021"], ["data", "--unit", "千佛镇", "--year", "2021"],
           ["check", "--unit", "千佛镇", "--year", "2021"], ["backups"]]


@pytest.mark.parametrize("tables", [["contacts"], ["reports"], ["reports", "_sqlite_migrations"]])
def test_5_someone_elses_sqlite_file_is_never_touched(tables: list[str], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "通讯录.db"
    conn = sqlite3.connect(path)
    for table in tables:
        conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, name TEXT, migration_set TEXT)")
    conn.execute(f"INSERT INTO {tables[0]} (name, migration_set) VALUES ('张三', 'other_app')")
    conn.commit()
    conn.close()
    content = path.read_bytes()
    for argv in (["list"], ["new", "--unit", "千佛镇", "--year", "2021"], ["backup"], ["backups"],
                 ["set", "--unit", "千佛镇", "--year", "2021", "note=x"]):
        code, _out, err = cli(capsys, path, *argv)
        assert code in (0, 2), err
        if argv != ["backups"]:
            assert code == 2 and "不是本程序的数据文件" in err and "本程序没有改动它" in err, (argv, err)
    assert path.read_bytes() == content  # no journal switch, no tables, no migration record
    assert sorted(p.name for p in tmp_path.iterdir()) == ["通讯录.db"]  # no -wal, -shm, lock or backups


def test_5_an_empty_sqlite_file_becomes_ours_and_is_marked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "空.db"
    sqlite3.connect(path).close()  # 0 bytes
    conn = sqlite3.connect(tmp_path / "空2.db")
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    for db in (path, tmp_path / "空2.db"):
        assert cli(capsys, db, "new", "--unit", "千佛镇", "--year", "2021")[0] == 0
        snap = disks.snapshot(db)
        assert snap["application_id"] == 0x465A4247 and snap["user_version"] >= 4


@pytest.mark.parametrize("name", ["报告 #1", "50%进度", "问号?文件夹", "空 格", "中文目录"])
def test_6_special_characters_in_the_path_while_another_program_holds_it(name: str, material: Material,
                                                                          tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = place(material, tmp_path / name)
    assert cli(capsys, db, "backup")[0] == 0
    before = disks.files_in(tmp_path)
    with held_lock(db):
        for argv in READERS:
            code, out, err = cli(capsys, db, *argv)
            assert code in (0, 1), (argv, err)
            assert "已损坏" not in out and "no such table" not in err
        code, _out, err = cli(capsys, db, "export", "--unit", "千佛镇", "--year", "2021", "-o",
                              str(tmp_path / "导出.docx"))
        assert code == 0, err
    new = {n for n in disks.files_in(tmp_path) - before if not n.endswith(("-wal", "-shm"))}  # the holder's
    assert new == {"导出.docx"}  # no stray "报告 " file cut at the "#"


def test_7_a_lock_file_naming_a_reused_pid_is_no_obstacle(material: Material, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    db = place(material, tmp_path / "data")
    from fazhi_desktop.storage.lock import hostname

    write_stale_info(db, 1, hostname())  # pid 1 is alive (init), but it holds no lock on this file
    code, _out, err = cli(capsys, db, "set", "--unit", "千佛镇", "--year", "2021", "note=仍可修改")
    assert code == 0, err


CONTENDER = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from fazhi_desktop.storage.lock import DatabaseLock, LockedError
    db, marker, go = Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3])
    while time.time() < go:
        pass
    held = overlaps = 0
    for _ in range(int(sys.argv[4])):
        lock = DatabaseLock(db)
        try:
            lock.acquire()
        except LockedError:
            continue
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)   # only one holder can make it
            os.close(fd)
        except FileExistsError:
            overlaps += 1
        else:
            held += 1
            time.sleep(0.002)
            os.unlink(marker)
        lock.release()
    print(held, overlaps)
""")


def test_8_three_programs_started_together_never_share_the_lock(tmp_path: Path) -> None:
    import time

    db = tmp_path / "fazhi.db"
    from fazhi_desktop.storage.lock import hostname

    totals = [0, 0]
    for trial in range(2):
        dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
        write_stale_info(db, int(dead.stdout), hostname())  # the stale lock they all meet
        go = time.time() + 0.6
        procs = [subprocess.Popen([sys.executable, "-c", CONTENDER, str(db), str(tmp_path / f"held-{trial}"),
                                   str(go), "30"], stdout=subprocess.PIPE, text=True) for _ in range(3)]
        for proc in procs:
            held, overlaps = map(int, proc.communicate(timeout=120)[0].split())
            totals[0] += held
            totals[1] += overlaps
    assert totals[1] == 0, totals
    assert totals[0] >= 3  # they did take turns


def _read_only_place(material: Material, mount: Path) -> Path:
    db = place(material, mount)
    write_stale_info(db, 4242, "另一台电脑")  # a lock file left behind when the stick was last pulled out
    disks.remount(mount, "ro")
    return db


def test_9_a_write_protected_medium_is_viewed_and_exported(material: Material, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    with disks.tmpfs(tmp_path / "cd", 1024) as mount:
        db = _read_only_place(material, mount)
        try:
            files = disks.files_in(mount)
            for argv in READERS:
                assert cli(capsys, db, *argv)[0] in (0, 1), argv
            code, _out, err = cli(capsys, db, "export", "--unit", "千佛镇", "--year", "2021", "-o",
                                  str(tmp_path / "r.docx"))
            assert code == 0, err
            session = open_session(db, read_only_if_locked=True)  # what the window does
            assert session.read_only and session.why_read_only == READ_ONLY_PLACE and session.lock is None
            session.close()
            assert disks.files_in(mount) == files  # no lock file, no -shm
        finally:
            disks.remount(mount, "rw")


def test_9_data_shows_while_the_window_is_open(material: Material, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    db = place(material, tmp_path / "data")
    with held_lock(db):
        code, out, err = cli(capsys, db, "data", "--unit", "千佛镇", "--year", "2021")
        assert code == 0 and "受理矛盾纠纷" in out, err
        code, out, err = cli(capsys, db, "data", "--unit", "千佛镇", "--year", "2021", "--csv",
                             str(tmp_path / "数据.csv"))
        assert code == 0 and (tmp_path / "数据.csv").exists(), err
        code, _out, err = cli(capsys, db, "data", "--unit", "千佛镇", "--year", "2021", "--set", "受理矛盾纠纷=5")
        assert code == 2 and "本机的本程序窗口" in err


def _newer(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()


def _truncated(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])


def _garbage(db: Path) -> None:
    db.write_bytes(b"PK\x03\x04 not a database at all " * 400)


@pytest.mark.parametrize(("spoil", "said", "error"), [(_newer, "更新版本", SchemaTooNewError),
                                                      (_truncated, "已损坏", CorruptDatabaseError),
                                                      (_garbage, "不是本程序的数据文件", NotOursError)])
def test_10_the_read_only_path_checks_the_file_too(spoil, said: str, error: type[StorageError], material: Material,
                                                   tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    db = place(material, tmp_path / "data")
    spoil(db)
    content = db.read_bytes()
    with held_lock(db):
        for argv in READERS[:3]:
            code, _out, err = cli(capsys, db, *argv)
            assert code == 2 and said in err and "Traceback" not in err, (argv, err)
        from fazhi_desktop.ui.window import launcher  # the window's path: 只读查看 → a clear error, no 意外问题

        monkeypatch.setattr(launcher.Dialogs, "confirm", staticmethod(lambda *a: True))
        with pytest.raises(error):
            launcher.open_or_recover(db)
    assert db.read_bytes() == content
    assert os.path.exists(db)
