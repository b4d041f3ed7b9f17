"""One pipeline: every input of the corpus read four ways — ``fazhi-desktop import``, the import preview,
pasted into a body, ``fazhi-desktop check FILE`` — gives the same outline, title, end matter and findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData
from pytestqt.qtbot import QtBot

from fazhi_desktop.core.checks import Finding
from fazhi_desktop.core.checks.source import ingest_findings
from fazhi_desktop.core.cleanup import clean_paste
from fazhi_desktop.core.issues import cleanup_issues
from fazhi_desktop.core.model import Report, Unit
from fazhi_desktop.core.structure import detect
from fazhi_desktop.importers.load import import_file
from fazhi_desktop.storage.database import open_database
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.chapter.clean_paste_edit import CleanPasteEdit
from fazhi_desktop.ui.importing.import_preview_dialog import ImportPreviewDialog
from tests.helpers import run_cli
from tests.ingest_support import Manifest, clipboard_text, end_matter, manifests, outline, source_file

CORPUS = manifests()


def _shape(report: Report) -> tuple[object, ...]:
    return (outline(report), end_matter(report),
            [(c.title, c.lead, [(b.kind, b.heading, b.body, b.run_in) for b in c.blocks]) for c in report.chapters],
            report.opening)


def _said(findings: list[Finding]) -> list[tuple[object, ...]]:
    return sorted((f.rule, f.severity.value, f.message, f.location.field.value, f.location.chapter,
                   f.location.block, f.location.offset, f.text) for f in findings)


def _by_import(manifest: Manifest, path: Path, folder: Path, capsys: pytest.CaptureFixture[str]
               ) -> tuple[Report, list[Finding]]:
    db = folder / "fazhi.db"
    code, out, err = run_cli(capsys, "--db", str(db), "import", str(path))
    assert code == 0, err
    assert f"已导入：{manifest.title}" in out
    store = ReportStore(open_database(db, journal="delete"))
    try:
        report_id = store.find_report_id(manifest.unit, manifest.year)
        assert report_id is not None
        stored = store.load_report(report_id)
    finally:
        store.db.close()
    return stored, ingest_findings(import_file(path).detected.issues, stored)


def _by_preview(qtbot: QtBot, path: Path) -> tuple[Report, list[Finding]]:
    imported = import_file(path)
    dialog = ImportPreviewDialog(imported, lambda _u, _y: False)
    qtbot.addWidget(dialog)
    report = dialog.choice().report
    return report, ingest_findings(dialog.detected.issues, report)


def _by_paste(qtbot: QtBot, manifest: Manifest) -> tuple[Report, list[Finding], str]:
    raw = clipboard_text(manifest)
    edit = CleanPasteEdit()
    qtbot.addWidget(edit)
    data = QMimeData()
    data.setText(raw)
    edit.insertFromMimeData(data)
    body = edit.toPlainText()
    detected = detect(body)  # the pasted body is already clean: only the structure is read from it
    report = detected.to_report(Unit.from_short_name(detected.unit_name or ""), manifest.year)
    issues = (*detected.issues, *cleanup_issues(clean_paste(raw)))
    return report, ingest_findings(issues, report), body


def _by_check(path: Path, folder: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    _code, out, err = run_cli(capsys, "--db", str(folder / "unused.db"), "check", str(path), "--json")
    assert not err
    data: dict[str, object] = json.loads(out)
    return data


@pytest.mark.parametrize("manifest", CORPUS, ids=[m.name for m in CORPUS])
def test_import_preview_paste_and_check_agree(manifest: Manifest, qtbot: QtBot, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = source_file(manifest, tmp_path)
    stored, by_import = _by_import(manifest, path, tmp_path, capsys)
    previewed, by_preview = _by_preview(qtbot, path)
    pasted, by_paste, body = _by_paste(qtbot, manifest)
    checked = _by_check(path, tmp_path, capsys)

    assert outline(stored) == manifest.outline  # the right answer, not only the same one
    assert _shape(stored) == _shape(previewed) == _shape(pasted)
    assert checked["title"] == stored.title == manifest.title
    assert _said(by_import) == _said(by_preview) == _said(by_paste)
    json_findings = [(f["rule"], f["severity"], f["message"], f["location"]["field"], f["location"]["chapter"],
                      f["location"]["block"], f["location"]["offset"], f["text"])
                     for f in checked["findings"]]  # type: ignore[attr-defined]
    assert sorted(json_findings) == _said(by_import)
    cleaned = [line for line in import_file(path).detected.cleaned.split("\n") if line]
    assert body.split("\n") == cleaned  # the body holds exactly what the import read
