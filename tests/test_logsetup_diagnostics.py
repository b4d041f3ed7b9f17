"""Crash logging and the diagnostics zip."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

from fazhi_desktop.diagnostics import write_diagnostics

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
    db = tmp_path / "fazhi.db"
    db.write_bytes(b"secret report")
    names = zipfile.ZipFile(write_diagnostics(tmp_path / "d.zip", logs)).namelist()
    assert sorted(names) == ["logs/app.log", "versions.txt"]
    names = zipfile.ZipFile(write_diagnostics(tmp_path / "d2.zip", logs, db_path=db)).namelist()
    assert "data/fazhi.db" in names
    versions = zipfile.ZipFile(tmp_path / "d.zip").read("versions.txt").decode("utf-8")
    assert "fazhi-desktop" in versions and "python-docx" in versions
