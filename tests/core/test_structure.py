"""Structure detection on the real sample report and on the demo report rendered as plain text."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from fazhi_desktop.core.cleanup import cjk_counter
from fazhi_desktop.core.model import BlockKind, ChapterRole, Report, Unit
from fazhi_desktop.core.numbering import block_numbers, chapter_number
from fazhi_desktop.core.schema import format_date_cn
from fazhi_desktop.core.structure import Detected, detect_text
from tests.conftest import SAMPLE_TXT
from tests.helpers import sample_path


def render_plain(report: Report | Detected, title: str | None = None) -> str:
    """The report as a clerk would copy it out of Word: one paragraph per line, numbers typed."""
    lines = [title if title is not None else report.title]
    if report.addressee:
        lines.append(f"{report.addressee}：")
    lines += [p for p in report.opening.split("\n") if p]
    number_chapters = report.number_chapters
    for index, chapter in enumerate(report.chapters):
        lines.append((chapter_number(index) if number_chapters else "") + chapter.title)
        lines += [p for p in chapter.lead.split("\n") if p]
        for block, number in zip(chapter.blocks, block_numbers(chapter.blocks), strict=True):
            paragraphs = block.paragraphs()
            if block.run_in:
                lines.append(number + block.heading + (paragraphs[0] if paragraphs else ""))
                lines += paragraphs[1:]
            else:
                if number or block.heading:
                    lines.append(number + block.heading)
                lines += paragraphs
    if report.closing:
        lines.append(report.closing)
    lines += list(report.signatories)
    if report.date:
        lines.append(format_date_cn(report.date))
    return "\n".join(lines)


@pytest.fixture(scope="module")
def sample() -> Detected:
    return detect_text(sample_path().read_text(encoding="utf-8"))


def _kinds(chapter_blocks: tuple, kind: BlockKind) -> list:  # type: ignore[type-arg]
    return [b for b in chapter_blocks if b.kind is kind]


def test_sample_title_unit_year(sample: Detected) -> None:
    assert sample.title == "千佛镇2021年度法治政府建设情况报告"  # split over two lines, stray space gone
    assert (sample.unit_name, sample.year) == ("千佛镇", 2021)
    assert sample.opening.startswith("千佛镇高度重视法治政府建设工作")
    assert sample.to_report(Unit.from_short_name("千佛镇"), 2021).title_override == ""


def test_sample_chapters_roles_and_sections(sample: Detected) -> None:
    assert [c.title for c in sample.chapters] == [
        "法治政府建设主要负责人履职情况", "2021年工作开展主要举措和成效", "工作存在不足及原因", "下一步工作打算",
    ]
    assert [c.role for c in sample.chapters] == [
        ChapterRole.PRINCIPAL_DUTY, ChapterRole.MEASURES, ChapterRole.SHORTCOMINGS, ChapterRole.NEXT_YEAR,
    ]
    assert [len(_kinds(c.blocks, BlockKind.SECTION)) for c in sample.chapters] == [3, 5, 0, 2]
    assert [len(_kinds(c.blocks, BlockKind.ITEM)) for c in sample.chapters] == [0, 8, 3, 0]
    assert sample.number_chapters


def test_sample_repairs_the_two_lost_section_numbers(sample: Detected) -> None:
    measures, next_year = sample.chapters[1], sample.chapters[3]
    assert measures.blocks[0].kind is BlockKind.SECTION
    assert measures.blocks[0].heading == "强化组织领导，依法执政水平不断提升"
    assert measures.blocks[0].body.startswith("我镇党委政府把依法行政工作列入")
    assert next_year.blocks[1].heading == "加强创新意识，提高工作效果"
    assert next_year.blocks[1].body.startswith("首先，切实加强法治宣传氛围的营造")
    repaired = [n for n in sample.notes if "原文缺少编号" in n]
    assert len(repaired) == 2 and "（一）" in repaired[0] and "（二）" in repaired[1]


def test_sample_items_under_second_section_with_run_in_headings(sample: Detected) -> None:
    blocks = sample.chapters[1].blocks
    start = next(i for i, b in enumerate(blocks) if b.heading.startswith("坚持依法行政，努力"))
    items = []
    for block in blocks[start + 1:]:
        if block.kind is not BlockKind.ITEM:
            break
        items.append(block)
    assert [b.heading for b in items] == [
        "坚持民主集中制，健全决策机制。", "坚持党务公开，加强党风廉政建设。", "坚持依法行政，提升建设水平。",
        "强化廉政建设，推进依法执政。", "抓好社会综合治理工作。", "加强突发事件应对能力建设。",
    ]
    assert all(b.run_in for b in items)
    # lines broken mid-sentence by the PDF are joined again
    assert "重大决策征求意见制度、决策失误责任追究制度，进一步健全了党政主要领导" in items[1].body
    assert "党委依法执政能力得到了进一步提高。" in items[1].body


def test_sample_loses_no_text(sample: Detected) -> None:
    """Every Chinese character of the original is in the imported report; the only additions are
    the two section numbers that were missing in the original."""
    original = cjk_counter(SAMPLE_TXT.read_text(encoding="utf-8"))
    imported = cjk_counter(render_plain(sample))
    assert original - imported == Counter()
    assert imported - original == Counter({"一": 1, "二": 1})


def test_sample_has_no_broken_lines_or_stray_spaces(sample: Detected) -> None:
    paragraphs = [sample.opening]
    for chapter in sample.chapters:
        paragraphs += [chapter.lead] if chapter.lead else []
        for block in chapter.blocks:
            paragraphs += block.paragraphs()
    for paragraph in paragraphs:
        assert paragraph.endswith(("。", "：", "；")), paragraph
        assert not re.search(r"[\u4e00-\u9fff，。] |[ ][\u4e00-\u9fff]", paragraph), paragraph
    assert "发放各类普法宣传资料6000多份" in render_plain(sample)


def _shape(report: Report | Detected) -> list[object]:
    return [
        report.title, report.addressee, report.opening, report.closing, report.signatories, report.date,
        [(c.role, c.title, c.lead, [(b.kind, b.heading, b.body, b.run_in) for b in c.blocks])
         for c in report.chapters],
    ]


def test_demo_report_round_trip(demo_report: Report) -> None:
    """Rendered with its derived numbering and imported again, the demo keeps its structure."""
    detected = detect_text(render_plain(demo_report))
    assert detected.unit_name == demo_report.unit.short_name and detected.year == demo_report.year
    again = detected.to_report(demo_report.unit, demo_report.year)
    assert _shape(again) == _shape(demo_report)
    assert not [n for n in detected.notes if "编号" in n]


def test_round_trip_of_the_imported_sample_is_stable(sample: Detected) -> None:
    again = detect_text(render_plain(sample))
    assert _shape(again) == _shape(sample)
    assert not [n for n in again.notes if "缺少编号" in n]


@pytest.mark.parametrize(("head", "title", "preamble"), [
    (["县交通运输局2025年度", "法治政府建设情况报告"], "县交通运输局2025年度法治政府建设情况报告", ""),
    (["千佛镇", "2025年度法治政府建设情况报告"], "千佛镇2025年度法治政府建设情况报告", ""),
    (["中共千佛镇委员会", "千佛镇人民政府关于2025年度", "法治政府建设情况的报告"],
     "中共千佛镇委员会千佛镇人民政府关于2025年度法治政府建设情况的报告", ""),
    # a complete title keeps what stands above it out of the title
    (["千佛镇人民政府", "千佛镇2025年度法治政府建设情况报告"], "千佛镇2025年度法治政府建设情况报告", "千佛镇人民政府"),
    (["千佛镇人民政府文件", "千政发〔2026〕3号", "关于2025年度法治政府建设情况的报告"],
     "关于2025年度法治政府建设情况的报告", ""),
])
def test_a_title_broken_over_lines_is_put_together(head: list[str], title: str, preamble: str) -> None:
    body = ("县委、县人民政府：\n2025年，我镇深入推进法治政府建设，现将有关情况报告如下：\n"
            "一、主要举措和成效\n（一）加强组织领导\n全年召开专题会4次。")
    detected = detect_text("\n".join([*head, body]))
    assert detected.title == title
    assert detected.opening.startswith(preamble) and detected.opening.endswith("报告如下：")
