"""Font roles of the export and the map from canonical names to the fonts a PC really has.

The export never asks Qt: on Linux (and 信创 desktops) it reads ``fc-list``, on Windows the
font registry and the Fonts folder. The candidate lists live in ``resources/export/fonts.json``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import NamedTuple

from fazhi_desktop.resources import load_json


class FontRole(StrEnum):
    FANGSONG = "fangsong"  # body, 三级/四级标题, 落款
    KAITI = "kaiti"  # 二级标题
    HEITI = "heiti"  # 一级标题, 附件 label
    XIAOBIAOSONG = "xiaobiaosong"  # 标题, 发文机关标志
    SONGTI = "songti"  # 页码
    LATIN = "latin"  # digits and Latin letters (Times New Roman)


@cache
def _roles() -> dict[str, dict[str, object]]:
    data = load_json("export", "fonts.json")
    roles: dict[str, dict[str, object]] = data["roles"]
    return roles


def candidates(role: FontRole) -> list[str]:
    """Names allowed for ``role``, the canonical one first."""
    return list(_roles()[role.value]["candidates"])  # type: ignore[call-overload]


def role_label(role: FontRole) -> str:
    return str(_roles()[role.value]["label"])


class Substitution(NamedTuple):
    """A font the export wrote instead of the one GB/T 9704 practice asks for."""

    role: FontRole
    wanted: str
    used: str

    def message(self) -> str:
        return f"未安装{self.wanted}，已改用{self.used}"


@dataclass(frozen=True)
class FontMap:
    """The font name written to the document for every role."""

    names: Mapping[FontRole, str]
    substitutions: tuple[Substitution, ...] = field(default=())
    missing: tuple[FontRole, ...] = ()  # no candidate installed: the canonical name is kept

    def __getitem__(self, role: FontRole) -> str:
        return self.names[role]

    def messages(self) -> list[str]:
        out = [s.message() for s in self.substitutions]
        out += [f"未安装{role_label(r)}的任何字体，仍写入{self.names[r]}，打印前请安装" for r in self.missing]
        return out


def canonical_map() -> FontMap:
    """The names GB/T 9704 practice asks for, whatever is installed (for a file printed elsewhere)."""
    return FontMap({role: candidates(role)[0] for role in FontRole})


def _norm(name: str) -> str:
    return "".join(name.split()).casefold()


def map_from_installed(families: Iterable[str]) -> FontMap:
    """For each role the first candidate among ``families`` (names compared ignoring case/space)."""
    have = {_norm(f) for f in families}
    names: dict[FontRole, str] = {}
    subs: list[Substitution] = []
    missing: list[FontRole] = []
    for role in FontRole:
        spec = _roles()[role.value]
        aliases: dict[str, list[str]] = spec["aliases"]  # type: ignore[assignment]
        wanted = candidates(role)
        chosen = next((c for c in wanted
                       if {_norm(n) for n in [c, *aliases.get(c, [])]} & have), None)
        if chosen is None:
            names[role] = wanted[0]
            missing.append(role)
        else:
            names[role] = chosen
            if chosen != wanted[0]:
                subs.append(Substitution(role, wanted[0], chosen))
    return FontMap(names, tuple(subs), tuple(missing))


def _fc_list_families() -> set[str]:
    import shutil
    import subprocess

    exe = shutil.which("fc-list")
    if not exe:
        return set()
    try:
        out = subprocess.run([exe, ":", "family"], capture_output=True, text=True,
                             encoding="utf-8", errors="replace", timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return set()
    return {name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()}


def _windows_families() -> set[str]:  # pragma: no cover - exercised on Windows only
    families: set[str] = set()
    if sys.platform != "win32":
        return families
    try:
        import winreg

        keys = [(winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"),
                (winreg.HKEY_CURRENT_USER, r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts")]
        for hive, path in keys:
            try:
                with winreg.OpenKey(hive, path) as key:
                    for i in range(winreg.QueryInfoKey(key)[1]):
                        value = winreg.EnumValue(key, i)[0]
                        value = value.split("(")[0]
                        families.update(p.strip() for p in value.split("&") if p.strip())
            except OSError:
                continue
    except ImportError:
        pass
    return families | files_to_families(_windows_font_files())


def _windows_font_files() -> list[str]:  # pragma: no cover - Windows only
    folders = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    names: list[str] = []
    for folder in folders:
        try:
            names += [p.name for p in folder.iterdir()]
        except OSError:
            continue
    return names


def files_to_families(file_names: Iterable[str]) -> set[str]:
    """Family names of well-known font files (simfang.ttf → 仿宋), case-insensitive."""
    table: dict[str, str] = load_json("export", "fonts.json")["windows_files"]
    return {table[n.casefold()] for n in file_names if n.casefold() in table}


def installed_families() -> set[str]:
    """Font families installed on this machine (empty when they cannot be listed)."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_families()
    return _fc_list_families()


def installed_map() -> FontMap:
    """Canonical names replaced by installed fallbacks; see :meth:`FontMap.messages`."""
    families = installed_families()
    if not families:
        return canonical_map()
    return map_from_installed(families)


class DrawFont(NamedTuple):
    """The font a preview or a PDF draws a role with: the installed font the export would choose
    (:func:`map_from_installed`), or, when none is installed, a free look-alike from ``preview`` in
    fonts.json (never written into a .docx)."""

    role: FontRole
    family: str  # as installed
    weight: int = 400
    stand_in: bool = False  # no candidate installed: a look-alike

    def message(self) -> str:
        return f"{role_label(self.role)}：本机未安装，预览和 PDF 用 {self.family} 代替" if self.stand_in else ""


def drawing_fonts(families: Iterable[str]) -> dict[FontRole, DrawFont]:
    """For each role the family to draw with, chosen from the installed ``families`` exactly as the
    export's installed-fonts option chooses (names compared ignoring case and spaces)."""
    installed = list(families)
    by_norm = {_norm(f): f for f in installed}
    chosen = map_from_installed(installed)
    out: dict[FontRole, DrawFont] = {}
    for role in FontRole:
        if role not in chosen.missing:
            aliases: dict[str, list[str]] = _roles()[role.value]["aliases"]  # type: ignore[assignment]
            name = chosen[role]
            family = next(by_norm[n] for n in map(_norm, [name, *aliases.get(name, [])]) if n in by_norm)
            out[role] = DrawFont(role, family)
            continue
        looks: list[list[object]] = _roles()[role.value].get("preview", [])  # type: ignore[assignment]
        found = next(((by_norm[_norm(str(f))], int(str(w))) for f, w in looks if _norm(str(f)) in by_norm), None)
        family, weight = found if found is not None else (candidates(role)[0], 400)
        out[role] = DrawFont(role, family, weight, stand_in=True)
    return out
