"""Where the database lives: --db, portable mode beside the executable, or the user data folder.

packaging.md §5.1: %LOCALAPPDATA% (never Roaming) on Windows, via platformdirs with
``appauthor=False``; portable mode when ``portable.txt`` sits beside the executable and that folder
is writable. Also tells local disks from removable and network ones (§5.4).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "fazhi-desktop"
DB_FILE_NAME = "fazhi.db"
PORTABLE_MARKER = "portable.txt"

_REMOTE_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "afs", "ceph",
              "fuse.gvfsd-fuse", "davfs", "fuse.rclone"}
_REMOVABLE_FS = {"vfat", "exfat", "msdos", "fuseblk", "fuse.exfat", "udf", "iso9660"}


def executable_dir() -> Path | None:
    """The folder of the packaged executable, or None when running from Python sources."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def portable_data_dir(exe_dir: Path | None) -> Path | None:
    """``<exe_dir>/data`` when the portable marker is there and the folder is writable."""
    if exe_dir is None or not (exe_dir / PORTABLE_MARKER).exists():
        return None
    if not os.access(exe_dir, os.W_OK):
        return None
    return exe_dir / "data"


def data_dir(exe_dir: Path | None = None) -> Path:
    """The folder for the database, backups and logs (not created here)."""
    portable = portable_data_dir(exe_dir if exe_dir is not None else executable_dir())
    if portable is not None:
        return portable
    import platformdirs  # only when no --db / portable folder decides the place

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


def resolve_db_path(cli_db: str | os.PathLike[str] | None = None, exe_dir: Path | None = None) -> Path:
    """``--db`` wins; then portable mode; then the user data folder."""
    if cli_db:
        return Path(cli_db).expanduser().resolve()
    return data_dir(exe_dir) / DB_FILE_NAME


def _windows_drive_kind(path: Path) -> str:
    text = str(path)
    if text.startswith("\\\\"):
        return "remote"
    import ctypes

    root = os.path.splitdrive(text)[0] + "\\"
    kind = ctypes.windll.kernel32.GetDriveTypeW(root)  # type: ignore[attr-defined]
    return {2: "removable", 4: "remote"}.get(kind, "local")


def _mount_fstype(path: Path, mountinfo: str) -> tuple[str, str]:
    """(mount point, fs type) of the longest mount point containing ``path``."""
    best = ("/", "")
    for line in mountinfo.splitlines():
        fields = line.split()
        if " - " not in line or len(fields) < 5:
            continue
        mount_point = fields[4].replace("\\040", " ")
        fstype = line.split(" - ", 1)[1].split()[0]
        inside = str(path) == mount_point or str(path).startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best[0]):
            best = (mount_point, fstype)
    return best


def drive_kind(path: Path, mountinfo: str | None = None) -> str:
    """"local", "removable" or "remote" for the disk that holds ``path``."""
    path = path.resolve()
    if os.name == "nt":
        return _windows_drive_kind(path)
    if mountinfo is None:
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return "local"
    mount_point, fstype = _mount_fstype(path, mountinfo)
    if fstype in _REMOTE_FS:
        return "remote"
    if fstype in _REMOVABLE_FS or mount_point.startswith(("/media/", "/run/media/", "/mnt/usb")):
        return "removable"
    return "local"
