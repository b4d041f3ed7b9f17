"""One writer per data file: a lock file beside the database (``fazhi.db.lock``).

It guards the *file*, not the program, so it also works when two PCs open the same U盘 or network
share: the lock names the host and process that hold it. A lock left by a dead process on this host
is cleared automatically; one from another host can only be broken on purpose (``force=True``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from fazhi_desktop.storage.database import StorageError

APP_NAME = "fazhi-desktop"


def hostname() -> str:
    """This computer's name, as the lock records it (``socket.gethostname()``).

    On POSIX that is the kernel's node name, read without importing the socket module (~2 ms of
    every command's start); Windows asks Winsock as before.
    """
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


@dataclass(frozen=True)
class LockInfo:
    """Who holds a data file's lock: process, computer, program and since when."""

    pid: int
    host: str
    app: str
    since: str

    def describe(self) -> str:
        when = self.since.replace("T", " ")
        if self.host == hostname():
            return f"本机的另一个本程序窗口（进程 {self.pid}，{when} 起）"
        return f"{self.host} 上的程序（{when} 起）"


class LockedError(StorageError):
    """Another live program holds the data file."""

    def __init__(self, info: LockInfo, path: Path) -> None:
        super().__init__(f"数据文件 {path.name} 正被{info.describe()}使用。为避免两处同时修改造成数据丢失，"
                         "请先关闭那边的程序；也可以只读方式打开查看。")
        self.info = info


def pid_alive(pid: int) -> bool:
    """Whether a process with ``pid`` exists on this machine."""
    if pid <= 0:
        return False
    if os.name == "nt":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class DatabaseLock:
    """The lock file of one data file. Use :meth:`acquire` / :meth:`release` (or ``with``)."""

    def __init__(self, db_path: Path) -> None:
        self.path = Path(db_path).with_name(Path(db_path).name + ".lock")
        self.db_name = Path(db_path).name
        self.held = False

    def read(self) -> LockInfo | None:
        """The current holder, or None when the file is absent or unreadable."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return LockInfo(int(data["pid"]), str(data["host"]), str(data["app"]), str(data["since"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _is_stale(self, info: LockInfo | None) -> bool:
        if info is None:  # half-written or garbage: stale once it is older than a few seconds
            try:
                age = dt.datetime.now().timestamp() - self.path.stat().st_mtime
            except OSError:
                return True
            return age > 5
        return info.host == hostname() and not pid_alive(info.pid)

    def acquire(self, force: bool = False) -> None:
        """Take the lock; raises :class:`LockedError` when a live program holds it (unless ``force``)."""
        me = {"pid": os.getpid(), "host": hostname(), "app": APP_NAME,
              "since": dt.datetime.now().isoformat(timespec="seconds")}
        for _ in range(3):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                info = self.read()
                if info is not None and info.pid == os.getpid() and info.host == hostname():
                    self.held = True  # already ours
                    return
                if force or self._is_stale(info):
                    with contextlib.suppress(FileNotFoundError):
                        self.path.unlink()
                    continue
                if info is None:  # another program is writing its lock this very moment
                    time.sleep(0.2)
                    continue
                raise LockedError(info, Path(self.db_name)) from None
            except OSError as exc:
                raise StorageError(f"无法在 {self.path.parent} 中创建锁文件（{exc.strerror}），"
                                   "该文件夹可能是只读的。") from exc
            # No fsync: after a power cut a lock file that lost its content reads as garbage and is
            # cleared as stale (see _is_stale); syncing cost a disk flush at every start (slow on a U盘).
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(me, handle, ensure_ascii=False)
            self.held = True
            return
        raise StorageError(f"无法获得数据文件 {self.db_name} 的锁，请稍后再试。")

    def release(self) -> None:
        """Remove the lock file if it is ours."""
        if not self.held:
            return
        info = self.read()
        if info is None or (info.pid == os.getpid() and info.host == hostname()):
            with contextlib.suppress(OSError):
                self.path.unlink()
        self.held = False

    def __enter__(self) -> DatabaseLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
