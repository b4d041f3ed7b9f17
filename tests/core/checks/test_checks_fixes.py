"""apply_fixes: pure, safe with stale findings, and converging."""

from __future__ import annotations

from dataclasses import replace

from fazhi_desktop.core.checks import Field, Finding, Location, Severity, apply_fixes, check_report, fix_all
from fazhi_desktop.core.model import Report


def test_fix_leaves_the_original_untouched(build) -> None:
    report = build("认真布署，贯切落实。")
    fixed = fix_all(report)
    assert "布署" in report.chapters[0].blocks[-1].body
    assert fixed.chapters[0].blocks[-1].body == "认真部署，贯彻落实。"


def test_stale_finding_is_skipped(build) -> None:
    report = build("认真布署。")
    [finding] = [f for f in check_report(report) if f.rule == "typo.bushu"]
    edited = replace(report, chapters=(replace(report.chapters[0], blocks=(
        *report.chapters[0].blocks[:-1], replace(report.chapters[0].blocks[-1], body="已改写。"))),
        *report.chapters[1:]))
    assert apply_fixes(edited, [finding]) == edited


def test_overlapping_fixes_take_the_first(demo_report: Report) -> None:
    report = replace(demo_report, opening="ABCDEF")
    a = Finding("x", Severity.WARNING, Location(Field.OPENING, offset=1), "BCD", "", fix="1")
    b = Finding("y", Severity.WARNING, Location(Field.OPENING, offset=2), "CD", "", fix="2")
    assert apply_fixes(report, [b, a]).opening == "A1EF"


def test_fix_all_is_idempotent(build) -> None:
    report = build('学习《土地法》、《合同法》,做出部署。 截止目前"法制宣传"到位；；其它。')
    once = fix_all(report)
    assert fix_all(once) == once
    assert once.chapters[0].blocks[-1].body == '学习《土地管理法》《合同法》，作出部署。截至目前“法治宣传”到位；其他。'


def test_ignored_findings_are_left_out(build) -> None:
    from fazhi_desktop.core.checks import CheckOptions

    report = build("其它工作。")
    [finding] = [f for f in check_report(report) if f.rule == "typo.qita"]
    assert finding.key.startswith("typo.qita|body|")
    again = check_report(report, CheckOptions(ignored=frozenset({finding.key})))
    assert "typo.qita" not in {f.rule for f in again}
