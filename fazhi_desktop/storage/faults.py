"""SQLite and file-system errors → the storage error that says what really happened, in Chinese.

SQLite reports a full disk in several ways (SQLITE_FULL, or an I/O error while it grows the ``-shm``
file), a read-only medium as SQLITE_READONLY or SQLITE_CANTOPEN, damage as SQLITE_CORRUPT. Only damage
becomes :class:`CorruptDatabaseError`; a healthy file on a full disk is never called damaged.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from fazhi_desktop import oserrors
from fazhi_desktop.storage.errors import (
    BusyError,
    CorruptDatabaseError,
    DiskFullError,
    DiskIOError,
    NotOursError,
    PermissionDeniedError,
    ReadOnlyError,
    StorageError,
)

KEEP_CALM = "已保存的内容完好"


def disk_full(subject: str) -> DiskFullError:
    return DiskFullError(f"{subject}：磁盘空间已满，{KEEP_CALM}。请清理磁盘（如清空回收站）后重试。")


def read_only(subject: str) -> ReadOnlyError:
    return ReadOnlyError(f"{subject}：{oserrors.READ_ONLY}，只能查看，不能修改。")


def no_permission(subject: str) -> PermissionDeniedError:
    return PermissionDeniedError(f"{subject}：没有读写权限。请检查文件的权限，或请管理员开通。")


def _folder_writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def from_os_error(exc: OSError, subject: str) -> StorageError:
    """An OSError met while opening or writing ``subject`` (e.g. "数据文件 fazhi.db")."""
    if oserrors.is_disk_full(exc):
        return disk_full(subject)
    if exc.errno == errno.EROFS or getattr(exc, "winerror", None) == 19:
        return read_only(subject)
    if isinstance(exc, PermissionError):
        return no_permission(subject)
    if exc.errno == errno.EIO:
        return DiskIOError(f"{subject}：{oserrors.reason(exc)}。{KEEP_CALM}，请检查磁盘后重试。")
    return StorageError(f"{subject}：{oserrors.reason(exc)}。")


def from_sqlite(exc: sqlite3.Error, path: Path, subject: str | None = None) -> StorageError:
    """The storage error for a SQLite error on the data file at ``path``."""
    subject = subject or f"数据文件 {path.name}"
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name == "SQLITE_FULL" or "database or disk is full" in text:
        return disk_full(subject)
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        if oserrors.nearly_full(path.parent):
            return disk_full(subject)
        return DiskIOError(f"{subject}：磁盘读写出错（U盘是否已拔出，或磁盘有坏道）。请检查磁盘后重试，"
                           "不要在此时拔出U盘。")
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return read_only(subject)
    if name == "SQLITE_PERM" or name.startswith("SQLITE_AUTH"):
        return no_permission(subject)
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return _cannot_open(path, subject)
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return CorruptDatabaseError(damaged_text(path))
    if name == "SQLITE_NOTADB" or "not a database" in text:
        return NotOursError(not_ours_text(path, "它不是 SQLite 数据库"))
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return BusyError(f"{subject} 正被另一个程序读写，请稍后再试。")
    code = getattr(exc, "sqlite_errorcode", None)
    return StorageError(f"{subject} 读写出错（SQLite 错误代码 {code}）。{KEEP_CALM}，请稍后重试。")


def _cannot_open(path: Path, subject: str) -> StorageError:
    if path.is_dir():
        return StorageError(f"{path} 是一个文件夹，不是数据文件。")
    if path.exists() and not os.access(path, os.R_OK):
        return no_permission(subject)
    if not path.exists() and path.parent.exists() and not _folder_writable(path.parent):
        return read_only(subject)
    if oserrors.nearly_full(path.parent):
        return disk_full(subject)
    return StorageError(f"无法打开{subject}（文件夹是否存在、U盘是否已拔出？）。")


def damaged_text(path: Path, detail: str = "") -> str:
    extra = f"（{detail}）" if detail else ""
    return (f"数据文件 {path.name} 已损坏{extra}。本程序不会改动它，"
            f"可以从 {path.parent / 'backups'} 中的备份恢复。")


def not_ours_text(path: Path, detail: str) -> str:
    return (f"文件 {path.name} 不是本程序的数据文件（{detail}），本程序没有改动它。"
            "请确认打开的是本程序的数据文件（通常名为 fazhi.db）。")
