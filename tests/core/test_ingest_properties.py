"""Property: whatever web chrome, page numbers and PDF line wraps are thrown into a report, every sentence
survives the cleanup whole and every injected line is removed (and listed)."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fazhi_desktop.core.cleanup import cjk_counter, clean_text
from fazhi_desktop.core.cleanup_chars import display_width
from fazhi_desktop.core.numbering import chinese_numeral

_SUBJECTS = ["镇党委", "镇政府", "司法所", "综合行政执法队", "各村（社区）", "镇人民调解委员会", "便民服务中心"]
_VERBS = ["认真落实", "扎实推进", "深入开展", "持续完善", "严格执行", "全面推行", "统筹做好"]
_OBJECTS = ["重大行政决策程序", "行政执法三项制度", "“八五”普法规划", "矛盾纠纷排查化解", "政务公开工作",
            "法律顾问制度", "《民法典》宣传", "合法性审查机制"]
_TAILS = ["全年共开展活动12场", "群众满意度达到98.6%", "办理各类事项2300余件", "未发生一起行政诉讼败诉案件",
          "取得明显成效", "形成了长效机制", "发放宣传资料4200份", "覆盖干部群众1.2万人次"]
# Lines copied off county websites: every one of them must go, wherever it lands.
CHROME = [
    "无障碍 | 长者模式 | 简体 | 繁体", "首页 政务公开 政务服务 互动交流 专题专栏",
    "当前位置：首页 > 政务公开 > 法定主动公开内容 > 法治政府建设", "您的位置：首页>>信息公开>>年度报告",
    "来源：青石镇人民政府 发布时间：2024-01-15 16:20 浏览次数：1,286 字号：大 中 小 打印 关闭",
    "发布日期：2025-01-20　　信息来源：桃源街道　　阅读量：1024", "索 引 号：115103000087654321/2023-00012",
    "【打印本页】【关闭窗口】", "【字体：大 中 小】【打印】【关闭】", "字体：【大】【中】【小】", "分享到：",
    "分享到：微信 微博 QQ空间", "扫一扫在手机打开当前页", "上一篇：青石镇2022年度法治政府建设情况报告",
    "主办：青石县人民政府办公室　　承办：青石县大数据发展中心", "版权所有：青石县人民政府　网站标识码：5110000001",
    "蜀ICP备12345678号-1　川公网安备 51010002000123号", "Copyright © 2023 红岩区人民政府 版权所有",
    "建议使用1366×768分辨率 IE9以上浏览器浏览本站", "网站地图 | 联系我们 | 网站声明",
]
PAGE_SHAPES = ["— {n} —", "- {n} -", "第 {n} 页 共 9 页", "第{n}页", "·{n}·", "{n}/9", "Page {n} of 9"]

_sentence = st.builds(lambda s, v, o, t: f"{s}{v}{o}，{t}。", st.sampled_from(_SUBJECTS), st.sampled_from(_VERBS),
                      st.sampled_from(_OBJECTS), st.sampled_from(_TAILS))
_paragraph = st.lists(_sentence, min_size=2, max_size=4)
_section = st.tuples(st.sampled_from(_VERBS), st.sampled_from(_OBJECTS), _paragraph)
_chapter = st.lists(_section, min_size=1, max_size=3)
_report = st.lists(_chapter, min_size=2, max_size=4)


def _wrap(text: str, columns: int) -> list[str]:
    """A PDF's lines: a two-character indent, at most ``columns`` wide, no punctuation opening a line."""
    lines, line = [], "　　"
    for ch in text:
        if display_width(line + ch) > columns and ch not in "，。、；：？！）》”’":
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line]


def _render(chapters: list[list[tuple[str, str, list[str]]]], columns: int) -> tuple[list[str], list[str]]:
    """(the report's physical lines, its sentences)."""
    lines = ["　　　　青石镇2023年度法治政府建设情况报告", "中共青石县委、青石县人民政府："]
    sentences: list[str] = []
    for c, sections in enumerate(chapters, start=1):
        lines.append(f"　　{chinese_numeral(c)}、主要举措和成效第{c}部分")
        for s, (verb, obj, paragraph) in enumerate(sections, start=1):
            lines.append(f"　　（{chinese_numeral(s)}）{verb}{obj}")
            lines += _wrap("".join(paragraph), columns)
            sentences += paragraph
    return [*lines, "　　特此报告。", "　　　　　　　　青石镇人民政府", "　　　　　　　　2024年1月15日"], sentences


@st.composite
def _copies(draw: st.DrawFn) -> tuple[str, list[str], list[str]]:
    """(text as copied, its sentences, the lines injected into it)."""
    lines, sentences = _render(draw(_report), draw(st.integers(60, 80)))
    injected: list[str] = []
    out: list[str] = []
    page = 1
    for index, line in enumerate(lines):
        out.append(line)
        if index == len(lines) - 1 or draw(st.integers(0, 5)) != 0:
            continue
        kind = draw(st.sampled_from(["chrome", "page", "bare"]))
        if kind == "bare" and (len(line.strip()) < 20 or len(lines[index + 1].strip()) < 20):
            kind = "page"  # a bare number only between two lines of text, as a PDF's footer falls
        page += 1
        extra = (draw(st.sampled_from(CHROME)) if kind == "chrome" else str(page) if kind == "bare"
                 else draw(st.sampled_from(PAGE_SHAPES)).format(n=page))
        blank = draw(st.booleans()) and kind != "chrome"
        out += [""] * blank + [extra] + [""] * blank
        injected.append(extra)
    return "\n".join(out), sentences, injected


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_copies())
def test_every_sentence_survives_and_every_injected_line_goes(copy: tuple[str, list[str], list[str]]) -> None:
    text, sentences, injected = copy
    cleaned = clean_text(text)
    lines = cleaned.text.split("\n")
    for sentence in sentences:
        assert any(sentence in line for line in lines), sentence
    assert Counter(" ".join(r.text.split()) for r in cleaned.removed) == Counter(" ".join(i.split()) for i in injected)
    kept = cjk_counter(cleaned.text) + cjk_counter("".join(r.text for r in cleaned.removed))
    assert kept == cjk_counter(text)
