"""Cleanup of pasted text: PDF line breaks, page numbers, web clutter, spaces, punctuation, dashes."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi_desktop.core.cleanup import cjk_counter, clean_paste, clean_text
from fazhi_desktop.core.cleanup_chars import normalize_line


def test_page_numbers_and_footers_are_removed_and_the_sentence_closes_up() -> None:
    text = (
        "镇党委坚持依法决策，对党委的重点问题、政府的难点问题、群众关心的热点问题等重大\n"
        "\n— 3 —\n\n"
        "事项，始终坚持民主集中制，集体讨论决定，杜绝个人意愿专断独行的情况出现在镇里。\n"
        "第3页 共9页\n"
        "全年未发生一起因决策失误引发的事件。\n"
        "- 4 -\n"
    )
    cleaned = clean_text(text)
    assert cleaned.text == (
        "镇党委坚持依法决策，对党委的重点问题、政府的难点问题、群众关心的热点问题等重大"
        "事项，始终坚持民主集中制，集体讨论决定，杜绝个人意愿专断独行的情况出现在镇里。\n"
        "全年未发生一起因决策失误引发的事件。"
    )
    assert [(r.line, r.text, r.reason) for r in cleaned.removed] == [
        (3, "— 3 —", "页码"), (6, "第3页 共9页", "页码"), (8, "- 4 -", "页码")]  # as they were, numbered


def test_web_clutter_before_the_title_is_stripped_and_reported() -> None:
    text = (
        "无障碍 简体|繁体 进入老年模式\n当前位置：首页 > 政务公开 > 法治政府建设年度报告\n"
        "来源：千佛镇人民政府 发布时间：2022-01-10 09:18\n索引号：11510000-2022-00012\n"
        "【大】【中】【小】\n2022-01-10\n"
        "千佛镇2021年度法治政府建设情况报告\n"
        "2021年，千佛镇扎实推进法治政府建设，现将有关情况报告如下：\n"
        "【打印】【关闭】\n扫一扫在手机打开当前页\n"
    )
    cleaned = clean_text(text)
    assert cleaned.text.split("\n") == [
        "千佛镇2021年度法治政府建设情况报告", "2021年，千佛镇扎实推进法治政府建设，现将有关情况报告如下：",
    ]
    assert len(cleaned.removed) == 8
    assert cjk_counter(text) == cjk_counter(cleaned.text) + cjk_counter("".join(r.text for r in cleaned.removed))


def test_stray_spaces_between_chinese_characters_are_removed() -> None:
    assert normalize_line("加强法治政府建设 打造人民满意政府") == "加强法治政府建设打造人民满意政府"
    assert normalize_line("锚定 “政府行为全面纳入法治轨道” 的目标") == "锚定“政府行为全面纳入法治轨道”的目标"
    assert normalize_line("　　发放资料 6000 多份。 结合实际") == "发放资料6000多份。结合实际"
    # a wide gap (two spaces or a full-width space) is deliberate, e.g. two signatories
    assert normalize_line("中共千佛镇委员会　千佛镇人民政府") == "中共千佛镇委员会  千佛镇人民政府"


def test_full_width_digits_and_ascii_punctuation() -> None:
    assert normalize_line("调解成功率达１００％，共２８起") == "调解成功率达100％，共28起"
    assert (normalize_line("办所(中心),到人;是否落实?落实!来源:县司法局")
            == "办所（中心），到人；是否落实？落实！来源：县司法局")
    assert normalize_line('开展"法治体检"活动') == "开展“法治体检”活动"
    assert normalize_line("全年开展培训3次.") == "全年开展培训3次。"


def test_half_width_stays_where_it_belongs() -> None:
    line = "罚没1,234.5元，09:18发布，详见https://www.example.gov.cn/a,b，英文Rule of Law (ROL)。"
    assert normalize_line(line) == line
    assert normalize_line("1.坚持民主集中制") == "1.坚持民主集中制"


def test_year_ranges_get_their_dash_back() -> None:
    assert normalize_line("《法治政府建设实施纲要（2021-2025 年）》") == "《法治政府建设实施纲要（2021—2025年）》"
    assert normalize_line("《法治政府建设实施纲要（20212025年）》") == "《法治政府建设实施纲要（2021—2025年）》"
    assert normalize_line("（2021～2025年）（2021――2025年）") == "（2021—2025年）（2021—2025年）"
    assert normalize_line("20231月1日起施行") == "2023年1月1日起施行"
    assert normalize_line("2025年至2021年") == "2025年至2021年"


def test_control_characters_and_zero_width_are_removed_without_losing_text() -> None:
    text = "一、主要举措\x07和成效\r\n坚持\u200b依法\x00决策。\x1b"
    assert clean_text(text).text == "一、主要举措和成效\n坚持依法决策。"


def test_comma_at_line_end_always_joins_but_headings_stay_apart() -> None:
    text = "（一）完善便民服务体系\n一是完善设施建设，\n认真落实首问负责制。\n强化组织领导\n我镇成立领导小组。"
    assert clean_text(text).text.split("\n") == [
        "（一）完善便民服务体系", "一是完善设施建设，认真落实首问负责制。", "强化组织领导", "我镇成立领导小组。",
    ]


# --- properties -------------------------------------------------------------------------------
_chars = st.sampled_from(list("法治政府建设镇党委一二三十年月日是")
                         + list("，。、；：？！“”（）《》—…") + list(",.;:?!()\"-~ 　\t0123456789０１ａA")
                         + ["\n", "\n", "\n", "第3页", "— 2 —", "（一）", "1.", "一、", "2021-2025年"])
_texts = st.lists(_chars, max_size=120).map("".join)


@settings(max_examples=150, deadline=None)
@given(_texts)
def test_cleanup_never_loses_cjk_characters(text: str) -> None:
    cleaned = clean_text(text)
    assert cjk_counter(cleaned.text) + cjk_counter("".join(r.text for r in cleaned.removed)) == cjk_counter(text)


@settings(max_examples=150, deadline=None)
@given(_texts)
def test_cleanup_is_idempotent(text: str) -> None:
    once = clean_text(text).text
    assert clean_text(once).text == once


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_normalize_line_keeps_every_cjk_character(line: str) -> None:
    line = line.replace("\n", "")
    assert cjk_counter(normalize_line(line)) == cjk_counter(line)
    assert normalize_line(normalize_line(line)) == normalize_line(line)


def test_cjk_counter_counts_only_ideographs() -> None:
    assert cjk_counter("法治，法 1a") == Counter({"法": 2, "治": 1})


def test_clean_paste_joins_a_short_pdf_fragment_but_keeps_sentences_apart() -> None:
    from fazhi_desktop.core.cleanup import clean_paste

    pasted = "镇党委政府坚持对法治建设工作进行专题研究，严格依法依规\n决策。\n— 3 —\n第二段开头，\n接着写。"
    cleaned = clean_paste(pasted)
    assert cleaned.text == "镇党委政府坚持对法治建设工作进行专题研究，严格依法依规决策。\n第二段开头，接着写。"
    assert [r.text for r in cleaned.removed] == ["— 3 —"]
    assert clean_paste(cleaned.text).text == cleaned.text  # idempotent


def test_zero_width_joiner_stays_inside_emoji_and_goes_elsewhere() -> None:
    assert clean_paste("全家👨\u200d👩\u200d👧参加普法活动").text == "全家👨\u200d👩\u200d👧参加普法活动"
    assert clean_paste("依\u200d法\u200c行\u200b政").text == "依法行政"


def test_a_repeated_sentence_is_text_not_a_running_header() -> None:
    body = "全年组织法治讲座，覆盖全镇各村社区和机关干部职工，取得良好效果。"
    header = "示例镇法治政府建设情况报告"
    pasted = "\n".join([header, body, "开展普法宣传。"] * 3 + ["特此报告。", "示例镇人民政府", "2026年1月16日"])
    cleaned = clean_paste(pasted)
    assert cleaned.text.count("开展普法宣传。") == 3  # the clerk's own repeated sentence stays
    assert "示例镇法治政府建设情况报告" in [r.text for r in cleaned.removed]  # the running header still goes
