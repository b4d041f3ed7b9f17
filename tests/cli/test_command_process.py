"""What a command's own process sets up around the command (and what an in-process call leaves alone)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path


def test_a_command_process_collects_cycles_less_often_and_an_in_process_call_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "fazhi.db"
    script = textwrap.dedent(f"""
        import gc, sys
        from fazhi_desktop.cli import main
        before = gc.get_threshold()
        main(["--db", {str(db)!r}, "list"])  # called in-process (tests, the window): left alone
        print("IN", gc.get_threshold() == before)
        sys.argv = ["fazhi-desktop", "--db", {str(db)!r}, "list"]
        code = main()  # the command's own process
        print("OWN", gc.get_threshold()[0])
        sys.exit(code)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "IN True" in done.stdout
    assert "OWN 50000" in done.stdout
    assert "还没有报告" in done.stdout  # the command itself ran as usual
