"""core.search: every printed text of a report is found — 落款机关 and the dates as the form shows them too —
case and whole-word options, and what a replacement would store (or why a field refuses it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fazhi_desktop.core.model import Report
from fazhi_desktop.core.schema import FieldValueError
from fazhi_desktop.core.search import TextField, find, replaced, spans, text_fields


def _ids(report: Report) -> Report:
    """The demo report with ids, as the store hands it out."""
    unit = replace(report.unit, id=1)
    chapters = tuple(replace(c, id=10 + ci, blocks=tuple(replace(b, id=100 * (ci + 1) + bi)
                                                        for bi, b in enumerate(c.blocks)))
                     for ci, c in enumerate(report.chapters))
    return replace(report, id=1, unit=unit, chapters=chapters)


@pytest.fixture
def report(demo_report: Report) -> Report:
    return _ids(replace(demo_report, signatories=("中共示例镇委员会", "示例镇人民政府"), date=dt.date(2026, 1, 16),
                        imprint_date=dt.date(2026, 1, 20), note="此件公开发布；ICP备案见网站"))


def _field(report: Report, kind: str, key: str) -> TextField:
    return next(f for f in text_fields(report) if (f.kind, f.key) == (kind, key))


def test_signatories_and_dates_are_found_as_the_form_shows_them(report: Report) -> None:
    where = {h.field.where for h in find(report, "示例镇人民政府")}
    assert "基本信息 › 落款机关" in where and "基本信息 › 单位全称" in where
    dates = [h.field.where for h in find(report, "2026年1月")]
    assert dates == ["基本信息 › 成文日期", "基本信息 › 印发日期"]
    assert [h.context() for h in find(report, "16日")] == ["2026年1月【16日】"]
    organs = _field(report, "report", "signatories")
    assert organs.text == "中共示例镇委员会\n示例镇人民政府" and organs.stored == ("中共示例镇委员会", "示例镇人民政府")


def test_choices_are_not_searched(report: Report) -> None:
    """单位类型, 印章, 状态 and the 编号 switch are picked, not typed: a replacement must never reach them."""
    keys = {(f.kind, f.key) for f in text_fields(report)}
    assert not keys & {("unit", "kind"), ("report", "seal"), ("report", "status"), ("report", "number_chapters")}
    assert find(report, "乡镇") == [] or all(h.field.key != "kind" for h in find(report, "乡镇"))


def test_case_and_whole_word() -> None:
    text = "ICP备案号、icp证与Icp；2012年办理12件，125人"
    assert spans(text, "ICP") == [(0, 3)]
    assert [text[a:b] for a, b in spans(text, "ICP", match_case=False)] == ["ICP", "icp", "Icp"]
    assert [text[a:b] for a, b in spans(text, "12")] == ["12", "12", "12"]
    assert [text[a:b] for a, b in spans(text, "12", whole_word=True)] == ["12"]
    assert spans(text, "12", whole_word=True)[0][0] == text.index("理12件") + 1
    assert spans("ICPs与ICP", "icp", match_case=False, whole_word=True) == [(5, 8)]
    assert spans("办理事项", "办理", whole_word=True) == [(0, 2)]  # Chinese has no word spaces: always whole


def test_a_replacement_stores_a_value_the_field_can_hold(report: Report) -> None:
    date = _field(report, "report", "date")
    assert date.value_for(replaced(date.text, [(0, 4)], "2025")) == dt.date(2025, 1, 16)
    with pytest.raises(FieldValueError, match=r"成文日期.*日期不存在"):
        date.value_for(date.text.replace("1月", "13月"))
    with pytest.raises(FieldValueError, match=r"成文日期.*格式"):
        date.value_for(date.text.replace("年", "年度"))
    assert date.value_for("") is None  # emptied: no date, as 清除 does
    organs = _field(report, "report", "signatories")
    assert organs.value_for(organs.text.replace("示例镇", "样板镇")) == ("中共样板镇委员会", "样板镇人民政府")
    assert organs.value_for(organs.text.replace("中共示例镇委员会", "")) == ("示例镇人民政府",)
    with pytest.raises(FieldValueError, match="落款机关最多两个"):
        organs.value_for(organs.text.replace("示例镇人民政府", "示例镇人民政府，示例镇人大"))
    with pytest.raises(FieldValueError, match="单位简称不能为空"):
        _field(report, "unit", "short_name").value_for("")
    with pytest.raises(FieldValueError, match="发文字号不能超过40个字"):
        _field(report, "report", "doc_number").value_for("字" * 41)
    body = next(f for f in text_fields(report) if f.kind == "block")
    assert body.value_for("任何文字") == "任何文字" and body.stored == body.text


@given(st.text(alphabet="ab甲。 ", max_size=30), st.text(alphabet="ab甲", min_size=1, max_size=3),
       st.text(alphabet="xy乙", max_size=3), st.booleans(), st.booleans())
def test_replacing_every_span_leaves_no_needle_behind(text: str, needle: str, new: str, case: bool,
                                                      whole: bool) -> None:
    places = spans(text, needle, case, whole)
    out = replaced(text, places, new)
    assert spans(out, needle, case, whole) == [] or whole  # (whole words may meet after a replacement)
    assert len(out) == len(text) + len(places) * (len(new) - len(needle))
    if places:
        first = places[0]
        one = replaced(text, [first], new)
        assert one[:first[0]] == text[:first[0]] and one[first[0] + len(new):] == text[first[1]:]
