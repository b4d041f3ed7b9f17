"""Checking a file reads it as import does (importers.load): the parts of a plain report, and what the text as
typed got wrong that the import repairs — lost numbers, （一）、, 一. , a non-standard 成文日期."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi_desktop.core.checks import Finding
from fazhi_desktop.core.checks.source import ingest_findings
from fazhi_desktop.core.model import BlockKind, ChapterRole, Report
from fazhi_desktop.importers.load import import_text

TEXT = """某某镇2023年度法治政府建设
情况报告
中共某县委、某县人民政府：
2023年，某某镇认真落实法治政府建设各项任务。现将有关情况报告如下：
一、主要举措和成效
（一）、加强领导
全年召开专题会议研究法治建设4次，研究解决村级法律顾问经费等问
题6个。
严格规范执法
全年办理行政处罚案件21件，未发生行政复议被纠错和行政诉讼败诉案件。
（三）深化普法
1、开展宪法宣传。全年开展宪法宣传活动8场。
二. 存在的不足和原因
执法力量不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
书记亲自部署。
四、2024年度主要安排
2025年，某某镇将持续深化普法。
特此报告。
中共某某镇委员会　　　某某镇人民政府
2024年01月09日
"""


def _read(text: str, year: int = 2023) -> tuple[Report, list[Finding]]:
    imported = import_text(text)
    report = imported.report(year=year)
    return report, ingest_findings(imported.detected.issues, report)


def test_the_parts_of_a_plain_text_report() -> None:
    report, _ = _read(TEXT)
    assert report.title == "某某镇2023年度法治政府建设情况报告" and report.unit.short_name == "某某镇"
    assert report.addressee == "中共某县委、某县人民政府"
    assert report.opening.startswith("2023年，某某镇")
    assert [c.role for c in report.chapters] == [ChapterRole.MEASURES, ChapterRole.SHORTCOMINGS,
                                                 ChapterRole.PRINCIPAL_DUTY, ChapterRole.NEXT_YEAR]
    assert [(b.kind, b.heading) for b in report.chapters[0].blocks] == [
        (BlockKind.SECTION, "加强领导"), (BlockKind.SECTION, "严格规范执法"), (BlockKind.SECTION, "深化普法"),
        (BlockKind.ITEM, "开展宪法宣传。")]
    assert report.chapters[0].blocks[0].body == "全年召开专题会议研究法治建设4次，研究解决村级法律顾问经费等问题6个。"
    assert (report.closing, report.signatories, report.date) == (
        "特此报告。", ("中共某某镇委员会", "某某镇人民政府"), dt.date(2024, 1, 9))


def test_what_the_import_repairs_is_still_reported() -> None:
    _, findings = _read(TEXT)
    by_rule = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    punct = [f.message for f in by_rule["numbering.punct"]]
    for start in ("“（一）”后不加标点", "三级序号应写作“1.”", "一级序号后应为顿号“、”"):
        assert any(m.startswith(start) for m in punct), start
    [lost] = by_rule["numbering.gap"]
    assert "“严格规范执法”前缺少“（二）”" in lost.message and (lost.location.chapter, lost.location.block) == (0, 1)
    [date] = by_rule["structure.date_format"]
    assert date.text == "2024年01月09日" and date.fix == "2024年1月9日" and date.location.field.value == "date"
    [plan] = by_rule["structure.next_year_text"]
    assert plan.text == "2025" and plan.fix == "2024"
    assert not {"structure.signatory", "structure.closing", "structure.date"} & set(by_rule)


@pytest.mark.parametrize(("typed", "fine"), [
    ("2024年1月9日", True), ("2024年01月09日", False), ("2024-01-09", False), ("2024.1.9", False),
    ("二〇二四年一月九日", False)])
def test_every_way_of_writing_the_date(typed: str, fine: bool) -> None:
    report, findings = _read(TEXT.replace("2024年01月09日", typed))
    assert report.date == dt.date(2024, 1, 9)
    assert any(f.rule == "structure.date_format" for f in findings) is not fine


def test_odd_text_is_read_without_loss() -> None:
    report, _ = _read("\x00标题\r\n一、章\r\n正文。", 2021)
    assert report.chapters[0].blocks[0].body == "正文。"
