"""数据指标: catalog, parsing, every rate formula, zero denominators, rounding, consistency, text, CSV."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from fazhi_desktop.core.indicator_csv import from_csv, to_csv
from fazhi_desktop.core.indicator_text import figure_text, text_mismatches
from fazhi_desktop.core.indicators import (
    IndicatorKind,
    IndicatorValue,
    IndicatorValueError,
    ValueState,
    compute_rate,
    consistency,
    display,
    load_catalog,
    parse_value,
    parse_values,
)
from fazhi_desktop.core.model import Report

CATALOG = load_catalog()
RATES = [i for i in CATALOG.indicators if i.kind is IndicatorKind.RATE]


def values(**numbers: object) -> dict[str, IndicatorValue]:
    return parse_values(CATALOG, {k: str(v) for k, v in numbers.items()})


def test_catalog_covers_the_domain_list() -> None:
    assert len(CATALOG.indicators) >= 46
    assert {g for g, _ in CATALOG.by_group()} >= {"组织领导", "依法决策", "规范性文件", "行政执法", "复议与诉讼",
                                                   "矛盾纠纷化解", "普法宣传", "政务公开", "应急"}
    for rate in RATES:
        assert CATALOG[rate.numerator].unit == CATALOG[rate.denominator].unit, rate.key


@pytest.mark.parametrize("rate", RATES, ids=lambda r: r.key)
def test_every_rate_formula(rate) -> None:
    v = values(**{rate.numerator: 181, rate.denominator: 186})
    assert compute_rate(rate, v).percent == Decimal("97.3")
    assert display(rate, None, v) == "97.3%"


@pytest.mark.parametrize("rate", RATES, ids=lambda r: r.key)
def test_zero_denominator_is_never_a_percentage(rate) -> None:
    result = compute_rate(rate, values(**{rate.numerator: 0, rate.denominator: 0}))
    assert result.percent is None and "%" not in result.text and result.text
    assert compute_rate(rate, values(**{rate.denominator: "未发生"})).text == (rate.none_text or "未发生")


def test_zero_wording_and_rounding() -> None:
    loss = CATALOG["litigation_loss_rate"]
    assert compute_rate(loss, values(litigation_lost=0, litigation_concluded=3)).text == "零败诉"
    assert compute_rate(loss, values(litigation_concluded=0, litigation_lost=0)).text == "未发生行政诉讼案件"
    mediation = CATALOG["mediation_success_rate"]
    assert compute_rate(mediation, values(disputes_resolved=2, disputes_accepted=3)).percent == Decimal("66.7")
    assert compute_rate(mediation, values(disputes_resolved=1, disputes_accepted=8)).percent == Decimal("12.5")
    six = compute_rate(mediation, values(disputes_resolved=1, disputes_accepted=16))
    assert six.percent == Decimal("6.3")  # 6.25 rounds half up
    assert compute_rate(mediation, values(disputes_resolved=5)).text == ""  # missing count: nothing computed


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [("disputes_accepted", "-3", "负数"), ("disputes_accepted", "abc", "不是数字"),
     ("disputes_accepted", "2.5", "整数"),
     ("service_satisfaction", "120", "100%"), ("service_satisfaction", "120%", "100%")],
)
def test_bad_values_are_refused(key: str, text: str, message: str) -> None:
    with pytest.raises(IndicatorValueError, match=message):
        parse_value(CATALOG[key], text)


def test_values_are_forgiving_about_how_they_are_typed() -> None:
    assert parse_value(CATALOG["disputes_accepted"], "１８６件").value == Decimal(186)
    assert parse_value(CATALOG["materials"], "12,000").value == Decimal(12000)
    assert parse_value(CATALOG["fines"], "8.65").value == Decimal("8.65")
    assert parse_value(CATALOG["service_satisfaction"], "99.2%").value == Decimal("99.2")
    assert parse_value(CATALOG["litigation_cases"], "未发生").state is ValueState.NOT_OCCURRED
    assert parse_value(CATALOG["litigation_cases"], "不适用").state is ValueState.NOT_APPLICABLE
    assert parse_value(CATALOG["litigation_cases"], " ").state is ValueState.EMPTY
    assert display(CATALOG["fines"], parse_value(CATALOG["fines"], "8.6")) == "8.60万元"


def test_consistency_findings() -> None:
    problems = consistency(CATALOG, values(disputes_resolved=190, disputes_accepted=186))
    assert [(p.key, p.severity) for p in problems] == [("mediation_success_rate", "错误")]
    assert "大于" in problems[0].message
    typed = values(disputes_resolved=181, disputes_accepted=186, mediation_success_rate=99)
    assert [(p.key, p.severity) for p in consistency(CATALOG, typed)] == [("mediation_success_rate", "警告")]
    close_enough = values(disputes_resolved=181, disputes_accepted=186, mediation_success_rate=97.5)
    assert consistency(CATALOG, close_enough) == []


def test_text_figures_that_contradict_the_table(demo_report: Report) -> None:
    v = values(disputes_accepted=186, disputes_resolved=180, penalty_cases=46)
    found = text_mismatches(demo_report, CATALOG, v)
    assert [(m.key, m.quoted, m.table) for m in found] == [
        ("disputes_resolved", Decimal(181), Decimal(180)),  # 调解成功181件
        ("mediation_success_rate", Decimal("97.3"), Decimal("96.8")),  # 调解成功率97.3% vs 180 ÷ 186
    ]
    assert "调解成功181件" in found[0].message(CATALOG) and "180件" in found[0].message(CATALOG)
    rate = values(disputes_accepted=186, disputes_resolved=181)
    assert text_mismatches(demo_report, CATALOG, rate) == []  # 97.3% in the text agrees with 181 ÷ 186
    wrong_rate = values(disputes_accepted=200, disputes_resolved=181)
    assert any(m.key == "mediation_success_rate" for m in text_mismatches(demo_report, CATALOG, wrong_rate))


def test_insert_figure_text() -> None:
    v = values(litigation_lost=0, litigation_concluded=2, disputes_accepted=186)
    assert figure_text(CATALOG["litigation_loss_rate"], v) == "零败诉"
    assert figure_text(CATALOG["disputes_accepted"], v) == "186件"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
def test_csv_round_trip(encoding: str) -> None:
    v = values(disputes_accepted=186, disputes_resolved=181, fines="8.65", litigation_cases="未发生")
    v["disputes_accepted"] = replace(v["disputes_accepted"], note="含线上调解", source="调解台账第3册")
    v["mediation_success_rate"] = IndicatorValue("mediation_success_rate")
    data = to_csv(CATALOG, v).decode("utf-8-sig").encode(encoding)
    back = from_csv(data, CATALOG)
    assert {k: x for k, x in back.items()} == {k: x for k, x in v.items() if k != "mediation_success_rate"}


def test_csv_with_errors_imports_nothing() -> None:
    data = "指标,数值\n受理矛盾纠纷,186\n调解成功,很多\n不存在的指标,3\n".encode("gbk")
    with pytest.raises(IndicatorValueError) as info:
        from_csv(data, CATALOG)
    assert "第3行" in str(info.value) and "第4行" in str(info.value)
    with pytest.raises(IndicatorValueError, match="表头"):
        from_csv(b"a,b\n1,2\n", CATALOG)
