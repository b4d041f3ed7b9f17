"""Dated terms and common 公文 typos (domain.md §4.5)."""

from __future__ import annotations

import pytest

from fazhi_desktop.core.checks import Severity, apply_fixes


@pytest.mark.parametrize(("text", "rule", "fixed"), [
    ("强化法制宣传教育。", "term.fazhi_publicity", "强化法治宣传教育。"),
    ("创建民主法制示范村2个。", "term.demo_village", "创建民主法治示范村2个。"),
    ("截止目前，共受理12件。", "typo.jiezhi", "截至目前，共受理12件。"),
    ("镇党委做出部署。", "typo.zuochu", "镇党委作出部署。"),
    ("认真布署，狠抓落实。", "typo.bushu", "认真部署，狠抓落实。"),
    ("贯切落实。", "typo.guanche", "贯彻落实。"),
    ("统筹按排工作。", "typo.anpai", "统筹安排工作。"),
    ("其它工作。", "typo.qita", "其他工作。"),
    ("现汇报如下：", "typo.huibao", "现报告如下："),
    ("学习《宪法》、《民法典》。", "typo.booktitle_comma", "学习《宪法》《民法典》。"),
    ("开展“法律七进”、“法律明白人”培养。", "typo.quote_comma", "开展“法律七进”“法律明白人”培养。"),
    ("推进十四五规划。", "typo.period_quotes", "推进“十四五”规划。"),
    ("中央依法治国委员会", "term.commission", "中央全面依法治国委员会"),
    ("带头尊法、守法、学法、用法。", "typo.zunfa_order", "带头尊法、学法、守法、用法。"),
    ("学习党的20大精神。", "typo.congress_numeral", "学习党的二十大精神。"),
    ("学习二十届3中全会精神。", "typo.congress_numeral", "学习二十届三中全会精神。"),
])
def test_term_is_flagged_and_fixed(find, build, text: str, rule: str, fixed: str) -> None:
    findings = [f for f in find(text, "t") if f.rule == rule]
    assert len(findings) == 1, findings
    report = apply_fixes(build(text), findings)
    assert report.chapters[0].blocks[-1].body == fixed


@pytest.mark.parametrize("text", [
    "落实重大执法决定法制审核制度。", "发挥法制机构作用。", "截止日期为3月1日。", "做出了成绩。",
    "按排名先后。", "尊法学法守法用法。", "推进“十四五”规划。", "全面实施“八五”普法。",
    "中央全面依法治国委员会。", "学习党的二十大和二十届三中全会精神。",
])
def test_correct_usage_is_not_flagged(find, text: str) -> None:
    assert find(text, "t") == []


def test_dated_term_respects_its_year(find) -> None:
    assert find("在《法制日报》刊发。", "term", year=2019) == []
    [finding] = find("在《法制日报》刊发。", "term", year=2021)
    assert finding.fix == "法治日报" and finding.severity is Severity.WARNING
