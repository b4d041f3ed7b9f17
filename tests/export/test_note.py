"""附注 (GB/T 9704 7.3.6): a bracketed line under the 成文日期, 2 characters in — from field to page."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from fazhi_desktop.core.model import Report, Unit
from fazhi_desktop.core.structure import detect_text
from fazhi_desktop.core.yearcopy import next_year_report
from fazhi_desktop.export import export_docx
from fazhi_desktop.export.docx_export import build
from fazhi_desktop.export.flow import PStyle
from fazhi_desktop.export.html import report_html
from fazhi_desktop.export.options import ExportOptions
from fazhi_desktop.export.signature import bracketed_note
from tests.export.reports import length_variant
from tests.helpers import run_cli

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.mark.parametrize(("typed", "printed"), [
    ("此件公开发布", "（此件公开发布）"), ("（此件公开发布）", "（此件公开发布）"),
    ("(联系人：李明，电话：1234567)", "（联系人：李明，电话：1234567）"), ("  此件  公开发布 ", "（此件 公开发布）"),
    ("", ""), ("（）", ""),
])
def test_the_note_always_prints_in_full_width_round_brackets(typed: str, printed: str) -> None:
    assert bracketed_note(typed) == printed


def test_the_note_is_a_named_paragraph_right_after_the_date_kept_with_it(tmp_path: Path,
                                                                         demo_report: Report) -> None:
    export_docx(replace(demo_report, note="此件公开发布"), tmp_path / "r.docx")
    with zipfile.ZipFile(tmp_path / "r.docx") as package:
        body = etree.fromstring(package.read("word/document.xml")).find(f"{W}body")
        styles = etree.fromstring(package.read("word/styles.xml"))
    assert body is not None
    paras = body.findall(f"{W}p")
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in paras]
    i = texts.index("2026年1月16日")
    assert texts[i + 1] == "（此件公开发布）"
    assert paras[i].find(f"{W}pPr/{W}keepNext") is not None  # the date never ends a page without its note
    assert paras[i + 1].find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "GwNote"
    names = {s.get(f"{W}styleId"): s.find(f"{W}name").get(f"{W}val") for s in styles.findall(f"{W}style")}
    assert names["GwNote"] == "附注"
    ind = paras[i + 1].find(f"{W}pPr/{W}ind")
    assert ind is not None and ind.get(f"{W}firstLineChars") == "200"


def test_without_a_note_nothing_follows_the_date(demo_report: Report) -> None:
    flow = build(demo_report).flow
    assert flow[-1].style is PStyle.DATE and not flow[-1].keep_next


@pytest.mark.parametrize("k", range(0, 60, 2))
def test_the_preflight_keeps_text_date_and_note_on_one_page(k: int) -> None:
    # The render test checks a third of these lengths in LibreOffice; the pre-flight checks them all.
    plan = build(replace(length_variant(k), note="联系人：李明，电话：0000-1234567")).plan
    page = next(p for p in plan.layout.pages if any(r.role == "date" for r in p.rows))
    roles = [r.role for r in page.rows]
    assert roles[roles.index("date") + 1] == "note"
    assert sum(1 for r in page.rows if r.is_text) >= 2


def test_web_page_and_next_year_keep_the_note(demo_report: Report) -> None:
    page = report_html(replace(demo_report, note="此件公开发布"), ExportOptions(web=True))
    assert '<p class="note">（此件公开发布）</p>' in page
    assert next_year_report(replace(demo_report, note="此件公开发布")).note == "此件公开发布"


def test_import_recognises_the_note_under_the_date() -> None:
    text = ("千佛镇2021年度法治政府建设情况报告\n县委、县人民政府：\n2021年，我镇坚持依法行政。\n一、主要举措\n"
            "（一）加强领导\n正文。\n二、存在的不足\n不足。\n特此报告。\n千佛镇人民政府\n2022年1月10日\n（此件公开发布）\n")
    detected = detect_text(text)
    assert detected.note == "此件公开发布" and detected.date == dt.date(2022, 1, 10)
    report = detected.to_report(Unit.from_short_name("千佛镇"), 2021)
    assert report.note == "此件公开发布"
    assert all("此件公开发布" not in b.body for c in report.chapters for b in c.blocks)  # not left as text


def test_the_command_line_sets_and_shows_the_note(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    run_cli(capsys, "--db", db, "new", "--unit", "千佛镇", "--year", "2021")
    code, out, err = run_cli(capsys, "--db", db, "set", "--unit", "千佛镇", "--year", "2021", "note=此件公开发布")
    assert code == 0, err
    assert "附注：此件公开发布" in out
    data = json.loads(run_cli(capsys, "--db", db, "show", "--unit", "千佛镇", "--year", "2021", "--json")[1])
    assert data["note"] == "此件公开发布"
