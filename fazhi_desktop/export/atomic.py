"""Writing the export safely: a temporary file in the target folder, then ``os.replace``.

If the target is open in Word or WPS, Windows refuses the replace (PermissionError); the old
file is left untouched, the temporary file removed, and :class:`TargetLockedError` names a free
"…(2).docx" the caller can offer instead.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from fazhi_desktop import oserrors
from fazhi_desktop.export.options import ExportError, TargetLockedError
from fazhi_desktop.filewrite import target_mode


def free_name(path: Path) -> Path:
    """``报告(2).docx``, ``报告(3).docx`` …: the first name not taken in the same folder."""
    for n in range(2, 1000):
        candidate = path.with_name(f"{path.stem}({n}){path.suffix}")
        if not candidate.exists():
            return candidate
    return path.with_name(f"{path.stem}(新){path.suffix}")


def _replace(src: Path, dst: Path) -> None:
    os.replace(src, dst)


def write_atomic(path: Path, write: Callable[[Path], None],
                 replace: Callable[[Path, Path], None] = _replace) -> None:
    """Call ``write(tmp)`` then move ``tmp`` over ``path``; nothing changes on failure."""
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(f"文件夹不存在：{folder}")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.stem[:40]}-", suffix=".tmp", dir=folder)
    except OSError as exc:
        if isinstance(exc, PermissionError) and not oserrors.is_disk_full(exc):
            raise ExportError(f"没有权限在此文件夹中写文件：{folder}") from exc
        raise ExportError(f"无法在此文件夹中写文件（{oserrors.reason(exc)}）：{folder}") from exc
    os.close(fd)
    tmp = Path(name)
    try:
        try:
            write(tmp)
            os.chmod(tmp, target_mode(path))  # mkstemp made it 0600: others on the PC could not open it
        except OSError as exc:
            raise ExportError(f"无法写入文件（{oserrors.reason(exc)}）：{path}") from exc
        try:
            replace(tmp, path)
        except PermissionError as exc:
            raise TargetLockedError(path, free_name(path)) from exc
        except IsADirectoryError as exc:
            raise ExportError(f"目标是一个文件夹，不能覆盖：{path}") from exc
        except OSError as exc:
            raise ExportError(f"无法写入文件（{oserrors.reason(exc)}）：{path}") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
