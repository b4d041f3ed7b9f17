"""Build helpers that run everywhere: the version resource, the pinned requirements, the installer script."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from build_scripts.check_windows_wheels import runtime_pins  # noqa: E402
from build_scripts.version_info import render, version_tuple  # noqa: E402
from fazhi_desktop import __version__  # noqa: E402


def test_version_tuple() -> None:
    assert version_tuple("0.1.0") == (0, 1, 0, 0)
    assert version_tuple("1.2.3.4") == (1, 2, 3, 4)
    assert version_tuple("1.2.0rc1") == (1, 2, 0, 0)
    assert version_tuple("2") == (2, 0, 0, 0)


def test_version_resource_matches_the_package() -> None:
    text = render()
    v = version_tuple(__version__)
    assert f"filevers={v}" in text and f"prodvers={v}" in text
    assert "StringStruct('ProductName', '法治政府建设年度报告助手')" in text
    assert "StringStruct('OriginalFilename', 'fazhi-desktop.exe')" in text
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert "VarStruct('Translation', [2052, 1200])" in text  # Simplified Chinese, Unicode
    compile(re.sub(r"^#.*$", "", text, flags=re.M), "version_info", "eval")  # it is a Python expression


def test_pinned_requirements_cover_the_runtime_and_carry_hashes() -> None:
    requirements = REPO / "build_scripts" / "requirements-build.txt"
    pins = {p.split("==")[0].lower(): p.split("==")[1] for p in runtime_pins(requirements)}
    assert {"pyside6-essentials", "python-docx", "sqlite-utils", "platformdirs", "lxml", "pyinstaller",
            "openpyxl", "et-xmlfile"} <= set(pins)
    assert pins["pyside6-essentials"].startswith("6.")
    blocks = requirements.read_text(encoding="utf-8").split("\n\n")
    assert all("--hash=sha256:" in b for b in blocks if re.match(r"^[a-z]", b.strip()))


def test_prune_rules_shared_by_the_spec_and_the_windows_estimate(tmp_path: Path) -> None:
    import zipfile

    from build_scripts.estimate_windows_size import estimate, wanted
    from build_scripts.prune import keep

    assert not keep("PySide6/opengl32sw.dll") and keep("PySide6/Qt6Core.dll")
    assert keep("PySide6/Qt/translations/qtbase_zh_CN.qm") and not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert keep("PySide6/plugins/platforms/qwindows.dll") and not keep("PySide6/plugins/platforms/qminimal.dll")
    assert keep("PySide6/plugins/styles/qmodernwindowsstyle.dll")  # the Windows 10/11 look
    assert not keep("PySide6/plugins/sqldrivers/qsqlite.dll")
    assert wanted("PySide6/Qt6Widgets.dll") and wanted("PySide6/QtNetwork.pyd")
    assert not wanted("PySide6/Qt6Quick.dll") and not wanted("PySide6/qml/QtQuick/x.dll")
    assert not wanted("PySide6/designer.exe") and wanted("PySide6/msvcp140.dll")
    wheel = tmp_path / "pyside6_essentials-6.12.0-cp310-abi3-win_amd64.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("PySide6/Qt6Core.dll", b"\0" * 100_000)
        z.writestr("PySide6/opengl32sw.dll", b"\1" * 100_000)
    packed, unpacked = estimate(tmp_path)
    assert round(unpacked * 2**20) == 100_000 and packed < unpacked  # only Qt6Core counted, compressed


INSTALLER = REPO / "build_scripts" / "installer.nsi"


def test_installer_is_per_user_and_never_removes_reports() -> None:
    script = INSTALLER.read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script  # no administrator rights on a township PC
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_ID}"' in script
    assert '!define APP_NAME "法治政府建设年度报告助手"' in script and '!define APP_EXE "fazhi-desktop.exe"' in script
    assert 'CreateShortcut "$DESKTOP\\${APP_NAME}.lnk"' in script
    assert 'CreateShortcut "$SMPROGRAMS\\${APP_NAME}.lnk"' in script
    uninstall = script[script.index('Section "Uninstall"'):]
    assert 'RMDir /r "$INSTDIR"' not in uninstall and 'RMDir "$INSTDIR"' in uninstall  # only if empty
    assert "data" not in re.findall(r'RMDir /r "([^"]+)"', uninstall)[0]


def test_installer_compiles(tmp_path: Path) -> None:
    """Debian's makensis builds the Windows installer from a stand-in bundle (CI installs nsis)."""
    makensis = shutil.which("makensis")
    if makensis is None:
        pytest.skip("makensis（nsis）未安装；CI 中总会安装")
    bundle = tmp_path / "dist" / "fazhi-desktop"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "fazhi-desktop.exe").write_bytes(b"MZ stand-in")
    (bundle / "_internal" / "base_library.zip").write_bytes(b"stand-in")
    done = subprocess.run([makensis, "-WX", "-V2", f"-DVERSION={__version__}", f"-DDIST={bundle}",
                           f"-DOUTDIR={tmp_path}", str(INSTALLER)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    setup = tmp_path / f"fazhi-desktop-{__version__}-win10-x64-setup.exe"
    assert setup.read_bytes()[:2] == b"MZ"


def test_the_gtk_theme_and_the_libraries_only_it_loads_are_left_out() -> None:
    """On a build machine with GTK, PyInstaller collects Qt's gtk3 platform theme and libgtk-3 with some
    forty libraries (152 MB, over the budget; and GTK wanted on the target): they are left out."""
    from build_scripts.prune import TAKES_ITS_LIBRARIES, keep, orphans

    assert not keep("PySide6/Qt/plugins/platformthemes/libqgtk3.so") and "libqgtk3.so" in TAKES_ITS_LIBRARIES
    assert keep("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so")
    loads = {
        "/qt/libqgtk3.so": ["libgtk-3.so.0", "libcairo.so.2", "libglib-2.0.so.0", "libQt6Gui.so.6"],
        "/qt/libqxcb.so": ["libglib-2.0.so.0", "libQt6Gui.so.6"],
        "/qt/libQt6Gui.so.6": ["libglib-2.0.so.0"],
        "/sys/libgtk-3.so.0": ["libcairo.so.2", "libglib-2.0.so.0"],
        "/sys/libcairo.so.2": [], "/sys/libglib-2.0.so.0": [],
    }
    kept = [("PySide6/Qt/plugins/platforms/libqxcb.so", "/qt/libqxcb.so"),
            ("PySide6/Qt/lib/libQt6Gui.so.6", "/qt/libQt6Gui.so.6"), ("libgtk-3.so.0", "/sys/libgtk-3.so.0"),
            ("libcairo.so.2", "/sys/libcairo.so.2"), ("libglib-2.0.so.0", "/sys/libglib-2.0.so.0")]
    gone = orphans(kept, ["/qt/libqgtk3.so"], lambda src: loads[src])
    assert gone == {"libgtk-3.so.0", "libcairo.so.2"}  # glib and Qt stay: kept plugins load them too
