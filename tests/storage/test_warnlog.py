"""The storage layer's warnings: written to the log when logging is set up, never on the command line's
stderr, and logging itself loaded only when a warning is written."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True,
                          timeout=60)


def test_a_quiet_command_line_prints_no_warning_and_loads_logging_only_when_one_is_written() -> None:
    done = _run("""
        import sys
        from fazhi_desktop.storage import warnlog
        warnlog.quiet()
        print("BEFORE", "logging" in sys.modules)
        try:
            raise OSError("磁盘已满")
        except OSError:
            warnlog.warning("fazhi_desktop.storage.session", "exit backup of %s failed", "x.db", exc_info=True)
        print("AFTER", "logging" in sys.modules)
    """)
    assert done.returncode == 0, done.stderr
    assert "BEFORE False" in done.stdout and "AFTER True" in done.stdout
    assert done.stderr == ""


def test_a_warning_reaches_the_log_with_its_traceback_when_logging_is_set_up() -> None:
    done = _run("""
        import logging
        logging.basicConfig(level=logging.WARNING, format="%(name)s|%(message)s")
        from fazhi_desktop.storage import warnlog
        warnlog.quiet()  # a handler exists: the warning is not silenced
        try:
            raise OSError("磁盘已满")
        except OSError:
            warnlog.warning("fazhi_desktop.storage.session", "exit backup of %s failed", "x.db", exc_info=True)
    """)
    assert done.returncode == 0
    assert "fazhi_desktop.storage.session|exit backup of x.db failed" in done.stderr
    assert "OSError: 磁盘已满" in done.stderr


def test_without_quiet_an_unconfigured_warning_is_still_shown() -> None:
    done = _run("""
        from fazhi_desktop.storage import warnlog
        warnlog.warning("fazhi_desktop.storage.lock", "no file locks on %s", "x.db")
    """)
    assert "no file locks on x.db" in done.stderr  # logging's last resort: the window's log setup is elsewhere
