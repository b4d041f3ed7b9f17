"""One writer per data file: an operating-system lock on ``fazhi.db.lock`` beside the database.

The lock is the OS's (storage.oslock): held for the writer's whole life and released by the OS however
the writer ends, so a crashed, killed or powered-off program never leaves a stale lock, and two
programs can never both hold it — also across PCs on a network share, whose server keeps the lock.
The file itself only carries who holds it (user, computer, program, since when) for the message;
its content is never trusted to decide anything. Readers (list, show, export, check …) hold it only for
the milliseconds in which they copy the file, and only when no writer does (:meth:`acquire_for_reading`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import time
from pathlib import Path
from typing import NamedTuple

from fazhi_desktop.storage import faults
from fazhi_desktop.storage.errors import StorageError
from fazhi_desktop.storage.oslock import LockUnsupportedError, try_lock, unlock
from fazhi_desktop.storage.warnlog import warning

APP_NAME = "fazhi-desktop"
WINDOW = "窗口"
_RETRY_FOR_S = 0.5  # a reader probing the lock holds it for microseconds: try again briefly before giving up


def hostname() -> str:
    """This computer's name, as the lock records it (``socket.gethostname()``).

    On POSIX that is the kernel's node name, read without importing the socket module (~2 ms of
    every command's start); Windows asks Winsock as before.
    """
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def username() -> str:
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):  # getpass.getuser()'s order, without importing it
        if os.environ.get(name):
            return os.environ[name]
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # no user name (some service accounts)
        return ""


class LockInfo(NamedTuple):
    """Who holds a data file's lock: process, computer, user, program part and since when."""

    pid: int
    host: str
    app: str
    since: str
    user: str = ""
    role: str = WINDOW  # 窗口, or 命令 <name> for the command line

    def describe(self) -> str:
        when = self.since.replace("T", " ")
        who = "本程序窗口" if self.role == WINDOW else f"命令行的 {self.role.removeprefix('命令 ')} 命令"
        user = f"用户 {self.user}，" if self.user else ""
        if self.host == hostname():
            return f"本机的{who}（{user}进程 {self.pid}，{when} 起）"
        return f"{self.host} 上的{who}（{user}{when} 起）"


class LockedError(StorageError):
    """Another live program holds the data file."""

    def __init__(self, info: LockInfo | None, path: Path) -> None:
        holder = info.describe() if info is not None else "另一个程序"
        super().__init__(f"数据文件 {path.name} 正被{holder}使用。为避免两处同时修改造成数据丢失，"
                         "请先关闭那边的程序再修改；查看、检查和导出不受影响。")
        self.info = info


def _flags() -> int:
    return os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)


