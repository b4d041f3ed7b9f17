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
