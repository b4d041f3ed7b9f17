"""Tables become readable text in place; no figure is lost; figures whose labels match an indicator are offered."""

from __future__ import annotations

from fazhi_desktop.core.cleanup import clean_text
from fazhi_desktop.core.tables import figure_number, match_indicator, render_rows, table_figures, table_runs


def test_a_row_of_labels_over_a_row_of_figures() -> None:
    rows = [["受理纠纷", "调解成功", "法律咨询", "普法活动", "发放资料"], ["64", "62", "315", "18", "4,200份"]]
    assert render_rows(rows) == ["受理纠纷：64；调解成功：62；法律咨询：315；普法活动：18；发放资料：4,200份。"]
    figures = table_figures(rows)
    assert [(f.indicator, f.value) for f in figures] == [
        ("受理矛盾纠纷", "64"), ("调解成功", "62"), ("法律咨询", "315"), ("普法宣传活动", "18"),
        ("发放宣传资料", "4,200份")]
    assert figure_number(figures[-1]) == "4200"


def test_labels_down_the_side_and_a_table_with_villages_and_a_total() -> None:
    assert render_rows([["受理矛盾纠纷", "86"], ["调解成功", "84"]]) == ["受理矛盾纠纷：86；调解成功：84。"]
    rows = [["村（社区）", "受理纠纷（件）", "调解成功（件）"], ["石门村", "12", "12"], ["合计", "21", "20"]]
    assert render_rows(rows) == ["村（社区）：石门村；受理纠纷（件）：12；调解成功（件）：12。",
                                 "村（社区）：合计；受理纠纷（件）：21；调解成功（件）：20。"]
    assert [(f.indicator, f.value) for f in table_figures(rows)] == [("受理矛盾纠纷", "21"), ("调解成功", "20")]


def test_a_text_table_keeps_its_rows_and_a_rate_needs_a_percent() -> None:
    text_rows = [["制度名称", "印发时间"], ["法律顾问制度", "三月"]]
    assert render_rows(text_rows) == ["制度名称  印发时间", "法律顾问制度  三月"]
    rate = match_indicator("调解成功率", "97.3%")
    assert rate is not None and rate.kind == "rate"
    count = match_indicator("调解成功", "97")
    assert count is not None and count.key == "disputes_resolved"
    assert match_indicator("村名", "3") is None


def test_tab_separated_rows_are_found_but_not_a_number_typed_before_a_heading() -> None:
    lines = ["一、\t主要举措和成效", "1.\t健全机制。", "受理纠纷\t调解成功", "64\t62",
             "中共青石镇委员会\t青石镇人民政府", "姓名\t职务\t电话"]
    assert table_runs(lines, set()) == [(2, 4), (5, 6)]
    cleaned = clean_text("全年调解情况：\n受理纠纷\t调解成功\n64\t62\n中共青石镇委员会\t\t青石镇人民政府")
    assert cleaned.text.split("\n") == ["全年调解情况：", "受理纠纷：64；调解成功：62。",
                                        "中共青石镇委员会  青石镇人民政府"]
