"""Logging for a windowed program: a rotating log and a crash log in the data folder (packaging.md §5.6).

In a windowed .exe ``sys.stderr`` is None, so everything worth knowing goes to files. Standard
library only; the GUI adds its own message box through ``on_error``.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import platform
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TextIO

from fazhi_desktop import __version__

LOG_NAME = "app.log"
CRASH_NAME = "crash.log"
_fault_file: TextIO | None = None  # kept open for the life of the process (faulthandler needs it)


def setup_logging(log_dir: Path, on_error: Callable[[str, Path], None] | None = None) -> Path:
    """Log to ``log_dir/app.log`` (2 MB × 5), faults to ``crash.log``, unhandled exceptions to both.

    ``on_error(summary, log_path)`` is called for unhandled exceptions so the GUI can tell the user;
    the program keeps running where it can. Returns the log file path.
    """
    global _fault_file
    log_dir.mkdir(parents=True, exist_ok=True)
    log_path = log_dir / LOG_NAME
    handler = logging.handlers.RotatingFileHandler(log_path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers = [h for h in root.handlers if not isinstance(h, logging.handlers.RotatingFileHandler)]
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
        "启动 fazhi-desktop %s, Python %s, %s, frozen=%s", __version__, platform.python_version(),
        platform.platform(), getattr(sys, "frozen", False),
    )
    return log_path