class DatabaseLock:
    """The lock of one data file. :meth:`acquire` / :meth:`release` (or ``with``); :meth:`holder` for readers."""

    def __init__(self, db_path: Path, role: str = WINDOW) -> None:
        self.path = Path(db_path).with_name(Path(db_path).name + ".lock")
        self.db_name = Path(db_path).name
        self.role = role
        self._fd: int | None = None
        self._remove_on_release = True  # False for a reader that found the lock file already there

    @property
    def held(self) -> bool:
        return self._fd is not None

    def read(self) -> LockInfo | None:
        """What the lock file says about its holder (None: absent, being written, or unreadable)."""
        try:
            data = json.loads(self.path.read_bytes().decode("utf-8"))
            return LockInfo(int(data["pid"]), str(data["host"]), str(data["app"]), str(data["since"]),
                            str(data.get("user", "")), str(data.get("role", WINDOW)))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def _read_soon(self) -> LockInfo | None:
        for _ in range(4):  # the holder writes its information right after taking the lock
            info = self.read()
            if info is not None:
                return info
            time.sleep(0.05)
        return None

    def acquire(self) -> None:
        """Take the lock; :class:`LockedError` when another program holds it, a storage error (read-only,
        disk full …) when the lock file cannot be made."""
        if self._fd is not None:
            return
        deadline = time.monotonic() + _RETRY_FOR_S
        while True:
            try:
                fd = os.open(self.path, _flags(), 0o644)
            except PermissionError as exc:  # a folder this user may not write in: as good as read-only
                raise faults.read_only(f"数据文件 {self.db_name}") from exc
            except OSError as exc:
                raise faults.from_os_error(exc, f"数据文件 {self.db_name}") from exc
            try:
                got = try_lock(fd)
            except LockUnsupportedError:
                warning(__name__, "no file locks on %s: one writer per file is not enforced there", self.path)
                got = True
            except OSError as exc:
                os.close(fd)
                raise faults.from_os_error(exc, f"数据文件 {self.db_name} 的锁文件") from exc
            if got and self._still_named(fd):
                self._fd = fd
                self._write_info()
                return
            os.close(fd)
            if not got and time.monotonic() > deadline:
                raise LockedError(self._read_soon(), Path(self.db_name))
            time.sleep(0.02)

    def _still_named(self, fd: int) -> bool:
        """The path still names the file we locked (a holder that just released it may have removed it)."""
        if os.name == "nt":  # Windows cannot remove a file someone has open: nothing to check
            return True
        try:
            ours, now = os.fstat(fd), os.stat(self.path)
        except OSError:
            return False
        return (ours.st_dev, ours.st_ino) == (now.st_dev, now.st_ino)

    def _write_info(self) -> None:
        assert self._fd is not None
        me = {"pid": os.getpid(), "host": hostname(), "user": username(), "app": APP_NAME, "role": self.role,
              "since": dt.datetime.now().isoformat(timespec="seconds")}
        data = json.dumps(me, ensure_ascii=False).encode("utf-8")
        try:  # no fsync: the information is only for messages, and a flush costs time on a U盘
            os.ftruncate(self._fd, 0)
            os.lseek(self._fd, 0, os.SEEK_SET)
            os.write(self._fd, data)
        except OSError:  # a full disk: the lock holds all the same, the message just names no one
            warning(__name__, "could not write the lock information to %s", self.path, exc_info=True)

    def acquire_for_reading(self) -> bool:
        """Hold the lock for the moment a reader copies the file: True when no writer is at work (none
        can start until :meth:`release`), False when one is. Writes no information, and removes the
        lock file on release if it made it. Where no lock file can be made (a write-protected medium)
        no writer can be at work either: True, with nothing held."""
        made = False
        try:
            fd = os.open(self.path, _flags() | os.O_EXCL, 0o644)
            made = True
        except FileExistsError:
            fd = -1
            for flags in (os.O_RDWR, os.O_RDONLY):  # read-only is enough to lock (and all a CD allows)
                try:
                    fd = os.open(self.path, flags | getattr(os, "O_BINARY", 0))
                    break
                except OSError:
                    continue
            if fd < 0:
                return False  # a lock file we may not even read: assume a writer, read the careful way
        except OSError:
            return True
        try:
            got = try_lock(fd)
        except OSError:
            got = False
        if got and self._still_named(fd):
            self._fd, self._remove_on_release = fd, made
            return True
        os.close(fd)
        if made:
            with contextlib.suppress(OSError):
                self.path.unlink()
        return False

    def release(self) -> None:
        """Drop the lock and remove the lock file (the OS drops it anyway if the program dies).

        A reader removes only a lock file it made itself (see :meth:`acquire_for_reading`)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        remove, self._remove_on_release = self._remove_on_release, True
        if remove and os.name != "nt" and self._still_named(fd):
            with contextlib.suppress(OSError):  # removed while still held: no one can lock a stale copy
                self.path.unlink()
        with contextlib.suppress(OSError):
            unlock(fd)
        os.close(fd)
        if remove and os.name == "nt":
            with contextlib.suppress(OSError):  # fails while another program has it open: then it stays
                self.path.unlink()

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
