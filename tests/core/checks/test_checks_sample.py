"""The real sample report (千佛镇 2021) and the demo report (示例镇 2025) through every check."""

from __future__ import annotations

import pytest

from fazhi_desktop.core.checks import Finding, Severity, check_report, fix_all, has_errors
from fazhi_desktop.core.checks.source import ingest_findings
from fazhi_desktop.core.model import ChapterRole, Report
from fazhi_desktop.importers.load import Imported, import_file
from tests.conftest import SAMPLE_TXT

pytestmark = pytest.mark.skipif(not SAMPLE_TXT.exists(), reason="shared sample report not available")


@pytest.fixture(scope="module")
def imported() -> Imported:
    return import_file(SAMPLE_TXT)


@pytest.fixture(scope="module")
def sample(imported: Imported) -> Report:
    return imported.report(year=2021)


@pytest.fixture(scope="module")
def file_findings(imported: Imported, sample: Report) -> list[Finding]:
    """What ``check FILE`` reports: the checks, and what the text as typed got wrong."""
    return ingest_findings(imported.detected.issues, sample)


def test_sample_reads_as_four_chapters_with_roles(sample: Report) -> None:
    assert sample.unit.short_name == "千佛镇"
    assert [c.role for c in sample.chapters] == [ChapterRole.PRINCIPAL_DUTY, ChapterRole.MEASURES,
                                                 ChapterRole.SHORTCOMINGS, ChapterRole.NEXT_YEAR]


def test_sample_findings_required_by_the_issue(file_findings: list[Finding]) -> None:
    findings = file_findings
    by_text = {(f.rule, f.text) for f in findings}
    assert ("law.repealed", "民法总则") in by_text
    assert ("law.wrong_name", "土地法") in by_text
    assert ("law.wrong_name", "道路交通法") in by_text
    assert ("term.fazhi_publicity", "法制宣传") in by_text
    rules = {f.rule for f in findings}
    assert {"structure.date", "structure.signatory", "numbering.gap"} <= rules
    gap = next(f for f in findings if f.rule == "numbering.gap")
    assert "缺少“（一）”" in gap.message
    assert has_errors(findings)


def test_sample_correct_law_names_are_not_flagged(sample: Report) -> None:
    law_texts = {f.text for f in check_report(sample) if f.rule.startswith("law.")}
    for name in ("环境保护法", "禁毒法", "食品安全法", "大气污染防治法", "民法典"):
        assert name not in law_texts


def test_sample_after_fix_all_keeps_only_what_needs_a_person(sample: Report) -> None:
    fixed = fix_all(sample)
    body = "\n".join(b.heading + b.body for c in fixed.chapters for b in c.blocks)
    assert "《土地管理法》" in body and "《道路交通安全法》" in body and "法治宣传教育" in body
    assert "《民法总则》" in body  # not replaced automatically
    remaining = check_report(fixed)
    assert all(f.fix is None for f in remaining)
    assert {f.text for f in remaining if f.severity is Severity.ERROR} >= {"民法总则"}


def test_demo_report_has_no_errors(demo_report: Report) -> None:
    findings = check_report(demo_report)
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    assert findings == []  # it was written to be clean; any finding here is a rule to look at
