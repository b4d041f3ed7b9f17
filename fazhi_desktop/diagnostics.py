"""导出诊断信息: a zip of the logs and versions for the county IT person — never the data without asking."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
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


def write_diagnostics(target: Path, log_dir: Path, db_path: Path | None = None,
                      extra: dict[str, str] | None = None) -> Path:
    """Write the zip; the data file goes in only when ``db_path`` is given (the user agreed)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("versions.txt", versions_text(extra))
        if log_dir.is_dir():
            for log in sorted(log_dir.glob("*.log*")):
                archive.write(log, f"logs/{log.name}")
        if db_path is not None and db_path.exists():
            archive.write(db_path, f"data/{db_path.name}")
    return target
