"""Structure detection on other layouts: topic chapters, web pages, 落款, odd numbering."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi_desktop.core.cleanup import cjk_counter, clean_text
from fazhi_desktop.core.headings import chinese_to_int, typed_heading, unit_from_title, year_from_title
from fazhi_desktop.core.model import BlockKind, ChapterRole, Unit
from fazhi_desktop.core.structure import detect_text
from tests.core.test_structure import render_plain

TOPIC_STYLE = """青石乡人民政府
关于2022年度法治政府建设情况的报告
中共青石县委、青石县人民政府：
2022年，青石乡坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：
一、强化组织领导，夯实法治基础
乡党委把法治建设纳入全局工作统筹谋划。
（一）健全工作机制
成立依法治乡委员会，定期研究法治工作。
（二）落实学法制度
全年开展会前学法12次。
二、强化依法行政，狠抓关键少数
（一）规范行政决策
重大事项均经合法性审查。
存在问题
一是法治宣传形式单一；二是执法人员不足。
下一步打算
(1)加强执法队伍建设。
(2)创新普法宣传形式。
特此报告。
中共青石乡委员会  青石乡人民政府
2023年1月18日
"""


def test_topic_chapters_two_line_title_addressee_and_signature() -> None:
    detected = detect_text(TOPIC_STYLE)
    assert detected.title == "青石乡人民政府关于2022年度法治政府建设情况的报告"
    assert (detected.unit_name, detected.year) == ("青石乡", 2022)
    assert detected.addressee == "中共青石县委、青石县人民政府"
    assert [c.title for c in detected.chapters] == [
        "强化组织领导，夯实法治基础", "强化依法行政，狠抓关键少数", "存在问题", "下一步打算"]
    assert [c.role for c in detected.chapters] == [
        ChapterRole.MEASURES, ChapterRole.MEASURES, ChapterRole.SHORTCOMINGS, ChapterRole.NEXT_YEAR]
    first = detected.chapters[0]
    assert first.lead == "乡党委把法治建设纳入全局工作统筹谋划。"
    assert [b.heading for b in first.blocks] == ["健全工作机制", "落实学法制度"]
    # "一是…二是…" stays inside its paragraph
    assert detected.chapters[2].blocks[0].kind is BlockKind.PARAGRAPH
    assert detected.chapters[2].blocks[0].body.startswith("一是法治宣传形式单一；二是")
    points = detected.chapters[3].blocks
    assert [(b.kind, b.heading) for b in points] == [
        (BlockKind.POINT, "加强执法队伍建设。"), (BlockKind.POINT, "创新普法宣传形式。")]
    assert detected.closing == "特此报告。"
    assert detected.signatories == ("中共青石乡委员会", "青石乡人民政府")
    assert detected.date == dt.date(2023, 1, 18)
    assert any("专题式章标题" in n for n in detected.notes)
    unit = Unit.from_short_name("青石乡")
    report = detected.to_report(unit, 2022)
    assert report.unit == unit and report.title_override == detected.title


WEB_PAGE = """首页 > 信息公开 > 法治政府建设年度报告
字体：【大】【中】【小】 打印
来源：红岩街道办事处  发布时间：2024-01-12  浏览次数：321
红岩街道办事处2023年法治政府建设年度报告
2023年，红岩街道认真落实《法治政府建设实施纲要(2021-2025年)》,推动各项工作.
一、2023年度推进法治政府建设的主要举措和成效
（一）依法全面履行政府职能
1、规范权责清单。动态调整街道权责清单。
3、优化营商环境。为辖区企业开展法治体检。
二、存在的不足和原因
执法力量仍然不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
街道党工委书记带头述法。
四、2024年工作安排
继续深化法治街道建设。
五、其他需要报告的情况
无。
附件：1.2023年度法治建设统计表
红岩街道办事处
二〇二四年一月十日
附件1
统计表内容
【打印本页】【关闭窗口】
"""


def test_web_page_report_with_clutter_attachment_and_chinese_date() -> None:
    detected = detect_text(WEB_PAGE)
    assert detected.title == "红岩街道办事处2023年法治政府建设年度报告"
    assert (detected.unit_name, detected.year) == ("红岩街道", 2023)
    assert detected.opening == "2023年，红岩街道认真落实《法治政府建设实施纲要（2021—2025年）》，推动各项工作。"
    assert [c.role for c in detected.chapters] == [
        ChapterRole.MEASURES, ChapterRole.SHORTCOMINGS, ChapterRole.PRINCIPAL_DUTY, ChapterRole.NEXT_YEAR,
        ChapterRole.OTHER, ChapterRole.CUSTOM]
    items = [b for b in detected.chapters[0].blocks if b.kind is BlockKind.ITEM]
    assert [(b.heading, b.body) for b in items] == [
        ("规范权责清单。", "动态调整街道权责清单。"), ("优化营商环境。", "为辖区企业开展法治体检。")]
    assert any("不连续" in n for n in detected.notes)  # 1、 3、 renumbered, and the user is told
    assert detected.signatories == ("红岩街道办事处",)
    assert detected.date == dt.date(2024, 1, 10)
    assert detected.chapters[4].blocks[-1].body == "附件：1.2023年度法治建设统计表"
    assert detected.chapters[5].title == "附件"
    assert "统计表内容" in detected.chapters[5].blocks[0].body
    assert len(detected.removed) == 4
    rendered = render_plain(detected)
    removed = cjk_counter("".join(r.text for r in detected.removed))
    removed += cjk_counter("二〇二四年一月十日")  # dated as 2024年1月10日
    assert cjk_counter(WEB_PAGE) - removed - cjk_counter(rendered) == cjk_counter("")
    assert cjk_counter(rendered) - cjk_counter(WEB_PAGE) == cjk_counter("六、附件")  # the new chapter


def test_unrecognised_text_is_kept() -> None:
    text = "随便写的一段话，没有标题\n另一段文字。\n还有一段。"
    detected = detect_text(text)
    assert detected.chapters == ()
    assert detected.title == "随便写的一段话，没有标题"  # a short first line is taken as the title
    assert cjk_counter(render_plain(detected)) == cjk_counter(text)
    assert any("未识别出章节" in n for n in detected.notes)


@pytest.mark.parametrize(("title", "unit", "year"), [
    ("千佛镇2021年度法治政府建设情况报告", "千佛镇", 2021),
    ("丰都县树人镇人民政府2025年法治政府建设情况报告", "树人镇", 2025),
    ("中共城区街道工作委员会 城区街道办事处关于2022年度法治政府建设情况的报告", "城区街道", 2022),
    ("大河乡人民政府关于法治政府建设的情况报告", "大河乡", None),
])
def test_unit_and_year_from_title(title: str, unit: str, year: int | None) -> None:
    assert unit_from_title(title) == unit
    assert year_from_title(title) == year


def test_typed_heading_levels() -> None:
    assert typed_heading("十二、其他") is not None and typed_heading("十二、其他").number == 12  # type: ignore[union-attr]
    assert typed_heading("(三)、依法决策").level == 2  # type: ignore[union-attr]
    assert typed_heading("2．规范执法").level == 3  # type: ignore[union-attr]
    assert typed_heading("（2）加强培训").level == 4  # type: ignore[union-attr]
    assert typed_heading("2021年，全镇") is None
    assert typed_heading("1.5万元罚款已收缴") is None
    assert typed_heading("一是加强领导") is None
    assert chinese_to_int("二十三") == 23 and chinese_to_int("十") == 10 and chinese_to_int("是") == 0


_pieces = st.sampled_from(
    ["\n", "\n", "法治政府建设", "镇党委", "一是", "二是", "，", "。", "：", " ", "（一）", "（二）", "1.", "3.",
     "一、", "二、", "存在问题", "下一步打算", "来源：", "第3页", "千佛镇2021年度法治政府建设情况报告", "特此报告。",
     "中共千佛镇委员会", "千佛镇人民政府", "2022年1月10日", "附件：", "抄送：县司法局。", "强化组织领导"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_pieces, max_size=60).map("".join))
def test_detection_never_drops_text(text: str) -> None:
    """Whatever the input, every Chinese character ends up in the report or in the removed lines;
    only typed numbers (which are derived again) and Chinese-numeral dates may change."""
    detected = detect_text(text)
    removed = cjk_counter("".join(r.text for r in clean_text(text).removed))
    rendered = render_plain(detected) + detected.imprint_cc + detected.imprint_printer
    lost = cjk_counter(text) - removed - cjk_counter(rendered)
    assert set(lost) <= set("一二三四五六七八九十"), lost


def test_short_lines_after_the_last_section_are_not_promoted_without_real_text_under_them() -> None:
    text = ("一、主要举措和成效\n（一）坚持依法决策\n重大事项均经合法性审查。\n（二）严格规范执法\n执法人员持证上岗。\n"
            "项目名称\n完成情况\n统计数据汇总表格\n二、存在的不足和原因\n人员不足。")
    blocks = detect_text(text).chapters[0].blocks
    assert [b.heading for b in blocks] == ["坚持依法决策", "严格规范执法"]
    assert blocks[1].body.split("\n") == ["执法人员持证上岗。", "项目名称", "完成情况", "统计数据汇总表格"]


def test_lost_number_between_numbered_siblings_is_repaired() -> None:
    text = ("一、主要举措和成效\n（一）坚持依法决策\n重大事项均经合法性审查。\n严格规范公正文明执法\n"
            "执法人员持证上岗。\n（三）加强普法宣传\n开展宣传活动。\n1.创新形式。形式多样。\n深化法治乡村建设\n3.强化阵地。建成法治广场。")
    chapter = detect_text(text).chapters[0]
    assert [(b.kind.value, b.heading) for b in chapter.blocks] == [
        ("section", "坚持依法决策"), ("section", "严格规范公正文明执法"), ("section", "加强普法宣传"),
        ("item", "创新形式。"), ("item", "深化法治乡村建设"), ("item", "强化阵地。")]


def test_lost_item_number_after_the_last_item_stays_an_item() -> None:
    text = ("一、主要举措和成效\n（一）坚持依法决策\n1.健全机制。成立领导小组。\n2.落实制度。全年学法10次。\n"
            "深化法治乡村建设工作\n全镇建成民主法治示范村3个，村规民约合法性审查实现全覆盖，成效明显。")
    blocks = detect_text(text).chapters[0].blocks
    assert [(b.kind.value, b.heading) for b in blocks][-1] == ("item", "深化法治乡村建设工作")
