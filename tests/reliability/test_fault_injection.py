"""Every command that writes the data file, under every fault a township PC meets: the file is unchanged
or fully updated, never in between; the clerk reads one Chinese line; nothing is left behind.

Faults: a tiny filesystem filled to the last byte (real ENOSPC from a tmpfs), a read-only folder (the
tmpfs remounted read-only: EROFS), a read-only file (``chattr +i``: EPERM even for root), another program
holding the lock, a lock left by a killed program, and a path with ``#``, ``?``, ``%``, spaces and Chinese.
Root ignores permission bits, so those refusals come from the kernel; where mounting or chattr is not
allowed the real variants skip, and the injected ones below (SQLite's page limit standing in for a full
disk, EROFS raised where the lock file is made) still run.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fazhi_desktop.cli import main
from tests.lock_holder import HOLDER, held_lock
from tests.reliability import disks
from tests.reliability.material import Material, place, write_commands

COMMANDS = list(write_commands(Material(*(Path(n) for n in "abcde"))))
ENGLISH = re.compile(r"Traceback|Error|errno|No space|denied|Read-only|readonly|disk I/O|database", re.I)


@pytest.fixture(scope="module")
def expected(material: Material, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """What each command leaves in a healthy folder: "fully updated"."""
    root = tmp_path_factory.mktemp("expected")
    out: dict[str, dict[str, object]] = {}
    for name, argv in write_commands(material).items():
        db = place(material, root / name)
        assert main(["--db", str(db), *argv]) in (0, 1), name
        out[name] = disks.snapshot(db)
    assert all(out[name] != disks.snapshot(material.db) for name in out)  # every command really writes
    return out


def run(capsys: pytest.CaptureFixture[str], db: Path, argv: list[str]) -> tuple[int, str]:
    code = main(["--db", str(db), *argv])
    _out, err = capsys.readouterr()
    return code, err


def assert_refused(code: int, err: str, said: str) -> None:
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("错误：") and said in lines[0], err
    assert not ENGLISH.search(err) and "意外问题" not in err, err


def assert_clean(folder: Path, before: set[str], allowed_new: tuple[str, ...] = ()) -> None:
    """No temporary file, no lock file, nothing new but backups and SQLite's own journal files."""
    new = disks.files_in(folder) - before
    stray = {n for n in new if "backups/" not in n and Path(n).name not in allowed_new}
    assert not stray, stray
    assert not any(n.endswith(".tmp") or Path(n).name.startswith(".") for n in disks.files_in(folder)), folder


@pytest.mark.parametrize("free", [0, 40_000, 120_000], ids=["full", "40KB-free", "120KB-free"])
@pytest.mark.parametrize("command", COMMANDS)
def test_full_disk(command: str, free: int, material: Material, expected: dict[str, object], tmp_path: Path,
                   capsys: pytest.CaptureFixture[str]) -> None:
    """0 bytes free: SQLite cannot even make its shared memory; 40 KB: the file opens, a backup or a
    transaction runs out of room halfway; 120 KB: some commands fit."""
    with disks.tmpfs(tmp_path / "usb", 1024) as mount:
        db = place(material, mount)
        before_files = disks.files_in(mount)
        disks.fill(mount, free)
        before = disks.snapshot(db)
        code, err = run(capsys, db, write_commands(material)[command])
        after = disks.snapshot(db)
        if code in (0, 1) and after == expected[command]:
            return  # it fitted: fully updated
        assert_refused(code, err, "磁盘空间已满")
        assert after == before
        (mount / "filler.bin").unlink()
        assert_clean(mount, before_files | {"filler.bin"}, ("fazhi.db-wal", "fazhi.db-shm"))


