"""Text hygiene: punctuation, spaces, quotes, year ranges, dates, the 报告如下 formula (§4.4)."""

from __future__ import annotations

import pytest

from fazhi_desktop.core.checks import Severity, apply_fixes, check_report
from fazhi_desktop.core.model import ChapterRole

OTHER = ChapterRole.OTHER


@pytest.mark.parametrize(("text", "rule", "fixed"), [
    ("加强领导,明确责任。", "text.halfwidth", "加强领导，明确责任。"),
    ("落实到办所(中心)。", "text.halfwidth", "落实到办所（中心）。"),
    ("法治 政府建设。", "text.space", "法治政府建设。"),
    ("发放资料 6000 多份。", "text.space", "发放资料6000多份。"),
    ("加强领导，，明确责任。", "text.double_punct", "加强领导，明确责任。"),
    ("坚持\"谁执法谁普法\"。", "text.straight_quote", "坚持“谁执法谁普法”。"),
    ("纲要（20212025年）", "text.year_range", "纲要（2021—2025年）"),
    ("纲要（2021-2025年）", "text.year_range", "纲要（2021—2025年）"),
    ("自20231月1日起施行。", "text.missing_year_char", "自2023年1月1日起施行。"),
    ("于2022-01-10印发。", "text.date_format", "于2022年1月10日印发。"),
    ("于2022年01月05日印发。", "text.date_format", "于2022年1月5日印发。"),
    ("共１２件。", "text.fullwidth", "共12件。"),
])
def test_hygiene_is_flagged_and_fixed(find, build, text: str, rule: str, fixed: str) -> None:
    findings = [f for f in find(text, "text", role=OTHER) if f.rule == rule]
    assert findings, rule
    report = apply_fixes(build(text, role=OTHER), findings)
    chapter = report.chapter(OTHER)
    assert chapter is not None and chapter.blocks[-1].body == fixed


@pytest.mark.parametrize("text", [
    "共计1,234件，占比3.5%，于09:18开始。", "访问 http://www.gov.cn 查看。", "2021—2025年",
    "《法治政府建设实施纲要（2021—2025年）》", "其中“谁执法谁普法”落实到位……",
])
def test_clean_text_is_not_flagged(find, text: str) -> None:
    assert find(text, "text", role=OTHER) == []


def test_lost_dash_is_an_error(find) -> None:
    [finding] = find("八五普法（20212025年）", "text.year_range", role=OTHER)
    assert finding.severity is Severity.ERROR


def test_leading_half_width_number_is_left_to_the_numbering_rule(find) -> None:
    assert find("(一)加强领导", "text", role=OTHER) == []
    assert [f.rule for f in find("(一)加强领导", "numbering", role=OTHER)] == ["numbering.bracket"]


def test_duplicated_closing_formula(build) -> None:
    report = build("根据督察工作规定要求，现将有关情况报告如下：")
    [finding] = [f for f in check_report(report) if f.rule == "text.duplicate_formula"]
    assert finding.severity is Severity.WARNING


def test_reporting_formula_spelled_huibao_is_a_hint(find) -> None:
    [finding] = find("现将有关情况汇报如下：", "typo.huibao", role=OTHER)
    assert finding.severity is Severity.INFO


def test_page_marks_from_a_pdf_are_removed(find, build) -> None:
    text = "第一段。\n- 3 -\n第二段。\n第 4 页 共 9 页\n第三段。"
    findings = find(text, "text.page_mark", role=OTHER)
    assert len(findings) == 2 and all(f.severity is Severity.WARNING for f in findings)
    chapter = apply_fixes(build(text, role=OTHER), findings).chapter(OTHER)
    assert chapter is not None and chapter.blocks[-1].body == "第一段。\n第二段。\n第三段。"


def test_broken_line_is_joined(find, build) -> None:
    text = "镇党委政府牢固树立法律红线不能碰、法律底线不能\n破的观念。\n（一）加强领导\n坚持依法决策。"
    [finding] = find(text, "text.broken_line", role=OTHER)
    chapter = apply_fixes(build(text, role=OTHER), [finding]).chapter(OTHER)
    assert chapter is not None
    joined = "镇党委政府牢固树立法律红线不能碰、法律底线不能破的观念。"
    assert chapter.blocks[-1].body == joined + "\n（一）加强领导\n坚持依法决策。"


def test_short_heading_lines_are_not_broken_lines(find) -> None:
    assert find("（一）加强组织领导\n坚持依法决策，规范文明执法。\n强化组织领导，依法执政水平不断提升\n内容。",
                "text.broken_line", role=OTHER) == []
