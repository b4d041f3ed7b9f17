"""Period-dependent phrases keyed on the report year (domain.md §4.2)."""

from __future__ import annotations

import pytest

from fazhi_desktop.core.checks import Severity
from fazhi_desktop.core.model import ChapterRole


@pytest.mark.parametrize(("text", "ok_year", "bad_year", "rule"), [
    ("深入贯彻党的二十大精神。", 2022, 2021, "period.congress20_early"),
    ("深入学习贯彻党的二十届三中全会精神。", 2024, 2023, "period.plenum20_3"),
    ("学习贯彻二十届四中全会精神。", 2025, 2024, "period.plenum20_4"),
    ("深入学习贯彻习近平法治思想。", 2020, 2019, "period.xi_rule_of_law_thought"),
    ("深刻领悟“两个确立”的决定性意义。", 2021, 2020, "period.two_establishments"),
    ("认真学习贯彻十九届六中全会精神。", 2021, 2020, "period.plenum19_6"),
    ("认真落实《法治政府建设实施纲要（2021—2025年）》。", 2021, 2020, "period.outline2021_early"),
])
def test_anachronisms_are_errors(find, text: str, ok_year: int, bad_year: int, rule: str) -> None:
    assert find(text, "period", year=ok_year) == []
    findings = find(text, "period", year=bad_year)
    assert rule in {f.rule for f in findings}
    assert all(f.severity is Severity.ERROR for f in findings)


def test_nineteenth_congress_after_the_twentieth(find, build) -> None:
    text = "认真学习贯彻党的十九大和十九届历次全会精神。"
    assert find(text, "period", year=2021) == []
    [late] = find(text, "period", year=2023)
    assert late.rule == "period.congress19_late" and late.severity is Severity.ERROR
    # In 2022 the mixed form is accepted when 二十大 is also there (the demo report mentions it).
    assert find(text, "period", year=2022) == []


def test_nineteenth_congress_in_2022_without_twentieth_is_a_warning(build) -> None:
    from dataclasses import replace

    from fazhi_desktop.core.checks import check_report

    report = build("认真学习贯彻党的十九大精神。", 2022)
    report = replace(report, opening="2022年，示例镇坚持依法行政。")
    report = replace(report, chapters=tuple(
        replace(c, blocks=tuple(b for b in c.blocks if "二十" not in b.body)) for c in report.chapters))
    rules = {f.rule: f for f in check_report(report) if f.rule.startswith("period.congress19")}
    assert set(rules) == {"period.congress19_2022"}
    assert rules["period.congress19_2022"].severity is Severity.WARNING


def test_pufa_periods(find) -> None:
    assert find("全面落实“八五”普法规划。", "period", year=2021) == []
    assert find("全面落实“七五”普法规划。", "period", year=2019) == []
    [old] = find("全面落实“七五”普法规划。", "period", year=2021)
    assert old.rule == "period.pufa7_late"
    assert find("做好“七五”普法总结验收。", "period", year=2021) == []  # retrospective
    [early] = find("全面落实“九五”普法规划。", "period", year=2025)
    assert early.rule == "period.pufa9_early"


def test_next_year_chapter_is_about_the_following_year(find) -> None:
    text = "全面实施“九五”普法规划，落实“十五五”目标任务。"
    assert find(text, "period", year=2025, role=ChapterRole.NEXT_YEAR) == []
    assert {f.rule for f in find(text, "period", year=2025)} == {"period.pufa9_early", "period.plan15_early"}


def test_fourteenth_plan_after_it_ended(find) -> None:
    [finding] = find("推进“十四五”规划落实。", "period", year=2026)
    assert finding.rule == "period.plan14_late" and finding.severity is Severity.ERROR
    assert find("“十四五”期间累计培训干部1000人次。", "period", year=2026) == []


def test_outline_goal_phrase(find) -> None:
    text = "建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府。"
    assert find(text, "period", year=2020) == []
    [finding] = find(text, "period", year=2021)
    assert "智能高效、廉洁诚信、人民满意" in finding.message


def test_old_outline_cited_after_2020(find) -> None:
    [finding] = find("对照《法治政府建设实施纲要（2015-2020年）》。", "period", year=2021)
    assert finding.rule == "period.outline2015_late" and finding.severity is Severity.WARNING
    [hint] = find("对照《法治政府建设实施纲要（2021—2025年）》。", "period", year=2026)
    assert hint.severity is Severity.INFO


def test_nineteenth_congress_phrases_before_2017(find) -> None:
    text = "坚持以习近平新时代中国特色社会主义思想为指导，学习贯彻党的十九大精神。"
    assert find(text, "period", year=2017) == []
    assert {f.rule for f in find(text, "period", year=2016)} == {"period.congress19_early",
                                                                  "period.xi_thought_early"}


@pytest.mark.parametrize(("text", "ok_year", "bad_year", "rule"), [
    ("学习贯彻党的二十届一中全会精神。", 2022, 2021, "period.plenum20_early"),
    ("学习十九届五中全会精神。", 2020, 2019, "period.plenum19_5"),
    ("以中国式现代化全面推进强国建设。", 2022, 2021, "period.chinese_modernization"),
    ("落实中央全面依法治国委员会部署。", 2018, 2017, "period.central_commission"),
    ("深入实施“八五”普法规划。", 2021, 2020, "period.pufa8_early"),
    ("深入实施“八五”普法规划。", 2025, 2026, "period.pufa8_late"),
    ("落实“十三五”规划目标。", 2020, 2021, "period.plan13_late"),
    ("推进“十四五”规划实施。", 2021, 2020, "period.plan14_early"),
])
def test_more_period_rules(find, text: str, ok_year: int, bad_year: int, rule: str) -> None:
    assert find(text, "period", year=ok_year) == []
    assert [f.rule for f in find(text, "period", year=bad_year)] == [rule]