@pytest.mark.parametrize("command", COMMANDS)
def test_read_only_folder(command: str, material: Material, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    with disks.tmpfs(tmp_path / "cd", 1024) as mount:
        db = place(material, mount)
        before, files = disks.snapshot(db), disks.files_in(mount)
        disks.remount(mount, "ro")
        try:
            code, err = run(capsys, db, write_commands(material)[command])
            assert_refused(code, err, "只读")
            assert disks.snapshot(db) == before and disks.files_in(mount) == files  # not even a lock file
        finally:
            disks.remount(mount, "rw")


@pytest.mark.parametrize("command", COMMANDS)
def test_read_only_file(command: str, material: Material, tmp_path: Path,
                        capsys: pytest.CaptureFixture[str]) -> None:
    db = place(material, tmp_path / "data")
    before, files = disks.snapshot(db), disks.files_in(tmp_path / "data")
    with disks.immutable(db):
        code, err = run(capsys, db, write_commands(material)[command])
        assert_refused(code, err, "只读")
        assert disks.snapshot(db) == before
    assert_clean(tmp_path / "data", files, ("fazhi.db-wal", "fazhi.db-shm"))


@pytest.mark.parametrize("command", COMMANDS)
def test_held_lock(command: str, material: Material, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = place(material, tmp_path / "data")
    before = disks.snapshot(db)
    with held_lock(db, host="XZ-PC-02"):
        code, err = run(capsys, db, write_commands(material)[command])
        assert_refused(code, err, "正被XZ-PC-02 上的本程序窗口")
        assert disks.snapshot(db) == before


@pytest.fixture
def dead_holder(material: Material, tmp_path: Path) -> Iterator[Path]:
    """A data file whose lock file was left by a program killed while it held the lock."""
    db = place(material, tmp_path / "data")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), "窗口", ""], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    os.kill(holder.pid, signal.SIGKILL)
    holder.communicate()
    assert db.with_name("fazhi.db.lock").exists()
    yield db


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("command", COMMANDS)
def test_dead_lock_holder(command: str, material: Material, expected: dict[str, object], dead_holder: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(capsys, dead_holder, write_commands(material)[command])
    assert code in (0, 1), err
    assert disks.snapshot(dead_holder) == expected[command]
    assert not dead_holder.with_name("fazhi.db.lock").exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_path_with_hash_and_friends(command: str, material: Material, expected: dict[str, object], tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "报告 #1 ?%20 甲"
    db = place(material, folder)
    files = disks.files_in(tmp_path)
    code, err = run(capsys, db, write_commands(material)[command])
    assert code in (0, 1), err
    assert disks.snapshot(db) == expected[command]
    assert_clean(tmp_path, files)  # no stray "报告 " file cut at the "#"
    code, err = run(capsys, db, ["backups"])
    assert code == 0 and "已损坏" not in capsys.readouterr().out


# ---- injected variants: they run wherever the kernel cannot be made to refuse ------------------------
@pytest.mark.parametrize("command", COMMANDS)
def test_injected_full_disk(command: str, material: Material, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    """SQLite's page limit at the file's size stands in for a full disk (SQLITE_FULL), and every
    backup copy fails with ENOSPC."""
    from fazhi_desktop.storage import database

    db = place(material, tmp_path / "data")
    before, files = disks.snapshot(db), disks.files_in(tmp_path / "data")
    real_open = database.open_database

    def full_open(path: Path, **kwargs: object) -> object:
        opened = real_open(path, **kwargs)  # type: ignore[arg-type]
        pages = opened.conn.execute("PRAGMA page_count").fetchone()[0]
        opened.conn.execute(f"PRAGMA max_page_count = {pages}")
        return opened

    def no_room(*_args: object) -> None:
        raise disks.enospc()

    monkeypatch.setattr(database, "open_database", full_open)
    monkeypatch.setattr("fazhi_desktop.storage.session.open_database", full_open)
    monkeypatch.setattr(database.os, "replace", no_room)
    code, err = run(capsys, db, write_commands(material)[command])
    if code in (0, 1):
        return  # the change fitted in the free pages of the file
    assert_refused(code, err, "磁盘空间已满")
    assert disks.snapshot(db) == before
    assert_clean(tmp_path / "data", files, ("fazhi.db-wal", "fazhi.db-shm"))


@pytest.mark.parametrize("command", COMMANDS)
def test_injected_read_only_folder(command: str, material: Material, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The OS refuses to create the lock file (EROFS), as on a write-protected U盘."""
    import errno

    from fazhi_desktop.storage import lock

    db = place(material, tmp_path / "data")
    before, files = disks.snapshot(db), disks.files_in(tmp_path / "data")
    real_open = os.open

    def refuse(path: object, flags: int, *args: object) -> int:
        if str(path).endswith(".lock") and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(lock.os, "open", refuse)
    code, err = run(capsys, db, write_commands(material)[command])
    assert_refused(code, err, "只读")
    assert disks.snapshot(db) == before and disks.files_in(tmp_path / "data") == files
