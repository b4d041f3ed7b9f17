"""The one place that finds the data files of the top-level ``resources/`` folder.

Three layouts are supported, each tested:

* a source checkout: ``<repo>/resources`` beside the ``fazhi_desktop`` package;
* an installed wheel: the same folder shipped as the package ``fazhi_desktop/_resources``
  (pyproject.toml maps it there);
* a PyInstaller bundle: ``<sys._MEIPASS>/resources`` (the spec copies the folder there).

Standard library only, so that core may use it.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent


class ResourceError(RuntimeError):
    """A data file the program needs is missing or unreadable (a broken installation)."""


def candidate_dirs() -> list[Path]:
    """Where resources may live, most specific first."""
    dirs: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        dirs.append(Path(bundle) / "resources")
    dirs.append(_PACKAGE_DIR / "_resources")  # installed wheel
    dirs.append(_PACKAGE_DIR.parent / "resources")  # source checkout
    return dirs


@cache
def resources_dir() -> Path:
    """The folder that holds the data files; raises ResourceError when none is found."""
    for candidate in candidate_dirs():
        if (candidate / "templates").is_dir():
            return candidate
    searched = "、".join(str(d) for d in candidate_dirs())
    raise ResourceError(f"找不到程序的数据文件（已查找：{searched}），请重新安装本程序。")


def resource_path(*parts: str) -> Path:
    """The path of one data file, e.g. ``resource_path("templates", "statutory.json")``."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise ResourceError(f"缺少数据文件 {'/'.join(parts)}，请重新安装本程序。")
    return path


def load_json(*parts: str) -> Any:
    """Read a JSON data file (UTF-8)."""
    path = resource_path(*parts)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ResourceError(f"数据文件 {path.name} 无法读取：{exc}") from exc
