"""Build the onedir bundle reproducibly, smoke-test it, and enforce the size budget.

    python build_scripts/build.py            # build dist/fazhi-desktop, smoke-test, print size
    python build_scripts/build.py --zip      # also write dist/fazhi-desktop-<version>-<platform>.zip

Exit status 1 when the build, the smoke test or the size budget fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_scripts.version_info import render  # noqa: E402
from fazhi_desktop import __version__  # noqa: E402

APP = "fazhi-desktop"
IS_WIN = sys.platform.startswith("win")
BUDGET_MB = 40 if IS_WIN else 150  # Windows: the zip; Linux: the onedir on disk


def source_date_epoch() -> str:
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
                             check=True)
        return out.stdout.strip() or "0"
    except (OSError, subprocess.CalledProcessError):
        return "0"


def folder_mb(folder: Path) -> float:
    """Size on disk; symbolic links (PyInstaller links versioned .so names) count once, as links."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def build(dist: Path, work: Path) -> Path:
    env = dict(os.environ, PYTHONHASHSEED="1", SOURCE_DATE_EPOCH=source_date_epoch())
    version_file = ROOT / "build" / "version_info.txt"
    version_file.parent.mkdir(parents=True, exist_ok=True)
    version_file.write_text(render(), encoding="utf-8")
    spec = ROOT / "build_scripts" / "fazhi_desktop.spec"
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(spec)], cwd=ROOT, env=env, check=True)
    return dist / APP


def smoke(bundle: Path, out: Path) -> tuple[bool, float, dict[str, object]]:
    exe = bundle / (APP + (".exe" if IS_WIN else ""))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    done = subprocess.run([str(exe), "--smoke-test", "--smoke-out", str(out)], env=env, capture_output=True,
                          text=True, timeout=300)
    elapsed = time.perf_counter() - start
    try:
        result = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        result = {"ok": False, "error": f"no result file; exit {done.returncode}; {done.stderr[-2000:]}"}
    return done.returncode == 0 and bool(result.get("ok")), elapsed, result


def make_zip(bundle: Path) -> Path:
    tag = "win10-x64" if IS_WIN else f"linux-{os.uname().machine}"
    target = bundle.parent / f"{APP}-{__version__}-{tag}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(bundle.rglob("*")):
            archive.write(path, Path(APP) / path.relative_to(bundle))
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description="打包 fazhi-desktop 并做冒烟测试")
    parser.add_argument("--zip", action="store_true", help="同时生成发布用 zip")
    parser.add_argument("--dist", default=str(ROOT / "dist"))
    args = parser.parse_args()
    dist = Path(args.dist)
    shutil.rmtree(dist / APP, ignore_errors=True)
    bundle = build(dist, ROOT / "build" / "pyinstaller")
    runs = [smoke(bundle, ROOT / "build" / "smoke.json") for _ in range(5)]
    ok = all(r[0] for r in runs)
    result = next((r[2] for r in runs if not r[0]), runs[-1][2])
    seconds = sorted(r[1] for r in runs)[2]  # median of 5: start, every feature once, window shown, exit
    size = folder_mb(bundle)
    print(f"冒烟测试：{'通过' if ok else '失败'}（5 次中位数 {seconds:.2f} s，目标 ≤ 1.0 s："
          f"{'符合' if seconds <= 1.0 else '超出'}）")
    if not ok:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    print(f"打包目录：{bundle}，{size:.1f} MB")
    measured = size
    if args.zip or IS_WIN:
        archive = make_zip(bundle)
        measured = archive.stat().st_size / 2**20 if IS_WIN else size
        print(f"发布包：{archive}，{archive.stat().st_size / 2**20:.1f} MB")
    within = measured <= BUDGET_MB
    print(f"体积预算 {BUDGET_MB} MB：{'符合' if within else '超出'}（{measured:.1f} MB）")
    return 0 if ok and within else 1


if __name__ == "__main__":
    sys.exit(main())
