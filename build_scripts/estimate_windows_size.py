"""Estimate the Windows release zip from the win_amd64 wheels, until a Windows build measures it.

The Qt part is exact in kind: the members of the pinned PySide6/shiboken6/lxml win_amd64 wheels that the
spec keeps (build_scripts/prune.py, plus only the Qt modules the program imports), counted at their
deflate-compressed size inside the wheel, which is how the release zip stores them too. The Python 3.12
runtime, python-docx, sqlite-utils and the program itself cannot be taken from a wheel here (no Windows
CPython on PyPI); they are added as a stated allowance, measured from the Linux bundle's equivalents.

    python build_scripts/estimate_windows_size.py [--wheels DIR]   # downloads the wheels if needed
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path, PurePath

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from build_scripts.prune import keep

BUDGET_MB = 40
PINS = ("PySide6-Essentials==6.12.0", "shiboken6==6.12.0", "lxml==6.1.3")
# Qt modules the program imports (and what they load): everything else in the wheel is left out.
QT_MODULES = ("Core", "Gui", "Widgets", "Network", "Svg")
# Compressed allowance for what no wheel here provides: python312.dll (~7 MB, ~3 MB deflated), the stdlib
# archive and extension modules (~4 MB deflated), sqlite3.dll, python-docx + templates, sqlite-utils,
# platformdirs, our package and resources (~2 MB deflated together), openpyxl + et-xmlfile (~0.3 MB).
PYTHON_ALLOWANCE_MB = 9.3


def wanted(name: str) -> bool:
    """A wheel member the Windows bundle would contain."""
    path = PurePath(name)
    if ".dist-info" in name or path.suffix in (".pyi", ".exe", ".h", ".lib", ".cmake", ".prl", ".pri", ".xml"):
        return False
    top = path.parts[0]
    if top == "lxml":
        return path.suffix in (".pyd", ".py")
    if top == "shiboken6":
        return path.suffix in (".dll", ".pyd", ".py")
    if top != "PySide6" or not keep(name):
        return False
    sub = path.parts[1] if len(path.parts) > 1 else ""
    if sub in ("qml", "resources", "metatypes", "typesystems", "include", "glue", "scripts", "support",
               "doc", "lib"):
        return False
    if path.suffix in (".dll", ".pyd") and len(path.parts) == 2:
        stem = path.stem.replace("Qt6", "").replace("Qt", "")
        runtime = path.name.lower().startswith(("msvcp", "vcruntime", "concrt", "pyside6", "shiboken6"))
        return runtime or stem.split(".")[0] in QT_MODULES
    return path.suffix in (".dll", ".qm", ".py")


def estimate(wheels: Path) -> tuple[float, float]:
    """(compressed MB of the kept wheel members, unpacked MB of the same)."""
    packed = unpacked = 0
    for wheel in sorted(wheels.glob("*.whl")):
        for info in zipfile.ZipFile(wheel).infolist():
            if wanted(info.filename):
                packed += info.compress_size
                unpacked += info.file_size
    return packed / 2**20, unpacked / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description="估算 Windows 发布包大小")
    parser.add_argument("--wheels", help="已下载 win_amd64 轮子的文件夹（默认临时下载）")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        wheels = Path(args.wheels) if args.wheels else Path(tmp)
        if not list(wheels.glob("pyside6_essentials-*win_amd64.whl")):
            subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
                            "--platform", "win_amd64", "--python-version", "3.12", "--implementation", "cp",
                            "-d", str(wheels), *PINS], check=True)
        packed, unpacked = estimate(wheels)
    total = packed + PYTHON_ALLOWANCE_MB
    print(f"Qt/lxml 部分：解压后 {unpacked:.1f} MB，压缩后 {packed:.1f} MB")
    print(f"加上 Python 运行时等估计值 {PYTHON_ALLOWANCE_MB:.1f} MB：发布 zip 约 {total:.1f} MB"
          f"（预算 {BUDGET_MB} MB：{'符合' if total <= BUDGET_MB else '超出'}）")
    return 0 if total <= BUDGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
