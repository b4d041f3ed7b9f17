"""Disks that refuse, for the reliability tests: a tiny full filesystem, a read-only one, an immutable file.

The tests run as root here, and root ignores permission bits, so refusals come from the kernel itself:
a small ``tmpfs`` filled to the last byte (ENOSPC), the same remounted read-only (EROFS), and
``chattr +i`` on an ext4 file (EPERM, even for root). Where the machine allows none of these (no
mount rights, no chattr), the fixtures skip and say so; ``tests/reliability/test_fault_injection.py``
then still runs its injected variants.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

VOLATILE = {"created_at", "updated_at", "applied_at"}  # differ between two runs of the same command


def _run(*argv: str) -> bool:
    try:
        return subprocess.run(argv, capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@contextlib.contextmanager
def tmpfs(where: Path, size_kb: int = 2048) -> Iterator[Path]:
    """A fresh tmpfs of ``size_kb`` mounted at ``where`` (skips the test when mounting is not allowed)."""
    where.mkdir(parents=True, exist_ok=True)
    if os.name == "nt" or not _run("mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", str(where)):
        pytest.skip("tmpfs 挂载不可用（需要 root 和 mount 权限）：只运行注入故障的版本")
    try:
        yield where
    finally:
        if not _run("umount", str(where)):
            _run("umount", "-l", str(where))


def remount(where: Path, mode: str) -> None:
    """``mode`` "ro" or "rw" for a tmpfs mounted by :func:`tmpfs`."""
    assert _run("mount", "-o", f"remount,{mode}", str(where)), f"remount {mode} failed"


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the filesystem of ``folder`` until fewer than ``leave`` bytes (about) are free."""
    filler = folder / "filler.bin"
    block = b"\0" * 4096
    with filler.open("ab") as handle, contextlib.suppress(OSError):
        while shutil.disk_usage(folder).free > leave:
            handle.write(block)
            handle.flush()
    return filler


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[Path]:
    """``chattr +i`` on ``path``: no one, not even root, may change, rename or delete it."""
    if os.name == "nt" or not _run("chattr", "+i", str(path)):
        pytest.skip("chattr +i 不可用：只运行注入故障的版本")
    try:
        yield path
    finally:
        _run("chattr", "-i", str(path))


def snapshot(path: Path) -> dict[str, Any]:
    """Everything stored in the data file (without timestamps), to compare "unchanged" and "fully updated"."""
    if not path.exists() or path.stat().st_size == 0:
        return {}
    wal = path.with_name(path.name + "-wal")
    immutable_ok = not wal.exists() or wal.stat().st_size == 0
    uri = path.absolute().as_uri() + ("?mode=ro&immutable=1" if immutable_ok else "?mode=ro")
    conn = sqlite3.connect(uri, uri=True)
    try:
        data: dict[str, Any] = {
            "application_id": conn.execute("PRAGMA application_id").fetchone()[0],
            "user_version": conn.execute("PRAGMA user_version").fetchone()[0],
        }
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for table in tables:
            cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
            names = [d[0] for d in cursor.description]
            keep = [i for i, n in enumerate(names) if n not in VOLATILE]
            data[table] = [tuple(row[i] for i in keep) for row in cursor]
        return data
    finally:
        conn.close()


def files_in(folder: Path) -> set[str]:
    """Every file under ``folder``, relative, for "nothing left behind"."""
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def enospc() -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
