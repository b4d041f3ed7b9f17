"""Issue 17, items 11, 13 and 14: honest messages — a full disk is not damage, no English, no leftovers."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from fazhi_desktop.storage import backups
from fazhi_desktop.storage.errors import DiskFullError, StorageError
from tests.lock_holder import held_lock
from tests.reliability import disks
from tests.reliability.material import Material, cli, place
from tests.reliability.test_fault_injection import ENGLISH

REPORT = ["--unit", "千佛镇", "--year", "2021"]


def test_11_a_nan_left_in_the_file_by_an_older_version_breaks_nothing(material: Material, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    db = place(material, tmp_path / "data")
    conn = sqlite3.connect(db)
    conn.execute("UPDATE indicator_values SET value = 'NaN' WHERE key = 'disputes_accepted'")
    conn.execute("UPDATE indicator_values SET value = '1e30', state = 'value' WHERE key = 'disputes_mediated'")
    conn.commit()
    conn.close()
    for argv in (["data", *REPORT, "--all"], ["check", *REPORT],
                 ["export", *REPORT, "--data-table", "-o", str(tmp_path / "r.docx")]):
        code, _out, err = cli(capsys, db, *argv)
        assert code in (0, 1, 2) and "意外问题" not in err and not ENGLISH.search(err), (argv, err)


def test_13_a_nearly_full_disk_is_called_full_not_damaged(material: Material, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from fazhi_desktop.ui.window import launcher

    asked: list[str] = []
    monkeypatch.setattr(launcher.Dialogs, "confirm", staticmethod(lambda _p, _t, text: asked.append(text) or True))
    with disks.tmpfs(tmp_path / "usb", 1024) as mount:
        db = place(material, mount)
        for free in (28_000, 0):
            disks.fill(mount, free)
            code, _out, err = cli(capsys, db, "import", str(material.text), *REPORT, "--replace")
            assert code == 2 and "磁盘空间已满" in err and "损坏" not in err, err
            with pytest.raises(StorageError) as info:  # the window: a message, no offer to restore a backup
                _open_and_type(launcher, db)
            assert "磁盘空间已满" in str(info.value) and not asked
            if free == 0:
                assert isinstance(info.value, DiskFullError)
                for argv in (["list"], ["export", *REPORT, "-o", str(tmp_path / "另一个盘.docx")]):
                    code, _out, err = cli(capsys, db, *argv)  # reading and exporting elsewhere still work
                    assert code == 0, (argv, err)
                assert not db.with_name("fazhi.db.lock").exists()
            (mount / "filler.bin").unlink()


def _open_and_type(launcher: object, db: Path) -> None:
    """Open the file as the window does and save a long paragraph (whichever fails first raises)."""
    session = launcher.open_or_recover(db)  # type: ignore[attr-defined]
    assert session is not None
    try:
        session.store.update_report_field(1, "opening", "很长的开头段。" * 20_000)
    finally:
        session.close(backup=False)


FULL_EXPORT = """
import sys
from fazhi_desktop.cli import main
sys.exit(main(["--db", sys.argv[1], "export", "--unit", "千佛镇", "--year", "2021", "-o", sys.argv[2]]))
"""


@pytest.mark.parametrize(("fault", "said"), [("full", "磁盘空间已满"), ("read-only", "只读")])
def test_14_a_full_or_read_only_target_gets_one_chinese_line_and_no_leftovers(
        fault: str, said: str, material: Material, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Files written for the clerk (Word, package, CSV, diagnostics, a backup to a U盘) on a target that
    refuses: one Chinese line naming the target, nothing left there, the data file untouched."""
    db = place(material, tmp_path / "data")
    before = disks.snapshot(db)
    with disks.tmpfs(tmp_path / "usb", 256) as mount:
        if fault == "full":
            disks.fill(mount)
        else:
            disks.remount(mount, "ro")
        files = disks.files_in(mount)
        done = subprocess.run([sys.executable, "-c", FULL_EXPORT, str(db), str(mount / "报告.docx")],
                              capture_output=True, text=True, encoding="utf-8")
        assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "Exception ignored" not in done.stderr and not ENGLISH.search(done.stderr)
        assert said in done.stderr or "没有权限" in done.stderr, done.stderr
        for argv, target in ((["pack", *REPORT, "-o"], "包.fzbg"), (["data", *REPORT, "--csv"], "数据.csv"),
                             (["diagnose", "--with-db", "-o"], "诊断.zip"), (["backup", "-o"], "")):
            code, _out, err = cli(capsys, db, *argv, str(mount / target) if target else str(mount))
            assert code == 2 and said in err and not ENGLISH.search(err), (argv, err)
            assert (target and str(mount / target) in err) or (not target and str(mount) in err)
            assert "fazhi.db" not in err.replace(str(db), "")  # the target is named, not the data file
        assert disks.files_in(mount) == files  # no ~x.tmp, no 0-byte CSV or zip, no half backup
        if fault == "read-only":
            disks.remount(mount, "rw")
    assert disks.snapshot(db) == before


