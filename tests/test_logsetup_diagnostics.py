"""Crash logging and the diagnostics zip."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

from fazhi_desktop.diagnostics import diagnostics_zip

CRASHER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from fazhi_desktop.logsetup import setup_logging
    seen = []
    setup_logging(Path(sys.argv[1]), on_error=lambda summary, path: print("提示", summary, path.name, flush=True))
    sys.stderr = None  # as in a windowed exe
    raise ValueError("故意的错误")
""")


def test_unhandled_exception_is_logged_and_reported(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", CRASHER, str(tmp_path)], capture_output=True, text=True,
                          encoding="utf-8")
    assert "提示 ValueError: 故意的错误 app.log" in done.stdout
    log = (tmp_path / "app.log").read_text(encoding="utf-8")
    assert "未处理的异常" in log and "故意的错误" in log and "启动 fazhi-desktop" in log
    assert (tmp_path / "crash.log").exists()


def test_diagnostics_zip_has_logs_and_versions_but_no_data_unless_asked(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "app.log").write_text("日志内容", encoding="utf-8")
    plain = io.BytesIO(diagnostics_zip(logs))
    assert sorted(zipfile.ZipFile(plain).namelist()) == ["logs/app.log", "versions.txt"]
    with_data = zipfile.ZipFile(io.BytesIO(diagnostics_zip(logs, b"secret report", "fazhi.db")))
    assert with_data.read("data/fazhi.db") == b"secret report"
    versions = zipfile.ZipFile(plain).read("versions.txt").decode("utf-8")
    assert "fazhi-desktop" in versions and "python-docx" in versions


def test_the_log_rotates_at_start_and_keeps_five(tmp_path: Path) -> None:
    from fazhi_desktop.logsetup import KEEP, MAX_BYTES, rotate

    log = tmp_path / "app.log"
    for n in range(1, KEEP + 1):
        (tmp_path / f"app.log.{n}").write_text(f"第{n}份", encoding="utf-8")
    log.write_bytes(b"x" * MAX_BYTES)
    rotate(log)
    assert not log.exists()
    assert (tmp_path / "app.log.1").stat().st_size == MAX_BYTES
    assert (tmp_path / "app.log.2").read_text(encoding="utf-8") == "第1份"
    assert (tmp_path / f"app.log.{KEEP}").read_text(encoding="utf-8") == f"第{KEEP - 1}份"  # the oldest went
    log.write_text("小", encoding="utf-8")
    rotate(log)  # under the size: untouched
    assert log.read_text(encoding="utf-8") == "小"


def test_one_session_cannot_fill_the_disk(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import logging

    from fazhi_desktop import logsetup

    monkeypatch.setattr(logsetup, "SESSION_CAP", 10_000)
    monkeypatch.setattr(logsetup, "_fault_file", object())  # keep faulthandler as the test runner set it
    import threading

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # setup_logging replaces both; put them back
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    root = logging.getLogger()
    monkeypatch.setattr(root, "level", root.level)
    before = list(root.handlers)
    try:
        path = logsetup.setup_logging(tmp_path)
        for i in range(2000):
            logging.getLogger("fazhi_desktop").info("一条会重复很多次的日志 %d", i)
        assert 10_000 < path.stat().st_size < 12_000
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
