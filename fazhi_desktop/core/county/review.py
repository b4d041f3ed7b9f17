"""审核意见: the county office's review of one unit's report, as a report of its own so that the Word export
lays it out as a GB/T 9704 document (title, 主送机关, numbered parts, 落款 for the seal, date).

关于XX镇2025年度法治政府建设情况报告的审核意见 — 一、报送情况; 二、需要修改的问题 (each finding with its
place, the text and the suggested correction, grouped by chapter); 三、缺少的法定内容; 四、数据指标问题.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from fazhi_desktop.core.checks.describe import describe_location
from fazhi_desktop.core.checks.finding import Field, Finding, Severity, clause_around, text_units
from fazhi_desktop.core.county.status import UnitStatus
from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole, Report, SealMode, Unit
from fazhi_desktop.core.schema import format_date_cn

_DATA_RULES = ("figures.",)
_MISSING_RULES = ("structure.missing_role",)


@dataclass(frozen=True)
class ReviewSummary:
    problems: int
    missing: int
    figures: int

    def text(self) -> str:
        if not (self.problems or self.missing or self.figures):
            return "未发现需要修改的问题"
        parts = [f"问题{self.problems}处"] if self.problems else []
        parts += [f"缺少法定内容{self.missing}项"] if self.missing else []
        parts += [f"数据问题{self.figures}处"] if self.figures else []
        return "，".join(parts)


def review_title(unit: Unit, year: int) -> str:
    return f"关于{unit.short_name}{year}年度法治政府建设情况报告的审核意见"


def _texts(report: Report) -> dict[tuple[Field, int | None, int | None], str]:
    return {(u.field, u.chapter, u.block): u.text for u in text_units(report)}


_ADVICE = re.compile(r"((?:应|建议|请)[^。；]*)")


def _suggestion(finding: Finding) -> str:
    if finding.fix is None:
        advice = _ADVICE.search(finding.message)
        return f"{advice.group(1).rstrip('，')}。" if advice else "请核实后修改。"
    if finding.fix == "":
        return f"删除“{finding.text}”。"
    return f"将“{finding.text}”改为“{finding.fix}”。"


def _finding_block(finding: Finding, report: Report, texts: dict[tuple[Field, int | None, int | None], str]) -> Block:
    where = describe_location(finding.location, report, with_offset=False)
    if finding.location.chapter is not None and " › " in where:  # the chapter is the group's heading already
        where = where.split(" › ", 1)[1]
    elif finding.location.field is Field.REPORT:
        where = finding.text if finding.rule.startswith(_DATA_RULES) and finding.text else "全文"
    lines = []
    text = texts.get(finding.location.unit_key, "")
    if finding.text and text:
        start = finding.location.offset
        clause = clause_around(text, start, start + len(finding.text)).strip()
        lines.append(f"原文：“{clause[:120]}{'……' if len(clause) > 120 else ''}”")
    lines.append(f"问题：{finding.message.removeprefix('数据指标：').rstrip('。')}。")
    lines.append(f"修改建议：{_suggestion(finding)}")
    return Block(BlockKind.ITEM, f"［{finding.severity.value}］{where}", "\n".join(lines))


def _group_name(finding: Finding, report: Report) -> str:
    chapter = finding.location.chapter
    if finding.location.field is Field.REPORT:
        return "数据指标表" if finding.rule.startswith(_DATA_RULES) else "报告整体"
    if chapter is None or not 0 <= chapter < len(report.chapters):
        return "标题、主送机关、开头段、结束语和落款"
    return f"第{'一二三四五六七八九十'[chapter] if chapter < 10 else chapter + 1}部分“{report.chapters[chapter].title}”"


def _problems(findings: Sequence[Finding], report: Report) -> list[Block]:
    texts = _texts(report)
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(_group_name(finding, report), []).append(finding)
    blocks: list[Block] = []
    for name, group in groups.items():
        blocks.append(Block(BlockKind.SECTION, name))
        blocks += [_finding_block(f, report, texts) for f in group]
    return blocks


def _submission_text(status: UnitStatus, report: Report) -> str:
    deadline = status.submit.deadline
    if status.received is None:
        when = "已收到（未记录收到日期）"
    elif status.submit.late_days:
        when = (f"于{format_date_cn(status.received)}报送，比规定的{format_date_cn(deadline)}"
                f"逾期{status.submit.late_days}天")
    else:
        when = f"于{format_date_cn(status.received)}报送，符合{deadline.month}月{deadline.day}日前报送的要求"
    m = status.metrics
    size = f"报告约{m.pages}页、{m.chars}字。" if m is not None else ""
    return f"你单位《{report.title}》{when}。{size}"


def review_report(report: Report, findings: Sequence[Finding], status: UnitStatus, office: str,
                  on: dt.date) -> tuple[Report, ReviewSummary]:
    """The review note of ``report`` (its check ``findings`` already filtered by severity)."""
    data = [f for f in findings if f.rule.startswith(_DATA_RULES)]
    missing = [f for f in findings if f.rule in _MISSING_RULES]
    problems = [f for f in findings if f not in data and f not in missing]
    unit = report.unit
    chapters = [Chapter(ChapterRole.CUSTOM, "报送情况", blocks=(Block(BlockKind.PARAGRAPH, body=_submission_text(
        status, report)),))]
    if problems:
        chapters.append(Chapter(ChapterRole.CUSTOM, "需要修改的问题", blocks=tuple(_problems(problems, report))))
    if missing:
        chapters.append(Chapter(ChapterRole.CUSTOM, "缺少的法定内容", blocks=tuple(
            Block(BlockKind.ITEM, f.message.split("（")[0], "修改建议：按《法治政府建设与责任落实督察工作规定》"
                  "补写这一部分；确无内容的，写明“无”。") for f in missing)))
    if data:
        chapters.append(Chapter(ChapterRole.CUSTOM, "数据指标问题", blocks=tuple(_problems(data, report))))
    if len(chapters) == 1:
        chapters.append(Chapter(ChapterRole.CUSTOM, "审核结论", blocks=(Block(
            BlockKind.PARAGRAPH, body="经审核，报告内容完整，未发现需要修改的问题。"),)))
    resubmit = ("请对照以上意见修改完善后重新报送，" if len(chapters) > 2 or problems or missing or data else "")
    publish = f"并按规定于{format_date_cn(status.publish.deadline)}前向社会公开。"
    addressee = "、".join(report.signatories) or unit.full_name
    note = Report(
        unit=Unit(office, office, "", kind=unit.kind), year=report.year, title_override=review_title(unit, report.year),
        addressee=addressee, opening="你单位报送的年度法治政府建设情况报告已收悉。经审核，现提出如下意见：",
        closing=f"{resubmit}{publish}\n特此反馈。", signatories=(office,), date=on, seal=SealMode.SEALED,
        chapters=tuple(chapters))
    return note, ReviewSummary(len(problems), len(missing), len(data))


def wanted(findings: Sequence[Finding], with_info: bool) -> list[Finding]:
    """Errors and warnings (and 提示 when asked)."""
    return [f for f in findings if with_info or f.severity is not Severity.INFO]
