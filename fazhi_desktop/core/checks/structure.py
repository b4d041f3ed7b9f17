"""Structure: title, 落款, statutory chapters, empty chapters, chapter years, typed numbers, length."""

from __future__ import annotations

import re
from collections.abc import Iterator

from fazhi_desktop.core.checks.context import CheckContext
from fazhi_desktop.core.checks.finding import Field, Finding, Severity, TextUnit, report_unit
from fazhi_desktop.core.headings import TERMINAL
from fazhi_desktop.core.model import ChapterRole
from fazhi_desktop.core.numbering import chapter_number

REQUIRED_ROLES = (ChapterRole.MEASURES, ChapterRole.SHORTCOMINGS, ChapterRole.PRINCIPAL_DUTY,
                  ChapterRole.NEXT_YEAR)
# A number typed at the start of a heading: 一、 / （一） / (一)、 / 1. / 1、 / （1）
TYPED_NUMBER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．，,]|[（(][一二三四五六七八九十\d]+[）)][、.．]?|\d+[.．、](?!\d))\s*")
YEAR = re.compile(r"(?<!\d)(20\d{2})(?=年)")
_THIS_YEAR = re.compile(r"今年")
# "2025年，我乡将……": a paragraph or sentence of the 下一年度 chapter that starts with the year it is about.
_PLAN_START = re.compile(
    r"(?:^|(?<=[\n。！？；]))[ \u3000]*(20\d{2})(?=年度?(?:[，,]|我|全|本|将|要|是|继续|重点|镇|乡|街道))")
_PLAN_YEAR = re.compile(r"(?<!\d)(20\d{2})(?=年度?(?:工作安排|主要安排|工作打算|工作计划|工作思路|重点工作安排))")
_OTHER_EMPTY = "无其他需要报告的情况。"


def check_structure(ctx: CheckContext) -> Iterator[Finding]:
    yield from _title(ctx)
    yield from _signoff(ctx)
    yield from _chapters(ctx)
    yield from _empty_blocks(ctx)
    yield from _run_in_headings(ctx)
    yield from _typed_numbers(ctx)
    yield from _years(ctx)
    yield from _length(ctx)


def _title(ctx: CheckContext) -> Iterator[Finding]:
    title = ctx.units[0]
    text = title.text
    years = [int(m.group(1)) for m in YEAR.finditer(text)]
    if not years:
        yield title.finding("structure.title_year", Severity.ERROR, 0, len(text),
                            f"标题中没有报告年度，应写明“{ctx.year}年度”")
    for match in YEAR.finditer(text):
        if int(match.group(1)) != ctx.year:
            yield title.match("structure.title_year", Severity.ERROR, match,
                              f"标题中的年份与报告年度{ctx.year}年不一致", fix=str(ctx.year), group=1)
    if "法治政府建设" not in text and "法治建设" not in text:
        yield title.finding("structure.title_subject", Severity.WARNING, 0, len(text),
                            "标题中应有“法治政府建设”字样（如“××镇2021年度法治政府建设情况报告”）")
    if "报告" not in text:
        yield title.finding("structure.title_subject", Severity.WARNING, 0, len(text),
                            "标题应以“报告”或“情况的报告”结尾")


