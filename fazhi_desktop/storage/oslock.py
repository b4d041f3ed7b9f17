"""Operating-system file locks on an open file: held while the handle is open, dropped by the OS when
the process ends in any way (closed, crashed, killed, power cut), so a lock can never go stale.

POSIX: ``flock`` (whole file, per open file — reading the file elsewhere in the process does not
release it, unlike ``fcntl`` record locks; NFS and SMB mounts map it onto their server-side locks).
Windows: ``LockFileEx`` through ``msvcrt.locking`` on one byte far past the end of the file, so the
holder's information at the start of the same file stays readable by everyone (SQLite does the same).
"""

from __future__ import annotations

import errno
import os

WINDOWS_LOCK_OFFSET = 0x40000000  # 1 GiB, where SQLite keeps its own lock bytes; the file is never that long


class LockUnsupportedError(OSError):
    """The file system has no locks (some FUSE or very old network mounts)."""


def try_lock(fd: int) -> bool:
    """Take the exclusive lock without waiting; False when another handle holds it."""
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLK) or getattr(exc, "winerror", None) in (33, 36):
                return False
            raise
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL):
            raise LockUnsupportedError(exc.errno, exc.strerror) from exc
        raise
    return True


def unlock(fd: int) -> None:
    """Release the lock taken by :func:`try_lock` (closing the handle releases it too)."""
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)
