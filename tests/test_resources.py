"""The one resource resolver works from a checkout, an installed wheel and a PyInstaller bundle."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from fazhi_desktop import resources

REPO = Path(__file__).resolve().parents[1]

PROBE = (
    "from fazhi_desktop import resources\n"
    "from fazhi_desktop.core.templates import template_keys, load_template\n"
    "print(resources.resources_dir())\n"
    "print(','.join(template_keys()))\n"
    "print(load_template('statutory').name)\n"
)


def test_checkout_layout() -> None:
    resources.resources_dir.cache_clear()
    assert resources.resources_dir() == REPO / "resources"
    assert resources.load_json("templates", "statutory.json")["key"] == "statutory"


def test_missing_file_gives_a_chinese_message() -> None:
    with pytest.raises(resources.ResourceError) as info:
        resources.resource_path("templates", "no-such.json")
    assert "缺少数据文件" in str(info.value)


def test_pyinstaller_bundle_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = tmp_path / "_internal"
    shutil.copytree(REPO / "resources", bundle / "resources")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    resources.resources_dir.cache_clear()
    try:
        assert resources.resources_dir() == bundle / "resources"
        assert resources.load_json("templates", "principal-first.json")["key"] == "principal-first"
    finally:
        resources.resources_dir.cache_clear()


def test_nothing_found_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(resources, "candidate_dirs", lambda: [tmp_path / "a", tmp_path / "b"])
    resources.resources_dir.cache_clear()
    try:
        with pytest.raises(resources.ResourceError) as info:
            resources.resources_dir()
        assert "重新安装" in str(info.value)
    finally:
        resources.resources_dir.cache_clear()


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to copy the tracked files")
def test_installed_wheel_layout(tmp_path: Path) -> None:
    """Build a wheel from the sources, unpack it elsewhere and load templates from there."""
    src = tmp_path / "src"
    shutil.copytree(REPO, src, ignore=shutil.ignore_patterns(".git", "build", "dist", "*.egg-info",
                                                              "__pycache__", ".venv", "tests", "bench"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheels), str(src)], check=True, capture_output=True)
    wheel = next(wheels.glob("fazhi_desktop-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "fazhi_desktop/_resources/templates/statutory.json" in names
    assert "fazhi_desktop/_resources/demo/demo-report.json" in names
    shipped = sorted(f"fazhi_desktop/_resources/{p.relative_to(REPO / 'resources').as_posix()}"
                     for p in (REPO / "resources").rglob("*") if p.is_file())
    assert [n for n in shipped if n not in names] == [], "every resource (.json, the .docx template) is in the wheel"
    packages = sorted(p.parent.relative_to(REPO).as_posix() for p in (REPO / "fazhi_desktop").rglob("__init__.py"))
    missing = [p for p in packages if f"{p}/__init__.py" not in names]
    assert missing == [], "add these packages to [tool.setuptools] packages in pyproject.toml"
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}, check=True)
    lines = out.stdout.splitlines()
    assert Path(lines[0]) == site / "fazhi_desktop" / "_resources"
    assert lines[1].startswith("statutory,")
    assert lines[2] == "法定五部分（推荐）"
