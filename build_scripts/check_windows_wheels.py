"""Check that every pinned runtime dependency has a win_amd64 wheel for the release Python.

The .exe cannot be built on Linux, but this can: pip resolves the pinned set for Windows without
installing anything (``--dry-run``; PyPI's metadata files make it cheap). Exit status 1 if any pin
lacks a Windows wheel.

    python build_scripts/check_windows_wheels.py [--python-version 3.12]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
RUNTIME = ("pyside6-essentials", "shiboken6", "python-docx", "lxml", "typing-extensions", "openpyxl", "et-xmlfile",
           "sqlite-utils",
           "sqlite-fts4", "click", "click-default-group", "tabulate", "python-dateutil", "six", "pluggy",
           "platformdirs", "colorama", "pyinstaller", "pyinstaller-hooks-contrib", "pefile", "pywin32-ctypes",
           "altgraph", "packaging", "setuptools")


def runtime_pins(requirements: Path) -> list[str]:
    """``name==version`` lines of the runtime set (hashes and markers dropped)."""
    pins = []
    for line in requirements.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith((" ", "#")) and "==" in line:
            pin = line.split(";")[0].split("\\")[0].strip()
            if pin.split("==")[0].lower() in RUNTIME:
                pins.append(pin)
    return pins


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--python-version", default="3.12")
    parser.add_argument("--requirements", default=str(HERE / "requirements-build.txt"))
    args = parser.parse_args()
    pins = runtime_pins(Path(args.requirements))
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        done = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--no-deps", "--quiet",
             "--only-binary=:all:", "--platform", "win_amd64", "--python-version", args.python_version,
             "--implementation", "cp", "--target", str(Path(tmp) / "t"), "--report", str(report), *pins],
            capture_output=True, text=True)
        if done.returncode != 0:
            print(f"缺少 win_amd64 轮子（Python {args.python_version}）：\n{done.stderr[-3000:]}")
            return 1
        chosen = json.loads(report.read_text(encoding="utf-8"))["install"]
    for item in chosen:
        wheel = item["download_info"]["url"].rsplit("/", 1)[-1]
        print(f"  {item['metadata']['name']} {item['metadata']['version']}: {wheel}")
    print(f"全部 {len(pins)} 个运行时依赖都有 win_amd64 轮子（Python {args.python_version}）。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