def _signoff(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    if not report.addressee.strip():
        yield _at(Field.ADDRESSEE, "structure.addressee", Severity.WARNING,
                  "未填写主送机关（如“中共××县委、××县人民政府”）")
    if not report.closing.strip():
        yield TextUnit(Field.CLOSING, "").finding("structure.closing", Severity.INFO, 0, 0,
                                                  "缺少结束语，报告一般以“特此报告。”结束", fix="特此报告。")
    if not any(s.strip() for s in report.signatories):
        yield _at(Field.SIGNATORIES, "structure.signatory", Severity.ERROR,
                  "缺少落款机关（署名），联合行文时为党委和政府两个机关")
    if report.date is None:
        yield _at(Field.DATE, "structure.date", Severity.ERROR, "缺少成文日期")
        return
    year_end = report.date.replace(year=ctx.year, month=12, day=31)
    if report.date <= year_end:
        yield _at(Field.DATE, "structure.date", Severity.WARNING,
                  f"成文日期早于{ctx.year}年12月31日，年度报告应在年度结束后成文")
    elif report.date.year > ctx.year + 1:
        yield _at(Field.DATE, "structure.date", Severity.ERROR,
                  f"成文日期不在{ctx.year + 1}年，与报告年度{ctx.year}年不符")
    elif report.date > report.deadlines[0]:
        yield _at(Field.DATE, "structure.date", Severity.INFO,
                  f"成文日期晚于报送期限{ctx.year + 1}年3月1日")


def _at(field: Field, rule: str, severity: Severity, message: str) -> Finding:
    return TextUnit(field, "").finding(rule, severity, 0, 0, message)


def _chapters(ctx: CheckContext) -> Iterator[Finding]:
    report = ctx.report
    roles = {c.role for c in report.chapters}
    # Variant C folds the 第一责任人 part into a sub-section of another chapter (domain.md §2.3).
    folded = any(u.field in (Field.HEADING, Field.CHAPTER_TITLE) and "第一责任人" in u.text for u in ctx.units)
    for role in REQUIRED_ROLES:  # every missing part, each its own finding (and its own 忽略)
        if role in roles or (role is ChapterRole.PRINCIPAL_DUTY and folded):
            continue
        yield Finding("structure.missing_role", Severity.WARNING, report_unit().at(0), role.label,
                      f"缺少法定内容“{role.label}”（《法治政府建设与责任落实督察工作规定》要求的年度报告内容）")
    for unit in ctx.units:
        if unit.field is not Field.CHAPTER_LEAD or unit.chapter is None:
            continue
        chapter = report.chapters[unit.chapter]
        has_text = chapter.lead.strip() or any(b.heading.strip() or b.body.strip() for b in chapter.blocks)
        if has_text:
            continue
        name = f"{chapter_number(unit.chapter)}{chapter.title}"
        if chapter.role is ChapterRole.OTHER:
            yield unit.finding("structure.empty_chapter", Severity.WARNING, 0, 0,
                               f"“{name}”没有内容；没有需要报告的情况时写“{_OTHER_EMPTY}”", fix=_OTHER_EMPTY)
        else:
            yield unit.finding("structure.empty_chapter", Severity.ERROR, 0, 0, f"“{name}”还没有内容")


def _empty_blocks(ctx: CheckContext) -> Iterator[Finding]:
    """A heading with neither text nor sub-items under it (a template line not yet written)."""
    for unit in ctx.units:
        if unit.field is not Field.HEADING or unit.chapter is None or unit.block is None:
            continue
        blocks = ctx.report.chapters[unit.chapter].blocks
        block = blocks[unit.block]
        following = blocks[unit.block + 1] if unit.block + 1 < len(blocks) else None
        has_children = following is not None and following.level > block.level
        heading = block.heading.strip()
        is_sentence = heading.endswith("。") and "，" in heading  # the item's content is its heading
        if block.kind.numbered and heading and not block.body.strip() and not has_children and not is_sentence:
            yield unit.finding("structure.empty_block", Severity.WARNING, 0, len(unit.text),
                               f"小标题“{_clip(block.heading)}”下面还没有内容")


RUN_IN_END = TERMINAL  # what may end a run-in heading


def _run_in_headings(ctx: CheckContext) -> Iterator[Finding]:
    """A 接排 heading prints at the start of its first paragraph: without a full stop it runs on."""
    for unit in ctx.units:
        if unit.field is not Field.HEADING or unit.chapter is None or unit.block is None:
            continue
        block = ctx.report.chapters[unit.chapter].blocks[unit.block]
        heading = unit.text.rstrip()
        if not (block.run_in and block.kind.numbered and heading and block.body.strip()):
            continue
        if heading.endswith(tuple(RUN_IN_END)):
            continue
        end = len(heading)
        start = end - 1 if heading[-1] in "，,、" else end  # a trailing comma becomes the full stop
        yield unit.finding("structure.run_in_punct", Severity.WARNING, start, end,
                           f"接排标题“{_clip(heading)}”末尾没有标点，会与后面的正文连在一起，应加“。”", fix="。")


def _clip(text: str, width: int = 16) -> str:
    return text if len(text) <= width else text[:width] + "…"


def _typed_numbers(ctx: CheckContext) -> Iterator[Finding]:
    """Numbers are generated; a number typed into a heading is printed twice."""
    for unit in ctx.units:
        if unit.field is Field.HEADING or (unit.field is Field.CHAPTER_TITLE and ctx.report.number_chapters):
            match = TYPED_NUMBER.match(unit.text)
            if match and match.end() < len(unit.text):
                yield unit.match(
                    "structure.typed_number", Severity.ERROR, match,
                    f"标题前手工输入了编号“{match.group(0).strip()}”；编号由程序自动生成，导出后会重复", fix="")


def _years(ctx: CheckContext) -> Iterator[Finding]:
    """Chapter titles and leads must be about the right year; "今年" is ambiguous."""
    for unit in ctx.units:
        if unit.field in (Field.CHAPTER_TITLE, Field.CHAPTER_LEAD) and unit.role in (
                ChapterRole.MEASURES, ChapterRole.SHORTCOMINGS, ChapterRole.NEXT_YEAR):
            expected = ctx.year + 1 if unit.in_next_year else ctx.year
            for match in YEAR.finditer(unit.text):
                if unit.field is Field.CHAPTER_LEAD and match.start() > 0:
                    continue  # only the year the lead starts with is the chapter's year
                if int(match.group(1)) != expected:
                    what = "下一年度安排应为" if unit.in_next_year else "本章应写"
                    yield unit.match("structure.chapter_year", Severity.ERROR, match,
                                     f"年份有误：{what}{expected}年（报告年度{ctx.year}年）",
                                     fix=str(expected), group=1)
        if unit.in_next_year and unit.field in (Field.CHAPTER_LEAD, Field.HEADING, Field.BODY):
            yield from _next_year_text(ctx, unit)
        if unit.text and unit.field is not Field.TITLE:
            for match in _PLAN_YEAR.finditer(unit.text):
                if int(match.group(1)) != ctx.year + 1:
                    yield unit.match("structure.plan_year", Severity.ERROR, match,
                                     f"下一年度应为{ctx.year + 1}年（报告年度{ctx.year}年）",
                                     fix=str(ctx.year + 1), group=1)
        if unit.text and not unit.in_next_year and unit.field is not Field.TITLE:
            for match in _THIS_YEAR.finditer(unit.text):
                yield unit.match("structure.this_year", Severity.INFO, match,
                                 f"报告写于{ctx.year + 1}年，“今年”指代不明，建议写明“{ctx.year}年”",
                                 fix=f"{ctx.year}年")


def _next_year_text(ctx: CheckContext, unit: TextUnit) -> Iterator[Finding]:
    """Text of the 下一年度 chapter about another year than the report year + 1 ("2025年，我乡将……" in 2023)."""
    expected = ctx.year + 1
    for match in _PLAN_START.finditer(unit.text):
        if unit.field is Field.CHAPTER_LEAD and match.start(1) == len(unit.text) - len(unit.text.lstrip()):
            continue  # the lead's first year is the chapter's year (structure.chapter_year)
        if int(match.group(1)) != expected:
            yield unit.match("structure.next_year_text", Severity.ERROR, match,
                             f"下一年度安排应写{expected}年，这里写的是{match.group(1)}年（报告年度{ctx.year}年）",
                             fix=str(expected), group=1)


def _length(ctx: CheckContext) -> Iterator[Finding]:
    count = ctx.report.char_count()
    opts = ctx.options
    whole = report_unit()
    if count < opts.min_chars:
        yield whole.finding("structure.length", Severity.INFO, 0, 0,
                            f"全文{count}字，少于{opts.min_chars}字，内容可能过于简略")
    elif count > opts.max_chars:
        yield whole.finding("structure.length", Severity.INFO, 0, 0,
                            f"全文{count}字，多于{opts.max_chars}字，建议精简")
