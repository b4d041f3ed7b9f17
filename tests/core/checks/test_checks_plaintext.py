"""Reading a plain-text report for ``check FILE`` (numbers kept exactly as typed)."""

from __future__ import annotations

import datetime as dt

from fazhi_desktop.core.checks.plaintext import guess_role, join_broken_lines, report_from_text
from fazhi_desktop.core.model import BlockKind, ChapterRole

TEXT = """某某镇2023年度法治政府建设
情况报告
中共某县委、某县人民政府：
2023年，某某镇认真落实法治政府建设各项任务。现将有关情况报告如下：
一、主要举措和成效
（一）加强领导
全年召开专题会议研究法治建设4次，研究解决问题
6个。
二、存在的不足和原因
执法力量不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
书记亲自部署。
四、2024年度主要安排
持续深化普法。
特此报告。
中共某某镇委员会
某某镇人民政府
2024年1月9日
"""


def test_parts_of_a_plain_text_report() -> None:
    report = report_from_text(TEXT, 2023)
    assert report.title == "某某镇2023年度法治政府建设情况报告"
    assert report.unit.short_name == "某某镇"
    assert report.addressee == "中共某县委、某县人民政府"
    assert report.opening.startswith("2023年，某某镇")
    assert [c.role for c in report.chapters] == [ChapterRole.MEASURES, ChapterRole.SHORTCOMINGS,
                                                 ChapterRole.PRINCIPAL_DUTY, ChapterRole.NEXT_YEAR]
    assert report.chapters[0].title == "一、主要举措和成效" and not report.number_chapters
    assert [b.body for b in report.chapters[0].blocks] == [
        "（一）加强领导", "全年召开专题会议研究法治建设4次，研究解决问题6个。"]
    assert all(b.kind is BlockKind.PARAGRAPH for c in report.chapters for b in c.blocks)
    assert report.closing == "特此报告。"
    assert report.signatories == ("中共某某镇委员会", "某某镇人民政府")
    assert report.date == dt.date(2024, 1, 9)


def test_broken_lines_are_joined_but_headings_are_not() -> None:
    lines = ["全年召开专题会议研究法治建设四次，研究解决村级法律顾问", "经费等问题。", "（二）严格执法"]
    joined = "全年召开专题会议研究法治建设四次，研究解决村级法律顾问经费等问题。"
    assert join_broken_lines(lines) == [joined, "（二）严格执法"]


def test_role_guessing() -> None:
    assert guess_role("三、工作存在不足及原因") is ChapterRole.SHORTCOMINGS
    assert guess_role("四、下一步工作打算") is ChapterRole.NEXT_YEAR
    assert guess_role("五、其他需要报告的情况") is ChapterRole.OTHER
    assert guess_role("一、强化组织领导，夯实法治基础") is ChapterRole.CUSTOM


def test_empty_and_odd_text() -> None:
    assert report_from_text("", 2021).chapters == ()
    report = report_from_text("\x00标题\r\n一、章\r\n正文。", 2021)
    assert report.chapters[0].blocks[0].body == "正文。"
