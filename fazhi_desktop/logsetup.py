"""Logging for a windowed program: a rotating log and a crash log in the data folder (packaging.md §5.6).

In a windowed .exe ``sys.stderr`` is None, so everything worth knowing goes to files. Standard
library only; the GUI adds its own message box through ``on_error``. The log rotates when the program
starts (not while it runs: logging.handlers alone costs ~10 ms of every start), and one session never
writes more than ``SESSION_CAP`` bytes, so a logging loop cannot fill the disk.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TextIO

from fazhi_desktop import __version__

LOG_NAME = "app.log"
CRASH_NAME = "crash.log"
MAX_BYTES = 2_000_000  # rotate at start when the log is this big …
KEEP = 5  # … keeping app.log.1 … app.log.5
SESSION_CAP = 4 * MAX_BYTES
_fault_file: TextIO | None = None  # kept open for the life of the process (faulthandler needs it)


class _SessionFileHandler(logging.FileHandler):
    """A plain file handler that stops writing once this session has written ``SESSION_CAP`` bytes."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, encoding="utf-8")
        self._start = self.stream.tell() if self.stream is not None else 0

    def emit(self, record: logging.LogRecord) -> None:
        if self.stream is not None and self.stream.tell() - self._start > SESSION_CAP:
            return
        super().emit(record)


def rotate(log_path: Path) -> None:
    """``app.log`` over ``MAX_BYTES`` becomes ``app.log.1`` (older copies shift, the sixth is dropped)."""
    try:
        if not log_path.exists() or log_path.stat().st_size < MAX_BYTES:
            return
        for n in range(KEEP - 1, 0, -1):
            older = log_path.with_name(f"{log_path.name}.{n}")
            if older.exists():
                older.replace(log_path.with_name(f"{log_path.name}.{n + 1}"))
        log_path.replace(log_path.with_name(f"{log_path.name}.1"))
    except OSError:  # e.g. another copy of the program has it open on Windows: keep appending
        pass


def _system() -> str:
    """A short description of the OS (platform.platform() reads the Python binary for the glibc version: ~7 ms)."""
    if sys.platform == "win32":
        v = sys.getwindowsversion()
        return f"Windows {v.major}.{v.minor}.{v.build}"
    u = os.uname()
    return f"{u.sysname} {u.release} {u.machine}"


def setup_logging(log_dir: Path, on_error: Callable[[str, Path], None] | None = None) -> Path:
    """Log to ``log_dir/app.log`` (rotated at start: 2 MB × 5), faults to ``crash.log``, unhandled exceptions
    to both.

    ``on_error(summary, log_path)`` is called for unhandled exceptions so the GUI can tell the user;
    the program keeps running where it can. Returns the log file path.
    """
    global _fault_file
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / LOG_NAME
    rotate(log_path)
    handler = _SessionFileHandler(log_path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _SessionFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    if _fault_file is None:
        _fault_file = (log_dir / CRASH_NAME).open("a", encoding="utf-8")
        faulthandler.enable(file=_fault_file)

    def excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        logging.getLogger("fazhi_desktop").critical("未处理的异常", exc_info=(kind, value, tb))
        if on_error is not None:
            on_error(f"{kind.__name__}: {value}", log_path)

    sys.excepthook = excepthook
    threading.excepthook = lambda a: excepthook(a.exc_type, a.exc_value or Exception(), a.exc_traceback)
    logging.getLogger("fazhi_desktop").info(
        "启动 fazhi-desktop %s, Python %s, %s, frozen=%s", __version__, sys.version.split()[0],
        _system(), getattr(sys, "frozen", False),
    )
    return log_path
