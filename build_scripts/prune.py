"""What the bundle keeps of Qt: one rule set for the PyInstaller spec and the Windows size estimate."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePath

KEEP_QM_SUFFIXES = ("_zh_CN.qm",)
DROP_PLUGIN_DIRS = {"networkinformation", "tls", "qmltooling", "generic", "egldeviceintegrations",
                    "wayland-decoration-client", "wayland-graphics-integration-client",
                    "wayland-shell-integration", "sqldrivers", "designer", "vectorimageformats"}
KEEP_PLATFORMS = {"qwindows.dll", "qoffscreen.dll", "libqxcb.so", "libqwayland.so", "libqoffscreen.so",
                  "libqwayland-generic.so"}
# The GTK 3 platform theme: on a build machine with GTK it drags in libgtk-3 and some forty libraries
# (~11 MB, over the budget) and then wants GTK on the target; the window uses Qt's own style everywhere.
DROP_FILES = {"opengl32sw.dll", "libqgtk3.so"}
TAKES_ITS_LIBRARIES = {"libqgtk3.so"}  # dropped with the libraries only it loads (see orphans)


def keep(dest: str) -> bool:
    """True when the bundle keeps the file at ``dest`` (a path inside the bundle or the wheel)."""
    path = PurePath(dest)
    parts = path.parts
    if path.name in DROP_FILES:
        return False
    if path.suffix == ".qm" and "translations" in parts:
        return path.name.endswith(KEEP_QM_SUFFIXES)
    if "plugins" in parts:
        i = parts.index("plugins")
        sub = parts[i + 1] if len(parts) > i + 1 else ""
        if sub in DROP_PLUGIN_DIRS:
            return False
        if sub == "platforms" and path.name not in KEEP_PLATFORMS:
            return False
    return True


Imports = Callable[[str], Iterable[str]]
"""The file names of the shared libraries a binary loads (all of them, as ``ldd`` lists them)."""


def orphans(kept: Iterable[tuple[str, str]], dropped: Iterable[str], imports: Imports) -> set[str]:
    """The bundle's libraries that only dropped binaries needed: file names of the entries of ``kept``
    ((name in the bundle, source path)) loaded by a dropped binary (source paths ``dropped``) and by
    no kept one."""
    kept = list(kept)
    candidates = {PurePath(dest).name for src in dropped for dest in map(str, imports(src))} & {
        PurePath(dest).name for dest, _src in kept}
    needed: set[str] = set()
    for dest, src in kept:
        if PurePath(dest).name not in candidates:
            needed.update(PurePath(name).name for name in imports(src))
    return candidates - needed
