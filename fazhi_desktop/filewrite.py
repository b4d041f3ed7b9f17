"""Writing a file the clerk asked for (a package, a CSV, a diagnostics zip): all of it or nothing.

The bytes go to a temporary file in the target folder, which then replaces the target in one step.
On any failure — a full U盘, a read-only folder, the file open in Excel — the old target is unchanged,
the temporary file is gone, and the message names the target (never the data file) in Chinese.
The new file gets the usual permissions (others on the PC may read it), not a temporary file's 0600.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from fazhi_desktop import oserrors


class FileWriteError(Exception):
    """The target could not be written; ``str()`` is one Chinese line naming it."""


def default_mode() -> int:
    """The permissions a newly created file gets here (0o666 less the umask; Windows ignores it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def target_mode(target: Path) -> int:
    """Keep the permissions of the file being replaced; a new file gets :func:`default_mode`."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return default_mode()


def _message(target: Path, exc: OSError) -> str:
    if isinstance(exc, PermissionError) and not oserrors.is_disk_full(exc):
        return f"无法写入 {target}（文件可能正被其他程序打开，或没有写入权限）"
    return f"无法写入 {target}（{oserrors.reason(exc)}）"


def write_atomic(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` completely or not at all; raises :class:`FileWriteError`."""
    target = Path(target)
    if not target.parent.is_dir():
        raise FileWriteError(f"文件夹不存在：{target.parent}")
    if target.is_dir():
        raise FileWriteError(f"{target} 是一个文件夹，请给出文件名")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name[:40]}-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise FileWriteError(_message(target, exc)) from exc
    tmp = Path(name)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, target_mode(target))
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise FileWriteError(_message(target, exc)) from exc
    return target
