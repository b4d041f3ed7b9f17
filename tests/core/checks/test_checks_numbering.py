"""Numbers typed in pasted text: gaps, repeats, punctuation and brackets (domain.md §4.3)."""

from __future__ import annotations

import pytest

from fazhi_desktop.core.checks import Severity, apply_fixes
from fazhi_desktop.core.model import ChapterRole

OTHER = ChapterRole.OTHER  # a chapter with no generated numbers before the typed ones


def test_gap_after_a_lost_number(find) -> None:
    text = "（一）加强领导。\n内容。\n（三）严格执法。"
    [finding] = find(text, "numbering", role=OTHER)
    assert finding.rule == "numbering.gap" and "缺少“（二）”" in finding.message
    assert finding.location.offset == text.index("（三）")


def test_repeat_and_wrong_order(find) -> None:
    assert [f.rule for f in find("1.学法。\n1.用法。", "numbering", role=OTHER)] == ["numbering.repeat"]
    assert [f.rule for f in find("1.学法。\n2.用法。\n1.守法。", "numbering", role=OTHER)] == ["numbering.order"]


def test_child_restarts_when_parent_increments(find) -> None:
    assert find("（一）甲\n1.子一。\n2.子二。\n（二）乙\n1.子一。", "numbering", role=OTHER) == []
    [finding] = find("（一）甲\n1.子一。\n（二）乙\n2.子二。", "numbering", role=OTHER)
    assert finding.rule == "numbering.gap"


def test_sequence_continues_after_a_generated_section(find) -> None:
    # The demo's last measures section is （十）; a typed （十一） continues it.
    assert find("（十一）加强数字法治建设。", "numbering") == []


@pytest.mark.parametrize(("text", "rule", "severity", "fixed"), [
    ("（一）、加强领导", "numbering.punct", Severity.ERROR, "（一）加强领导"),
    ("(一)加强领导", "numbering.bracket", Severity.WARNING, "（一）加强领导"),
    ("（1)加强领导", "numbering.bracket", Severity.WARNING, "（1）加强领导"),
    ("1、加强领导", "numbering.punct", Severity.WARNING, "1.加强领导"),
    ("1．加强领导", "numbering.punct", Severity.INFO, "1.加强领导"),
])
def test_punctuation_after_numbers(find, build, text: str, rule: str, severity: Severity, fixed: str) -> None:
    findings = [f for f in find(text, "numbering", role=OTHER) if f.rule == rule]
    assert [f.severity for f in findings] == [severity]
    report = apply_fixes(build(text, role=OTHER), findings)
    assert report.chapter(OTHER).blocks[-1].body == fixed


def test_first_level_punctuation_when_chapters_are_typed(build) -> None:
    from dataclasses import replace

    from fazhi_desktop.core.checks import check_report

    report = build("")
    chapters = [replace(c, title=f"{n}{c.title}") for n, c in
                zip(["一、", "二.", "四、", "五、", "六、"], report.chapters, strict=True)]
    report = replace(report, number_chapters=False, chapters=tuple(chapters))
    rules = [(f.rule, f.text) for f in check_report(report) if f.rule.startswith("numbering")]
    assert ("numbering.punct", ".") in rules
    assert ("numbering.gap", "四") in rules


def test_inline_series(find) -> None:
    assert find("一是成立领导小组；二是细化责任；三是完善考评。", "numbering", role=OTHER) == []
    [finding] = find("一是成立领导小组；三是完善考评。", "numbering", role=OTHER)
    assert finding.rule == "numbering.inline" and "二是" in finding.message


def test_numbers_in_text_are_not_headings(find) -> None:
    assert find("1.2万份宣传资料已发放。\n2021年共受理12件。", "numbering", role=OTHER) == []



def test_line_that_looks_like_a_heading_without_a_number(find) -> None:
    [finding] = find("（一）加强思想认识\n认真学习。\n加强创新意识，提高工作效果\n内容。", "numbering", role=OTHER)
    assert finding.rule == "numbering.missing" and finding.severity is Severity.INFO
    assert find("（一）加强思想认识\n认真学习，提高能力。", "numbering", role=OTHER) == []
