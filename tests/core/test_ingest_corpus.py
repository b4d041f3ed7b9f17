"""The ingest corpus (tests/fixtures/ingest/): every input imports as its manifest says, nothing is lost,
every clutter line is removed and listed, and ``check FILE`` reports what the manifest names."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from fazhi_desktop.core.cleanup import cjk_counter
from fazhi_desktop.importers.load import Imported, import_file
from tests.core.test_structure import render_plain
from tests.helpers import run_cli
from tests.ingest_support import Manifest, end_matter, manifests, outline, paragraphs, source_file

CORPUS = manifests()
NUMERALS = set("〇零一二三四五六七八九十")


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("ingest")


def test_the_corpus_is_varied_enough() -> None:
    kinds = Counter(m.kind for m in CORPUS)
    assert len(CORPUS) >= 15
    assert kinds["web"] >= 4 and kinds["pdf"] >= 4 and kinds["word"] >= 3
    raw = {m.name: (Path(__file__).parents[1] / "fixtures" / "ingest" / m.source).read_bytes() for m in CORPUS}
    assert any(b"\r\n" in data and not _utf8(data) for data in raw.values())  # GBK from Notepad
    assert any(data.startswith(b"\xef\xbb\xbf") for data in raw.values())  # UTF-8 with BOM
    assert sum(len(m.signatories) == 2 for m in CORPUS) >= 5


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.parametrize("manifest", CORPUS, ids=[m.name for m in CORPUS])
def test_import_matches_the_manifest(manifest: Manifest, folder: Path) -> None:
    imported = import_file(source_file(manifest, folder))
    detected = imported.detected
    report = imported.report(year=manifest.year)
    assert (detected.unit_name, detected.year) == (manifest.unit, manifest.year)
    assert outline(report) == manifest.outline
    assert end_matter(report) == (manifest.title, manifest.addressee, manifest.closing,
                                  tuple(manifest.signatories), manifest.date, manifest.note)
    _nothing_lost(manifest, imported)


def _nothing_lost(manifest: Manifest, imported: Imported) -> None:
    detected = imported.detected
    report = imported.report(year=manifest.year)
    # every clutter line removed and listed — and nothing else
    assert Counter(_flat(r.text) for r in detected.removed) == Counter(_flat(t) for t in manifest.removed)
    lines = imported.original.split("\n")
    assert all(_flat(lines[r.line - 1]) == _flat(r.text) and r.reason for r in detected.removed)
    # every sentence whole inside one paragraph; every table cell somewhere
    texts = paragraphs(report)
    for sentence in manifest.sentences:
        assert any(sentence in p for p in texts), sentence
    for cell in manifest.cells:
        assert any(cell in p for p in texts), cell
    # every Chinese character of the original is in the report or in a removed line (typed numbers and
    # 汉字 dates are derived again)
    rendered = render_plain(report) + report.note
    gone = cjk_counter("".join(r.text for r in detected.removed))
    lost = cjk_counter(imported.original) - cjk_counter(rendered) - gone
    assert set(lost) <= NUMERALS, lost
    figures = {f.indicator: f.value for f in detected.figures}
    assert figures == manifest.figures


@pytest.mark.parametrize("manifest", CORPUS, ids=[m.name for m in CORPUS])
def test_check_file_reports_what_the_manifest_names(manifest: Manifest, folder: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = source_file(manifest, folder)
    _code, out, err = run_cli(capsys, "--db", str(folder / "unused.db"), "check", str(path), "--json")
    assert not err
    data = json.loads(out)
    assert data["title"] == manifest.title and data["year"] == manifest.year
    found = {(f["rule"], f["text"]) for f in data["findings"]}
    rules = {rule for rule, _ in found}
    for expected in manifest.findings:
        rule, _, text = expected.partition("|")
        assert (rule, text) in found if text else rule in rules, expected
    assert not rules & set(manifest.absent)
    assert Counter(_flat(r["text"]) for r in data["removed"]) == Counter(_flat(t) for t in manifest.removed)
    assert not (folder / "unused.db").exists()
