"""Operating-system errors in the clerk's words: never English errno text on screen.

``reason(exc)`` names what went wrong (磁盘空间已满, 只读, 没有权限 …); the callers say which file.
Standard library only, so storage, export, the commands and the window all use the same words.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

DISK_FULL = "磁盘空间已满"
READ_ONLY = "所在位置是只读的（写保护的U盘、光盘，或没有写入权限的共享文件夹）"
NO_PERMISSION = "没有读写权限"
IN_USE = "文件正被其他程序占用"

_REASONS = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: "超出了磁盘配额，空间不足",
    errno.EROFS: READ_ONLY,
    errno.EACCES: NO_PERMISSION,
    errno.EPERM: NO_PERMISSION,
    errno.ENOENT: "找不到文件或文件夹",
    errno.ENOTDIR: "路径中有一部分不是文件夹",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.EEXIST: "文件已存在",
    errno.ENAMETOOLONG: "路径太长",
    errno.EIO: "磁盘读写出错（U盘是否已拔出，或磁盘有坏道）",
    errno.ENXIO: "设备已断开（U盘是否已拔出）",
    errno.ENODEV: "设备已断开（U盘是否已拔出）",
    errno.EBUSY: IN_USE,
    errno.ETXTBSY: IN_USE,
    errno.EMFILE: "打开的文件太多，请关闭一些程序后重试",
    errno.ENFILE: "打开的文件太多，请关闭一些程序后重试",
    errno.EFBIG: "文件太大",
    errno.EINVAL: "文件名或路径无效",
    errno.EXDEV: "不能跨磁盘移动文件",
}
_WINDOWS = {5: NO_PERMISSION, 32: IN_USE, 33: IN_USE, 39: DISK_FULL, 112: DISK_FULL, 19: READ_ONLY,
            21: "设备未就绪（U盘或光盘是否已插好）", 1224: IN_USE}


def reason(exc: BaseException) -> str:
    """A short Chinese reason for an OSError (or anything else: a neutral wording, never its text)."""
    if isinstance(exc, OSError):
        winerror = getattr(exc, "winerror", None)
        if winerror in _WINDOWS:
            return _WINDOWS[winerror]
        if exc.errno in _REASONS:
            return _REASONS[exc.errno]
        if isinstance(exc, PermissionError):
            return NO_PERMISSION
        return f"文件读写出错（错误代码 {exc.errno}）" if exc.errno else "文件读写出错"
    return "文件读写出错"


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and (exc.errno in (errno.ENOSPC, errno.EDQUOT)
                                         or getattr(exc, "winerror", None) in (39, 112))


def free_bytes(folder: Path) -> int | None:
    """Free space where ``folder`` (or its nearest existing parent) lives; None when unknown."""
    for candidate in (folder, *folder.parents):
        try:
            return shutil.disk_usage(candidate).free
        except OSError:
            continue
    return None


def nearly_full(folder: Path, margin: int = 1 << 20) -> bool:
    """Less than ``margin`` bytes (1 MB) free: a write error there is most likely a full disk."""
    free = free_bytes(folder)
    return free is not None and free < margin
