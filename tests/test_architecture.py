"""Layering rules from DEVELOPERS.md, enforced."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "fazhi_desktop"


@pytest.mark.parametrize(
    "module",
    ["fazhi_desktop.core", "fazhi_desktop.storage", "fazhi_desktop.export", "fazhi_desktop.importers",
     "fazhi_desktop.cli", "fazhi_desktop.commands", "fazhi_desktop.county"],
)
def test_non_ui_packages_never_import_qt(module: str) -> None:
    """Import every module of the package in a fresh interpreter; no PySide6 may be loaded."""
    code = (
        "import importlib, pkgutil, sys\n"
        f"pkg = importlib.import_module({module!r})\n"
        "for m in pkgutil.walk_packages(getattr(pkg, '__path__', []), pkg.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        "qt = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{module} imported Qt: {out.stdout}"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0] if not node.module.startswith("fazhi_desktop")
                      else node.module)
    return names


def _modules(sub: str = "") -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py"))


def test_only_ui_imports_pyside6() -> None:
    offenders = [p for p in _modules() if "PySide6" in _imports(p) and "ui" not in p.relative_to(PACKAGE).parts]
    assert offenders == []


def test_only_export_and_importers_import_docx() -> None:
    allowed = {"export", "importers"}
    offenders = [p for p in _modules() if "docx" in _imports(p)
                 and not allowed & set(p.relative_to(PACKAGE).parts)]
    assert offenders == []


def test_only_storage_touches_sqlite() -> None:
    offenders = [p for p in _modules() if {"sqlite3", "sqlite_utils"} & _imports(p)
                 and "storage" not in p.relative_to(PACKAGE).parts]
    assert offenders == []


def test_core_uses_standard_library_only() -> None:
    stdlib = set(sys.stdlib_module_names) | {"fazhi_desktop"}
    for path in _modules("core"):
        for name in _imports(path):
            top = name.split(".")[0]
            assert top in stdlib, f"{path.name} imports {name}"
            if name.startswith("fazhi_desktop."):
                assert name.startswith(("fazhi_desktop.core", "fazhi_desktop.resources")), (path, name)


def test_modules_stay_small() -> None:
    """About 300 lines at most per module (DEVELOPERS.md)."""
    long = {p.name: n for p in _modules() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 330}
    assert long == {}


def test_the_page_plan_needs_no_python_docx() -> None:
    """The pre-flight (pages → rows → runs) is what a preview in ui/ draws: importing and running it
    must not load python-docx (nor Qt)."""
    code = (
        "import sys\n"
        "from fazhi_desktop.export.preflight import preflight\n"
        "from fazhi_desktop.export.options import ExportOptions\n"
        "from fazhi_desktop.core.serialize import report_from_dict\n"
        "from fazhi_desktop.resources import load_json\n"
        "plan = preflight(report_from_dict(load_json('demo', 'demo-report.json')), ExportOptions(imprint=True))\n"
        "assert plan.pages > 1\n"
        "print(','.join(sorted(n for n in sys.modules if n.split('.')[0] in ('docx', 'lxml', 'PySide6'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