def test_14_backups_never_grow_wal_files(material: Material, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    db = place(material, tmp_path / "data")
    assert cli(capsys, db, "backup")[0] == 0
    folder = db.parent / "backups"
    orphan = folder / "fazhi-20200101-080000-手动.db-wal"  # left by an older version's listing
    orphan.write_bytes(b"")
    assert cli(capsys, db, "backups")[0] == 0
    made = next(folder.glob("*.db"))
    assert cli(capsys, db, "restore", str(made))[0] == 0
    backups.rotate(folder)
    assert not [p.name for p in folder.iterdir() if p.name.endswith(("-wal", "-shm"))]


def test_14_exports_can_be_read_by_others_on_the_pc(material: Material, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = place(material, tmp_path / "data")
    old = os.umask(0o022)
    try:
        code, _out, err = cli(capsys, db, "export", *REPORT, "-o", str(tmp_path / "r.docx"), "--html",
                              str(tmp_path / "r.html"))
        assert code == 0, err
        assert cli(capsys, db, "pack", *REPORT, "-o", str(tmp_path / "p.fzbg"))[0] == 0
    finally:
        os.umask(old)
    for name in ("r.docx", "r.html", "p.fzbg"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name


def test_14_a_command_holding_the_file_is_called_a_command(material: Material, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    db = place(material, tmp_path / "data")
    with held_lock(db, role="命令 import"):
        code, _out, err = cli(capsys, db, "set", *REPORT, "note=x")
    assert code == 2 and "命令行的 import 命令" in err and "窗口" not in err


def test_14_ctrl_c_in_a_command_is_a_calm_line(material: Material, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from fazhi_desktop.storage.repository import ReportStore

    db = place(material, tmp_path / "data")
    before = disks.snapshot(db)

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(ReportStore, "update_report_field", interrupted)
    code, _out, err = cli(capsys, db, "set", *REPORT, "note=x", "addressee=y")
    assert code == 130 and err.strip() == "已中断：刚才的命令没有执行完，数据文件保持原样。"
    assert disks.snapshot(db) == before and not db.with_name("fazhi.db.lock").exists()


def test_14_an_unreadable_file_is_not_called_damaged(material: Material, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Root may read anything, so the refusal is injected where the file is first read."""
    from fazhi_desktop.storage import identity

    db = place(material, tmp_path / "data")

    def refuse(_path: Path) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied", str(db))

    monkeypatch.setattr(identity, "read_magic", refuse)
    for argv in (["list"], ["set", *REPORT, "note=x"]):
        code, _out, err = cli(capsys, db, *argv)
        assert code == 2 and "没有读写权限" in err and "损坏" not in err and not ENGLISH.search(err), err


def test_14_small_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "一个文件夹"
    folder.mkdir()
    code, _out, err = cli(capsys, tmp_path / "fazhi.db", "check", str(folder), "--year", "2021")
    assert code == 2 and "是一个文件夹" in err and "找不到" not in err
    ole = tmp_path / "其实是doc.docx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    code, _out, err = cli(capsys, tmp_path / "fazhi.db", "import", str(ole), "--dry-run")
    assert code == 2 and err.count("Word/WPS") == 1, err
