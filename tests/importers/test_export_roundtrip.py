"""Export → import: a report written by our own GB/T 9704 exporter comes back with the same outline."""

from __future__ import annotations

from pathlib import Path

import pytest

from fazhi_desktop.core.model import Report
from fazhi_desktop.export import ExportOptions, export_docx
from fazhi_desktop.importers.load import import_file


def _shape(report: Report) -> list[object]:
    return [
        report.title, report.addressee, report.opening, report.closing, report.signatories, report.date,
        [(c.role, c.title, c.lead, [(b.kind, b.heading, b.body, b.run_in) for b in c.blocks])
         for c in report.chapters],
    ]


@pytest.mark.parametrize("options", [ExportOptions(), ExportOptions(red_header=True, imprint=True)],
                         ids=["plain", "red-header-and-imprint"])
def test_exported_demo_imports_to_the_same_report(tmp_path: Path, demo_report: Report,
                                                  options: ExportOptions) -> None:
    path = tmp_path / "示例镇.docx"
    export_docx(demo_report, path, options)
    imported = import_file(path)
    again = imported.detected.to_report(demo_report.unit, demo_report.year)
    assert _shape(again) == _shape(demo_report)
    assert imported.detected.notes == ()
    if options.red_header:
        assert (again.issuer_mark, again.doc_number, again.signer) == (
            demo_report.issuer_mark, demo_report.doc_number, demo_report.signer)
        assert (again.imprint_cc, again.imprint_printer, again.imprint_date) == (
            demo_report.imprint_cc, demo_report.imprint_printer, demo_report.imprint_date)


@pytest.mark.parametrize("title", [
    "县交通运输局2025年度法治政府建设情况报告",
    "千佛镇人民政府关于2025年度法治政府建设情况的报告",
    "中共千佛镇委员会千佛镇人民政府关于2025年度法治政府建设情况的报告",
    "青石镇2025年法治政府建设年度报告",
    "城关街道办事处关于2025年度法治政府建设工作情况的报告",
])
def test_a_title_the_export_breaks_over_lines_imports_whole(tmp_path: Path, demo_report: Report, title: str) -> None:
    """Word files break long titles into two or three lines (paragraphs); the import puts them together."""
    from dataclasses import replace

    report = replace(demo_report, title_override=title)
    path = tmp_path / "报告.docx"
    export_docx(report, path, ExportOptions())
    imported = import_file(path)
    assert imported.detected.title == title
    assert imported.detected.opening == report.opening
