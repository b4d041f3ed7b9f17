"""Another program holding a data file's lock, for tests: a real process with the OS lock taken."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HOLDER = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from fazhi_desktop.storage.lock import DatabaseLock
    lock = DatabaseLock(Path(sys.argv[1]), sys.argv[2])
    lock.acquire()
    if sys.argv[3]:  # pretend to be on another PC: the OS lock is real, the name is what the message shows
        info = json.loads(lock.path.read_text(encoding="utf-8"))
        info["host"] = sys.argv[3]
        lock.path.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    print("locked", flush=True)
    sys.stdin.readline()
    lock.release()
""")


@contextmanager
def held_lock(db_path: Path, host: str = "", role: str = "窗口") -> Iterator[subprocess.Popen[str]]:
    """A process that holds ``db_path``'s lock until the block ends (``host``: the computer it claims)."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path), role, host], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield holder
    finally:
        if holder.poll() is None:
            assert holder.stdin is not None
            holder.stdin.write("\n")
            holder.stdin.flush()
        holder.communicate(timeout=30)  # waits and closes the pipes


def write_stale_info(db_path: Path, pid: int, host: str) -> Path:
    """A lock file as a dead (or long-gone) holder left it: information, but no OS lock behind it."""
    lock_file = db_path.with_name(db_path.name + ".lock")
    lock_file.write_text(json.dumps({"pid": pid, "host": host, "app": "fazhi-desktop", "since": "2026-01-01T08:00:00"}),
                         encoding="utf-8")
    return lock_file
