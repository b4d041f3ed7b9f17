"""Where data lives: --db, portable marker beside the executable, user data folder; disk kinds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fazhi_desktop.storage import location


def test_cli_db_wins(tmp_path: Path) -> None:
    (tmp_path / location.PORTABLE_MARKER).write_text("")
    assert location.resolve_db_path(str(tmp_path / "my.db"), exe_dir=tmp_path) == (tmp_path / "my.db").resolve()


def test_portable_marker_puts_data_beside_the_executable(tmp_path: Path) -> None:
    (tmp_path / location.PORTABLE_MARKER).write_text("")
    assert location.resolve_db_path(None, exe_dir=tmp_path) == tmp_path / "data" / location.DB_FILE_NAME


def test_without_marker_the_user_data_folder_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    path = location.resolve_db_path(None, exe_dir=tmp_path)
    assert path == tmp_path / "xdg" / location.APP_DIR_NAME / location.DB_FILE_NAME


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root can write anywhere; chmod means nothing")
def test_read_only_exe_folder_is_not_portable(tmp_path: Path) -> None:
    (tmp_path / location.PORTABLE_MARKER).write_text("")
    tmp_path.chmod(0o555)
    try:
        assert location.portable_data_dir(tmp_path) is None
    finally:
        tmp_path.chmod(0o755)


def test_read_only_exe_folder_is_not_portable_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / location.PORTABLE_MARKER).write_text("")
    monkeypatch.setattr(location.os, "access", lambda path, mode: False)
    assert location.portable_data_dir(tmp_path) is None


def test_frozen_executable_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(location.sys, "frozen", True, raising=False)
    monkeypatch.setattr(location.sys, "executable", str(tmp_path / "fazhi-desktop.exe"))
    assert location.executable_dir() == tmp_path.resolve()


def test_source_run_has_no_executable_dir() -> None:
    assert location.executable_dir() is None


MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 8:17 / /media/clerk/U盘 rw,relatime shared:2 - vfat /dev/sdb1 rw
41 22 0:50 / /mnt/share rw,relatime shared:3 - cifs //server/share rw
42 22 0:51 / /run/media/clerk/KINGSTON rw - ext4 /dev/sdc1 rw
"""


@pytest.mark.skipif(os.name == "nt", reason="mountinfo is Linux only")
@pytest.mark.parametrize(
    ("path", "kind"),
    [("/home/clerk/fazhi.db", "local"), ("/media/clerk/U盘/fazhi.db", "removable"),
     ("/mnt/share/fazhi.db", "remote"), ("/run/media/clerk/KINGSTON/a.db", "removable")],
)
def test_drive_kind_from_mountinfo(path: str, kind: str) -> None:
    assert location.drive_kind(Path(path), MOUNTINFO) == kind
