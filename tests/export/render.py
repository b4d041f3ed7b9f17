"""Batch rendering through ../shared/tools/render_docx.py: one LibreOffice call for many files."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from tests.conftest import SHARED

TOOL = SHARED / "tools" / "render_docx.py"
PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'


def skip_reason() -> str | None:
    """Why render tests cannot run here, or None."""
    if shutil.which("soffice") is None:
        return "LibreOffice (soffice) is not installed: render tests skipped"
    if shutil.which("pdftotext") is None:
        return "poppler-utils (pdftotext) is not installed: render tests skipped"
    if not TOOL.exists():
        return f"{TOOL} is missing: render tests skipped"
    return None


def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("render_docx", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def render_all(docs: list[Path], out: Path) -> dict[str, list[dict[str, Any]]]:
    """Convert every .docx in one soffice run; the measured pages of each, by file stem."""
    render = tool()
    env = dict(os.environ, FONTCONFIG_FILE=str(TOOL.parent / "fonts-gov.conf"))
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            # keep the blank pages LibreOffice inserts for an even-page section start (the 版记)
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", PDF_FILTER,
             "--outdir", str(out), *map(str, docs)],
            check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900,
        )
    return {doc.stem: render.measure(out / f"{doc.stem}.pdf") for doc in docs}
