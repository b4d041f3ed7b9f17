"""backup / backups / restore / diagnose on the command line; and the CLI never touches the network."""

from __future__ import annotations

import socket
import zipfile
from pathlib import Path

import pytest

from tests.helpers import run_cli as run


def test_backup_list_restore(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "fazhi.db")
    run(capsys, "--db", db, "new", "--unit", "千佛镇", "--year", "2021")
    code, out, _ = run(capsys, "--db", db, "backup")
    assert code == 0 and "已备份到" in out
    backup = Path(out.split("已备份到 ", 1)[1].strip())
    usb = tmp_path / "U盘"
    usb.mkdir()
    assert run(capsys, "--db", db, "backup", "-o", str(usb))[0] == 0
    assert len(list(usb.glob("*.db"))) == 1
    run(capsys, "--db", db, "new", "--unit", "千佛镇", "--year", "2022")
    code, out, _ = run(capsys, "--db", db, "backups")
    assert "手动" in out and "1 份报告" in out
    code, out, _ = run(capsys, "--db", db, "restore", str(backup))
    assert code == 0 and "恢复前的数据另存为" in out
    assert [line.split("\t")[1] for line in run(capsys, "--db", db, "list")[1].splitlines()] == ["2021"]
    code, _, err = run(capsys, "--db", db, "restore", str(tmp_path / "nope.db"))
    assert code == 2 and "找不到备份文件" in err


def test_diagnose(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "fazhi.db")
    run(capsys, "--db", db, "list")
    code, out, _ = run(capsys, "--db", db, "diagnose", "-o", str(tmp_path / "diag.zip"))
    assert code == 0 and "不含数据文件" in out
    assert "versions.txt" in zipfile.ZipFile(tmp_path / "diag.zip").namelist()


def test_commands_never_open_a_socket(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the program tried to use the network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    db = str(tmp_path / "fazhi.db")
    for argv in (["--demo", "list"], ["show", "--unit", "示例镇", "--year", "2025", "--json"],
                 ["copy-year", "--unit", "示例镇", "--from", "2025", "--to", "2026"],
                 ["pack", "--unit", "示例镇", "--year", "2025", "-o", str(tmp_path / "p.fzbg")],
                 ["backup"], ["diagnose", "-o", str(tmp_path / "d.zip")]):
        code, _, err = run(capsys, "--db", db, *argv)
        assert code == 0, (argv, err)
