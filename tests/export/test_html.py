"""The 网页公开版 HTML: clean, escaped, without internal content, 版头 or 版记."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from fazhi_desktop.core.model import Block, BlockKind, Report
from fazhi_desktop.export import ExportOptions, export_docx
from fazhi_desktop.export.html import report_html
from tests.export.conftest import statistics_attachment


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.text.append(data.strip())


def parse(page: str) -> _Collect:
    parser = _Collect()
    parser.feed(page)
    return parser


def test_demo_report_as_html(demo_report: Report) -> None:
    page = report_html(demo_report, ExportOptions(web=True, attachments=(statistics_attachment(),)))
    doc = parse(page)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in page
    assert doc.tags.count("h1") == 2 and "table" in doc.tags and "script" not in doc.tags
    assert "示例镇2025年度法治政府建设情况报告" in doc.text
    assert "一、2025年度推进法治政府建设的主要举措和成效" in doc.text
    assert "1.健全领导机制。" in doc.text  # run-in heading kept as its own span
    assert doc.text[-1] in ("零败诉", "1") or "附件" in doc.text
    assert "2026年1月16日" in doc.text
    for absent in ("示例镇人民政府文件", "示府报〔2026〕2号", "签发人", "抄送", "印发"):
        assert absent not in page


def test_html_escapes_markup_and_drops_internal_blocks(demo_report: Report, tmp_path: Path) -> None:
    chapter = demo_report.chapters[0]
    blocks = (*chapter.blocks, Block(BlockKind.PARAGRAPH, body="<script>alert(1)</script>&“内部”", internal=True),
              Block(BlockKind.PARAGRAPH, body="A<B & C>D"))
    report = replace(demo_report, chapters=(replace(chapter, blocks=blocks), *demo_report.chapters[1:]))
    html_path = tmp_path / "公开版.html"
    result = export_docx(report, tmp_path / "报告.docx", ExportOptions(), html_path=html_path)
    page = html_path.read_text(encoding="utf-8")
    assert result.html_path == html_path
    assert "alert" not in page and "A&lt;B &amp; C&gt;D" in page
