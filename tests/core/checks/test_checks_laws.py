"""Law and document names in 《》 (domain.md §4.1)."""

from __future__ import annotations

import pytest

from fazhi_desktop.core.checks import Severity, apply_fixes
from fazhi_desktop.core.checks.data import law_table, normalize_law_name


def test_repealed_law_is_an_error_from_its_repeal_year(find) -> None:
    text = "组织学习了《民法总则》。"
    assert find(text, "law", year=2020) == []
    [finding] = find(text, "law", year=2021)
    assert finding.rule == "law.repealed"
    assert finding.severity is Severity.ERROR
    assert finding.text == "民法总则"
    assert "2021年1月1日废止" in finding.message and "《民法典》" in finding.message
    assert finding.fix is None  # replacing a repealed law changes the meaning; a person decides


@pytest.mark.parametrize("name", ["合同法", "婚姻法", "物权法", "侵权责任法", "担保法"])
def test_all_civil_laws_merged_into_the_civil_code(find, name: str) -> None:
    [finding] = find(f"宣传《{name}》。", "law", year=2022)
    assert finding.rule == "law.repealed"


@pytest.mark.parametrize("text", ["原《合同法》规定的情形", "已废止的《合同法》", "《合同法》同时废止"])
def test_historical_mentions_are_not_flagged(find, text: str) -> None:
    assert find(text, "law", year=2022) == []


def test_renamed_regulation_is_a_warning_in_the_year_of_change_and_an_error_after(find) -> None:
    text = "严格落实《信访条例》。"
    assert find(text, "law", year=2021) == []
    [in_year] = find(text, "law", year=2022)
    assert in_year.severity is Severity.WARNING and "《信访工作条例》" in in_year.message
    [after] = find(text, "law", year=2023)
    assert after.rule == "law.replaced" and after.severity is Severity.ERROR


@pytest.mark.parametrize(("wrong", "right"), [
    ("土地法", "土地管理法"),
    ("道路交通法", "道路交通安全法"),
    ("重大行政决策程序条例", "重大行政决策程序暂行条例"),
    ("党政主要负责人履行推进法治政府建设第一责任人职责规定", "党政主要负责人履行推进法治建设第一责任人职责规定"),
    ("中华人民共和国乡村振兴法", "中华人民共和国乡村振兴促进法"),
])
def test_wrong_names_are_errors_with_a_fix(find, build, wrong: str, right: str) -> None:
    [finding] = find(f"学习《{wrong}》。", "law", year=2022)
    assert finding.rule == "law.wrong_name" and finding.severity is Severity.ERROR
    assert finding.fix == right
    fixed = apply_fixes(build(f"学习《{wrong}》。", 2022), [finding])
    assert fixed.chapters[0].blocks[-1].body == f"学习《{right}》。"


@pytest.mark.parametrize("name", ["环境保护法", "禁毒法", "食品安全法", "大气污染防治法", "民法典",
                                  "中华人民共和国土地管理法", "道路交通安全法", "宪法"])
def test_correct_names_are_not_flagged(find, name: str) -> None:
    assert find(f"组织学习了《{name}》。", "law", year=2021) == []


def test_law_cited_before_it_existed(find) -> None:
    text = "抓好《中华人民共和国法治宣传教育法》学习宣传。"
    assert find(text, "law", year=2025) == []
    [finding] = find(text, "law", year=2024)
    assert finding.rule == "law.not_yet" and "2025年9月12日" in finding.message


def test_unknown_name_is_a_hint_with_a_close_match(find) -> None:
    [finding] = find("学习《食品安全管理法》。", "law")
    assert finding.rule == "law.unknown" and finding.severity is Severity.INFO
    assert "《食品安全法》" in finding.message


def test_local_documents_are_not_reported_as_unknown(find) -> None:
    assert find("制定《示例镇依法治镇实施方案》和《四川省法治宣传教育条例》。", "law") == []


def test_new_claim_checks_the_latest_amendment(find) -> None:
    assert find("学习新修订的《行政复议法》。", "law", year=2024) == []
    [finding] = find("学习新修订的《行政复议法》。", "law", year=2027)
    assert finding.rule == "law.new_claim" and "2024年1月1日" in finding.message


def test_name_broken_across_lines_is_still_recognised(find) -> None:
    assert find("根据《党政主要负责人履行推进法治建设第一责任人\n职责规定》", "law") == []


def test_normalization() -> None:
    assert normalize_law_name("中华人民共和国 行政处罚法（2021年修订）") == "行政处罚法"
    assert normalize_law_name("法治政府建设实施纲要(2021-2025年)") == "法治政府建设实施纲要（2021—2025年）"
    assert "法治政府建设实施纲要（2021—2025年）" in law_table().known


def test_mixed_full_and_short_names_in_one_list(find) -> None:
    [finding] = find("学习《中华人民共和国宪法》、《民法典》。", "law")
    assert finding.rule == "law.mixed_prefix" and finding.severity is Severity.INFO
    assert find("学习《中华人民共和国宪法》。此后又学习《民法典》。", "law") == []


def test_regulations_that_never_take_the_prefix_are_not_a_mixed_list(find) -> None:
    assert find("学习《中华人民共和国宪法》、《信访工作条例》等法律法规。", "law.mixed") == []
    assert find("学习《中华人民共和国宪法》、《优化营商环境条例》、《重大行政决策程序暂行条例》。", "law.mixed") == []
    [finding] = find("学习《中华人民共和国宪法》、《信访工作条例》、《民法典》。", "law.mixed")
    assert finding.rule == "law.mixed_prefix"
