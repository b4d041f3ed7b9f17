"""The program never opens a socket: the CLI and the GUI smoke path run with socket creation forbidden."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

SITECUSTOMIZE = '''
import socket

def _refuse(*args, **kwargs):
    with open(__file__ + ".attempts", "a", encoding="utf-8") as log:
        log.write(repr(args)[:200] + "\\n")
    raise OSError("network access is forbidden in this test")

socket.socket = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
socket.socketpair = _refuse
'''


def run(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    guard = tmp_path / "guard"
    guard.mkdir(exist_ok=True)
    (guard / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(guard), str(REPO)]), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "fazhi_desktop", *argv], env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=300)


def test_cli_and_gui_smoke_path_without_sockets(tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    for argv in (["--db", db, "--demo", "list"],
                 ["--db", db, "check", "--unit", "示例镇", "--year", "2025"],
                 ["--db", db, "export", "--unit", "示例镇", "--year", "2025", "-o", str(tmp_path / "a.docx")],
                 ["--db", db, "import", str(tmp_path / "a.docx"), "--unit", "示例镇", "--year", "2024"],
                 ["--db", db, "export", "--unit", "示例镇", "--year", "2025", "--pdf", str(tmp_path / "a.pdf"),
                  "--red-header", "--imprint"],
                 ["--db", db, "preview", "--unit", "示例镇", "--year", "2025", "-o", str(tmp_path / "png")],
                 ["--smoke-test", "--smoke-out", str(tmp_path / "smoke.json")]):
        done = run(tmp_path, *argv)
        assert done.returncode == 0, (argv, done.stderr[-2000:])
    assert json.loads((tmp_path / "smoke.json").read_text(encoding="utf-8"))["ok"]
    assert not (tmp_path / "guard" / "sitecustomize.py.attempts").exists()


def test_the_guard_really_blocks(tmp_path: Path) -> None:
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", "import socket; socket.socket()"], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(guard)})
    assert done.returncode != 0 and "forbidden" in done.stderr
