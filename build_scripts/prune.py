"""What the bundle keeps of Qt: one rule set for the PyInstaller spec and the Windows size estimate."""

from __future__ import annotations

from pathlib import PurePath

KEEP_QM_SUFFIXES = ("_zh_CN.qm",)
DROP_PLUGIN_DIRS = {"networkinformation", "tls", "qmltooling", "generic", "egldeviceintegrations",
                    "wayland-decoration-client", "wayland-graphics-integration-client",
                    "wayland-shell-integration", "sqldrivers", "designer", "vectorimageformats"}
KEEP_PLATFORMS = {"qwindows.dll", "qoffscreen.dll", "libqxcb.so", "libqwayland.so", "libqoffscreen.so",
                  "libqwayland-generic.so"}
DROP_FILES = {"opengl32sw.dll"}


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
