"""Golden tests: paragraph texts and styles of whole exported reports.

The demo report is compared with a reviewed snapshot (tests/export/golden/demo-report.json;
regenerate with ``FAZHI_UPDATE_GOLDEN=1`` after an intended change, and review the diff). The
real sample report (../shared/samples, never copied into the project) is parsed here with a
few lines of code and the export is compared with what that parse says it must contain.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from fazhi_desktop.core.model import BlockKind, Report
from fazhi_desktop.export import ExportOptions, export_docx
from tests.conftest import SAMPLE_TXT
from tests.export.conftest import NS, read_parts, style_of, text_of, w
from tests.export.reports import parse_sample

GOLDEN = Path(__file__).parent / "golden" / "demo-report.json"


def extract(path: Path) -> list[list[str]]:
    """[style id, text, East Asian font of the first run] for every paragraph with text."""
    out = []
    for p in read_parts(path).paragraphs():
        if not text_of(p):
            continue
        first = p.find("w:r/w:rPr/w:rFonts", NS)
        out.append([style_of(p), text_of(p), "" if first is None else first.get(w("eastAsia"))])
    return out


def test_demo_report_matches_the_reviewed_snapshot(demo_report: Report, tmp_path: Path) -> None:
    path = tmp_path / "demo.docx"
    export_docx(demo_report, path, ExportOptions(red_header=True, imprint=True))
    got = extract(path)
    if os.environ.get("FAZHI_UPDATE_GOLDEN"):
        rows = ",\n".join(json.dumps(row, ensure_ascii=False) for row in got)
        GOLDEN.write_text(f"[\n{rows}\n]\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert got == expected


@pytest.mark.skipif(not SAMPLE_TXT.exists(), reason=f"{SAMPLE_TXT} is missing")
def test_the_real_sample_report(tmp_path: Path) -> None:
    report = parse_sample(SAMPLE_TXT.read_text(encoding="utf-8"))
    path = tmp_path / "sample.docx"
    export_docx(report, path)
    got = extract(path)
    by_style: dict[str, list[str]] = {}
    for style, text, _ in got:
        by_style.setdefault(style, []).append(text)
    assert "".join(by_style["GwTitle"]) == report.title
    assert by_style["GwHeading1"] == [f"{n}、{c.title}" for n, c in zip("一二三四", report.chapters, strict=True)]
    sections = [b for c in report.chapters for b in c.blocks if b.kind is BlockKind.SECTION]
    assert len(by_style["GwHeading2"]) == len(sections)
    assert all(re.match("^（[一二三四五六七八九十]+）", t) for t in by_style["GwHeading2"])
    body = "".join(t for style, t, _ in got if style == "GwBody")  # a paragraph may be split at a page end
    expected_body = [report.opening] + [p for c in report.chapters for b in c.blocks for p in b.paragraphs()]
    assert body == "".join([*expected_body, "特此报告。"])
    fonts = {style: font for style, _, font in got}
    assert fonts["GwHeading1"] == "黑体" and fonts["GwHeading2"] == "楷体_GB2312"
    assert fonts["GwBody"] == "仿宋_GB2312" and fonts["GwTitle"] == "方正小标宋简体"
    assert got[-1] == ["GwDate", "2026年1月16日", "仿宋_GB2312"]
