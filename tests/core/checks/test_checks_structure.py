"""Structure rules: title, 落款, statutory chapters, empty chapters, chapter years, typed numbers, length."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from fazhi_desktop.core.checks import CheckOptions, Field, Severity, apply_fixes, check_report
from fazhi_desktop.core.model import Block, BlockKind, ChapterRole, Report


def _rules(report: Report, prefix: str = "structure") -> dict[str, list]:
    out: dict[str, list] = {}
    for f in check_report(report):
        if f.rule.startswith(prefix):
            out.setdefault(f.rule, []).append(f)
    return out


def test_demo_report_is_structurally_complete(demo_report: Report) -> None:
    assert _rules(demo_report) == {}


def test_title_without_year_or_subject(demo_report: Report) -> None:
    report = replace(demo_report, title_override="示例镇人民政府关于法治工作的情况报告")
    rules = _rules(report)
    assert rules["structure.title_year"][0].severity is Severity.ERROR
    assert "法治政府建设" in rules["structure.title_subject"][0].message


def test_title_with_the_wrong_year_is_fixed(demo_report: Report) -> None:
    report = replace(demo_report, title_override="示例镇2024年度法治政府建设情况报告")
    [finding] = _rules(report)["structure.title_year"]
    assert finding.text == "2024" and finding.fix == "2025"
    assert apply_fixes(report, [finding]).title == "示例镇2025年度法治政府建设情况报告"


def test_missing_date_and_signatory_are_errors(demo_report: Report) -> None:
    report = replace(demo_report, date=None, signatories=(), addressee="")
    rules = _rules(report)
    assert rules["structure.date"][0].severity is Severity.ERROR
    assert rules["structure.date"][0].location.field is Field.DATE
    assert rules["structure.signatory"][0].severity is Severity.ERROR
    assert rules["structure.addressee"][0].severity is Severity.WARNING


def test_date_before_the_year_ended_or_in_a_wrong_year(demo_report: Report) -> None:
    early = _rules(replace(demo_report, date=dt.date(2025, 12, 20)))["structure.date"][0]
    assert early.severity is Severity.WARNING
    wrong = _rules(replace(demo_report, date=dt.date(2027, 1, 10)))["structure.date"][0]
    assert wrong.severity is Severity.ERROR
    late = _rules(replace(demo_report, date=dt.date(2026, 3, 20)))["structure.date"][0]
    assert late.severity is Severity.INFO and "3月1日" in late.message


def test_missing_statutory_role(demo_report: Report) -> None:
    report = replace(demo_report, chapters=tuple(
        c for c in demo_report.chapters if c.role is not ChapterRole.SHORTCOMINGS))
    [finding] = _rules(report)["structure.missing_role"]
    assert "存在的不足和原因" in finding.message and finding.severity is Severity.WARNING


def test_principal_duty_folded_into_a_section_is_accepted(demo_report: Report) -> None:
    chapters = [c for c in demo_report.chapters if c.role is not ChapterRole.PRINCIPAL_DUTY]
    measures = chapters[0]
    section = Block(BlockKind.SECTION, heading="履行推进法治建设第一责任人职责", body="书记亲自部署。")
    chapters[0] = replace(measures, blocks=(section, *measures.blocks))
    assert "structure.missing_role" not in _rules(replace(demo_report, chapters=tuple(chapters)))


def test_empty_chapter(demo_report: Report) -> None:
    chapters = list(demo_report.chapters)
    chapters[1] = replace(chapters[1], blocks=(), lead="")
    chapters[4] = replace(chapters[4], blocks=(), lead="")
    report = replace(demo_report, chapters=tuple(chapters))
    empty = {f.location.chapter: f for f in _rules(report)["structure.empty_chapter"]}
    assert empty[1].severity is Severity.ERROR and empty[1].fix is None
    assert empty[4].severity is Severity.WARNING and empty[4].fix == "无其他需要报告的情况。"
    fixed = apply_fixes(report, [empty[4]])
    assert fixed.chapters[4].lead == "无其他需要报告的情况。"
    assert 4 not in {f.location.chapter for f in _rules(fixed).get("structure.empty_chapter", [])}


def test_next_year_chapter_about_the_wrong_year(demo_report: Report) -> None:
    chapters = list(demo_report.chapters)
    chapters[3] = replace(chapters[3], title="2025年度推进法治政府建设的主要安排")
    report = replace(demo_report, chapters=tuple(chapters))
    [finding] = _rules(report)["structure.chapter_year"]
    assert finding.fix == "2026" and finding.location.field is Field.CHAPTER_TITLE
    assert "structure.chapter_year" not in _rules(apply_fixes(report, [finding]))


def test_numbers_typed_into_headings(demo_report: Report) -> None:
    chapters = list(demo_report.chapters)
    blocks = list(chapters[0].blocks)
    blocks[0] = replace(blocks[0], heading="（一）、坚持党的领导，压紧压实法治建设责任")
    chapters[0] = replace(chapters[0], blocks=tuple(blocks), title="一、" + chapters[0].title)
    report = replace(demo_report, chapters=tuple(chapters))
    findings = _rules(report)["structure.typed_number"]
    assert {f.text for f in findings} == {"（一）、", "一、"}
    assert all(f.severity is Severity.ERROR for f in findings)
    fixed = apply_fixes(report, findings)
    assert fixed.chapters[0].blocks[0].heading == "坚持党的领导，压紧压实法治建设责任"
    assert fixed.chapters[0].title == demo_report.chapters[0].title


def test_this_year_is_ambiguous_outside_the_plans(build) -> None:
    report = build("今年以来，共开展活动12场。", 2021)
    [finding] = _rules(report)["structure.this_year"]
    assert finding.fix == "2021年" and finding.severity is Severity.INFO
    plans = build("今年将继续深化普法。", 2021, ChapterRole.NEXT_YEAR)
    assert "structure.this_year" not in _rules(plans)


def test_length_thresholds_are_configurable(demo_report: Report) -> None:
    count = demo_report.char_count()
    assert [f.rule for f in check_report(demo_report, CheckOptions(min_chars=count + 1))
            if f.rule == "structure.length"] == ["structure.length"]
    long = [f for f in check_report(demo_report, CheckOptions(max_chars=count - 1)) if f.rule == "structure.length"]
    assert [f.severity for f in long] == [Severity.INFO]


def test_heading_without_content(demo_report: Report) -> None:
    chapters = list(demo_report.chapters)
    blocks = list(chapters[2].blocks)
    blocks[0] = replace(blocks[0], body="")
    chapters[2] = replace(chapters[2], blocks=tuple(blocks))
    [finding] = _rules(replace(demo_report, chapters=tuple(chapters)))["structure.empty_block"]
    assert finding.location.block == 0 and "带头学法用法" in finding.message
    # A section whose content is its sub-items is not empty (the demo's first section).
    assert demo_report.chapters[0].blocks[0].body == ""


def test_plan_year_in_the_text(build) -> None:
    report = build("2021年工作安排如下：", 2021)
    [finding] = _rules(report)["structure.plan_year"]
    assert finding.fix == "2022" and finding.severity is Severity.ERROR
    assert "structure.plan_year" not in _rules(build("2022年工作安排如下：", 2021))


def test_missing_closing_is_filled_in(demo_report: Report) -> None:
    report = replace(demo_report, closing="")
    [finding] = _rules(report)["structure.closing"]
    assert finding.severity is Severity.INFO
    assert apply_fixes(report, [finding]).closing == "特此报告。"


def test_every_missing_statutory_part_is_listed(demo_report: Report) -> None:
    keep = (ChapterRole.MEASURES, ChapterRole.OTHER)
    report = replace(demo_report, chapters=tuple(c for c in demo_report.chapters if c.role in keep))
    missing = _rules(report)["structure.missing_role"]
    assert [f.text for f in missing] == ["存在的不足和原因", "第一责任人职责履行情况", "下一年度主要安排"]
    assert len({f.key for f in missing}) == 3  # each can be ignored on its own


def test_next_year_text_about_another_year(build) -> None:
    [finding] = _rules(build("2025年，我乡将持续深化法治乡村建设。", 2023, ChapterRole.NEXT_YEAR))[
        "structure.next_year_text"]
    assert finding.text == "2025" and finding.fix == "2024" and finding.severity is Severity.ERROR
    assert "structure.next_year_text" not in _rules(build("2024年，我乡将持续深化法治乡村建设。", 2023,
                                                          ChapterRole.NEXT_YEAR))
    quiet = "落实《法治政府建设实施纲要（2021—2025年）》，到2025年底前完成。"  # a target year, not the plan's year
    assert "structure.next_year_text" not in _rules(build(quiet, 2023, ChapterRole.NEXT_YEAR))
    assert "structure.next_year_text" not in _rules(build("2025年，我乡将持续深化普法。", 2023))  # not the plans


def test_run_in_headings_need_a_full_stop_and_get_one(demo_report: Report) -> None:
    chapter = demo_report.chapters[0]
    blocks = (Block(BlockKind.ITEM, heading="推行“法律明白人”培养工程", body="全镇培养120名。", run_in=True),
              Block(BlockKind.ITEM, heading="健全决策机制，", body="镇党委……", run_in=True),
              Block(BlockKind.ITEM, heading="加强领导。", body="正文。", run_in=True),  # fine
              Block(BlockKind.ITEM, heading="单独成行的标题", body="正文。", run_in=False),  # not run in
              Block(BlockKind.ITEM, heading="没有正文的接排标题", run_in=True))  # prints on its own line
    report = replace(demo_report, chapters=(replace(chapter, blocks=blocks), *demo_report.chapters[1:]))
    found = _rules(report)["structure.run_in_punct"]
    assert [f.location.block for f in found] == [0, 1]
    assert all(f.severity is Severity.WARNING and "应加“。”" in f.message for f in found)
    fixed = apply_fixes(report, found)
    assert [b.heading for b in fixed.chapters[0].blocks[:2]] == ["推行“法律明白人”培养工程。", "健全决策机制。"]
    assert "structure.run_in_punct" not in _rules(fixed)
