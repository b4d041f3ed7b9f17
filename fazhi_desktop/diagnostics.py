"""导出诊断信息: a zip of the logs and versions for the county IT person — never the data without asking."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.metadata
import io
import platform
import sys
import zipfile
from pathlib import Path

from fazhi_desktop import __version__

_PACKAGES = ("PySide6-Essentials", "python-docx", "sqlite-utils", "platformdirs", "lxml")


def versions_text(extra: dict[str, str] | None = None) -> str:
    lines = [f"fazhi-desktop {__version__}", f"Python {sys.version}", f"系统 {platform.platform()}",
             f"打包版 {getattr(sys, 'frozen', False)}", f"时间 {dt.datetime.now().isoformat(timespec='seconds')}"]
    for name in _PACKAGES:
        try:
            lines.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            lines.append(f"{name} 未安装")
    lines += [f"{k} {v}" for k, v in (extra or {}).items()]
    return "\n".join(lines) + "\n"


def diagnostics_zip(log_dir: Path, db_image: bytes | None = None, db_name: str = "fazhi.db",
                    extra: dict[str, str] | None = None) -> bytes:
    """The zip's bytes; the data file goes in only when ``db_image`` is given (the user agreed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("versions.txt", versions_text(extra))
        if log_dir.is_dir():
            for log in sorted(log_dir.glob("*.log*")):
                with contextlib.suppress(OSError):  # a log being rotated this instant is left out
                    archive.writestr(f"logs/{log.name}", log.read_bytes())
        if db_image is not None:
            archive.writestr(f"data/{db_name}", db_image)
    return out.getvalue()
