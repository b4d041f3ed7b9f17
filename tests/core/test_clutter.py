"""Web chrome and page furniture are recognised by the shape of the whole line, never by a word in it."""

from __future__ import annotations

import pytest

from fazhi_desktop.core.cleanup import clean_text
from fazhi_desktop.core.clutter import clutter_reason, clutter_words, is_sentence, is_strong_page_number


@pytest.mark.parametrize(("line", "reason"), [
    ("来源：青石镇人民政府 发布时间：2024-01-15 16:20 浏览次数：1,286 字号：大 中 小 打印 关闭", "网页信息栏"),
    ("索 引 号：115103000087654321/2023-00012\t主题分类：政务公开", "网页信息栏"),
    ("当前位置：首页 > 政务公开 > 法治政府建设年度报告", "网页栏目导航"),
    ("首页 > 信息公开 > 年度报告", "网页栏目导航"),
    ("您现在的位置：首页 >> 政务公开 >> 乡镇信息", "网页栏目导航"),
    ("首页 政务公开 政务服务 互动交流 专题专栏", "网页栏目导航"),
    ("清泉县人民政府门户网站 - 无障碍 - 关怀版", "网页栏目导航"),
    ("【打印本页】【关闭窗口】", "网页按钮"),
    ("[打印] [关闭]", "网页按钮"),
    ("字号：大 中 小", "网页按钮"),
    ("【字体：大 中 小】【打印】【关闭】", "网页按钮"),
    ("无障碍 简体|繁体 进入老年模式", "网页按钮"),
    ("无障碍 | 长者模式 | 繁體", "网页按钮"),  # the traditional-script switch is spelled in its own script
    ("分享到：", "网页按钮"),
    ("分享到：微信 微博 QQ空间", "网页按钮"),
    ("扫一扫在手机打开当前页", "分享、扫码"),
    ("用手机扫描二维码打开本页", "分享、扫码"),
    ("上一篇：青石镇2022年度法治政府建设情况报告", "相关链接"),
    ("主办：青石县人民政府办公室　　承办：青石县大数据发展中心", "网站页脚"),
    ("版权所有：青石县人民政府　网站标识码：5110000001", "网站页脚"),
    ("蜀ICP备12345678号-1　川公网安备 51010002000123号", "网站页脚"),
    ("Copyright © 2023 红岩区人民政府 版权所有", "网站页脚"),
    ("建议使用1366×768分辨率 IE9以上浏览器浏览本站", "网站页脚"),
    ("——————————", "分隔线"),
])
def test_chrome_by_its_shape(line: str, reason: str) -> None:
    found = clutter_reason(line)
    assert found is not None and reason in found, (line, found)


@pytest.mark.parametrize("line", [
    "全年主动公开政府信息86条，依申请政府信息公开答复率100%。", "镇政务服务中心可办事项达到126项。",
    "开通“千佛镇发布”微信公众号。",
    "依法关闭违规经营场所3家，督促整改隐患12处，群众反映问题得到及时有效解决，社会秩序良好",
    "强化组织领导，依法执政水平不断提升", "完善政府信息公开制度", "扫一扫就能办的政务服务", "政务服务",
    "联系电话：0833-1234567", "调解成功率>95%", "2024年1月15日", "中共青石镇委员会  青石镇人民政府",
    "来源于群众的意见建议23条。",
])
def test_report_text_is_never_chrome(line: str) -> None:
    assert clutter_reason(line) is None


def test_a_sentence_is_never_clutter_whatever_words_it_holds() -> None:
    for word in clutter_words():
        sentence = f"围绕{word}开展工作，取得实效。"
        assert is_sentence(sentence) and clutter_reason(sentence) is None, word


def test_page_numbers_by_shape_and_bare_numbers_only_in_context() -> None:
    for line in ("— 3 —", "- 3 -", "第3页 共9页", "共9页 第3页", "第 3 页", "Page 3 of 9", "·3·", "~3~"):
        assert is_strong_page_number(line), line
    text = ("镇党委坚持依法决策，对党委的重点问题、政府的难点问题、群众关心的热点问题等重大\n12\n"
            "事项，始终坚持民主集中制，集体讨论决定。\n全年主要数据如下：\n受理纠纷\n64\n调解成功\n62\n合计\n126")
    cleaned = clean_text(text)
    assert [r.text for r in cleaned.removed] == ["12"]  # between two halves of a sentence: a page number
    for cell in ("受理纠纷", "64", "调解成功", "62", "合计", "126"):  # table cells, one a line: kept
        assert cell in cleaned.text.split("\n")
    assert "重大事项，始终坚持民主集中制" in cleaned.text


def test_removed_lines_can_be_kept_by_number() -> None:
    text = "青石镇2023年度法治政府建设情况报告\n分享到：\n全年办理案件21件。\n【打印本页】【关闭窗口】"
    assert [r.line for r in clean_text(text).removed] == [2, 4]
    kept = clean_text(text, keep=frozenset({4}))
    assert [r.line for r in kept.removed] == [2] and kept.text.endswith("【打印本页】【关闭窗口】")
