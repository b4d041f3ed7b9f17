"""数据指标 in the checker: table contradictions and text-vs-table differences become findings."""

from __future__ import annotations

from fazhi_desktop.core.checks import CheckOptions, Severity, check_report
from fazhi_desktop.core.checks.finding import Field
from fazhi_desktop.core.indicators import load_catalog, parse_values
from fazhi_desktop.core.model import Report

CATALOG = load_catalog()


def options(**texts: str) -> CheckOptions:
    return CheckOptions(figures=(CATALOG, tuple(parse_values(CATALOG, texts).values())))


def test_demo_with_its_own_figures_is_clean(demo_report: Report) -> None:
    figures = options(disputes_accepted="186", disputes_resolved="181", penalty_cases="46")
    assert [f for f in check_report(demo_report, figures) if f.rule.startswith("figures")] == []


def test_text_differing_from_the_table_points_at_the_number(demo_report: Report) -> None:
    found = [f for f in check_report(demo_report, options(disputes_accepted="186", disputes_resolved="180"))
             if f.rule == "figures.text"]
    assert [f.text for f in found] == ["调解成功181件", "调解成功率97.3%"]
    first = found[0]
    assert first.severity is Severity.WARNING and first.location.field is Field.BODY
    body = demo_report.chapters[first.location.chapter or 0].blocks[first.location.block or 0].body
    assert body[first.location.offset:].startswith("181")


def test_table_contradictions_are_errors(demo_report: Report) -> None:
    found = [f for f in check_report(demo_report, options(disputes_accepted="100", disputes_resolved="120"))
             if f.rule == "figures.consistency"]
    assert len(found) == 1 and found[0].severity is Severity.ERROR and "大于" in found[0].message


def test_without_figures_nothing_is_checked(demo_report: Report) -> None:
    assert [f for f in check_report(demo_report) if f.rule.startswith("figures")] == []
