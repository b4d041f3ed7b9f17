"""The page plan as data (pages → rows → runs), the 落款 plan, tables and the 版记's place."""

from __future__ import annotations

from dataclasses import replace

from fazhi_desktop.core.model import Report
from fazhi_desktop.export import ExportOptions
from fazhi_desktop.export.attachments import attachment_items, split_merges_at_pages
from fazhi_desktop.export.blocks import SectionBreak, TableBlock
from fazhi_desktop.export.flow import PStyle
from fazhi_desktop.export.geometry import LINE, TEXT_H
from fazhi_desktop.export.options import Attachment, AttachmentTable
from fazhi_desktop.export.paginate import lo_twips, paginate
from fazhi_desktop.export.preflight import preflight
from tests.export.conftest import statistics_attachment
from tests.export.reports import length_variant, long_report


def test_pages_rows_and_runs_of_the_demo(demo_report: Report) -> None:
    plan = preflight(demo_report, ExportOptions(red_header=True))
    first = plan.layout.pages[0]
    assert first.number == 1 and first.footer_side == "right" and first.footer_text == "— 1 —"
    mark = first.rows[1]
    assert mark.role == "mark" and mark.runs[0].color == "FF0000" and mark.runs[0].half_points > 44
    rule = next(r for r in first.rows if r.rule_color)
    assert rule.rule_color == "FF0000"
    title = next(r for r in first.rows if r.role == "title")
    centre = title.runs[0].x + sum(r.width for r in title.runs) / 2
    assert abs(centre - 442.25 / 2) < 1.0  # centred on the type area
    body = next(r for r in first.rows if r.role == "body")
    assert abs(body.runs[0].x - 31.5) < 0.01 and body.justify  # 2 characters in, a full justified line
    assert all(r.bottom <= TEXT_H for p in plan.layout.pages for r in p.rows)
    seal_page = next(p for p in plan.layout.pages if p.seals)
    date = next(r for r in seal_page.rows if r.role == "date")
    organ = next(r for r in seal_page.rows if r.role == "signature")
    assert [r.text for r in organ.runs] == ["中共示例镇委员会", "示例镇人民政府"]  # joint issue: two seals
    assert len(seal_page.seals) == 2
    for seal, name in zip(seal_page.seals, organ.runs, strict=True):
        assert date.y - LINE < seal.y < date.bottom  # the seal presses on the organ name and the date
        assert abs(seal.x - (name.x + name.width / 2)) < 0.5
    assert seal_page.seals[1].x - seal_page.seals[0].x >= 2 * seal_page.seals[0].radius  # not overlapping
    date_centre = date.runs[0].x + sum(r.width for r in date.runs) / 2
    # the second name is centred over the date as gbt9704.md §6.2 counts widths (digits ½ a character; the
    # space the renderers put around digits is not counted): within 3 mm
    assert abs(seal_page.seals[1].x - date_centre) < 8.5


def test_the_seal_page_always_carries_two_text_lines() -> None:
    for k in range(0, 60, 3):
        plan = preflight(length_variant(k))
        page = next(p for p in plan.layout.pages if any(r.role == "date" for r in p.rows))
        assert sum(1 for r in page.rows if r.is_text) >= 2, k
        before = [p for p in plan.layout.pages if p.index < page.index]
        if len(before) > 1:
            assert before[-1].short_rows() <= 2.05, (k, plan.notes)


def test_imprint_on_an_even_page_with_a_real_blank_page_when_needed() -> None:
    for k in range(0, 60, 4):
        plan = preflight(length_variant(k), ExportOptions(imprint=True))
        assert plan.pages % 2 == 0
        last = plan.layout.pages[-1]
        imprint = [r for r in last.rows if r.kind == "imprint"]
        assert imprint and TEXT_H - imprint[-1].bottom < LINE
        breaks = [i for i in plan.items if isinstance(i, SectionBreak)]
        if breaks and not breaks[0].numbered:  # a blank page first: neither it nor the 版记 page numbered
            assert plan.layout.pages[-2].blank and plan.layout.pages[-2].number is None and last.number is None


def test_table_rows_repeat_the_header_and_categories_restart_per_page() -> None:
    rows = tuple((str(i + 1), "组织领导" if i % 30 == 0 else "", f"指标{i + 1}", "1", "") for i in range(60))
    table = AttachmentTable(("序号", "类别", "指标", "数值", "备注"), rows, col_widths=(0.8, 1.6, 3.5, 1.6, 1.6),
                            merge_columns=(1,))
    items = attachment_items((Attachment("统计表", (), table),))
    index = next(i for i, item in enumerate(items) if isinstance(item, TableBlock))
    layout = paginate(items)
    block = split_merges_at_pages(items[index], index, layout)  # type: ignore[arg-type]
    pages = [p for p in layout.pages if any(r.item == index for r in p.rows)]
    assert len(pages) >= 3
    for page in pages:
        table_rows = [r for r in page.rows if r.item == index]
        assert table_rows[0].part == 0  # the header row first on every page
        first = table_rows[1].part
        assert block.rows[first].cells[1].merge in ("restart", "")  # the group named again at the page top
        assert block.rows[first].cells[1].text == "组织领导"


def test_statistics_attachment_and_the_typed_note(demo_report: Report) -> None:
    plan = preflight(long_report(), ExportOptions(attachments=(statistics_attachment(),)))
    notes = [i for i in plan.items if getattr(i, "style", None) is PStyle.ATTACH_NOTE]
    assert [n.text for n in notes] == ["附件：示例镇2025年度行政执法和行政争议情况统计表"]


def test_exact_heights_as_libreoffice_rounds_them() -> None:
    assert lo_twips(579) == 579 and lo_twips(671) == 672 and lo_twips(549) == 549


def test_warnings(demo_report: Report) -> None:
    assert preflight(demo_report).warnings == ()
    plan = preflight(replace(demo_report, date=None, signatories=(), doc_number="", signer=""),
                     ExportOptions(red_header=True))
    expected = ["未填写成文日期：", "未填写落款机关：", "版头没有发文字号", "版头没有签发人："]
    assert [w[:8] for w in plan.warnings] == expected
    assert preflight(replace(demo_report, date=None), ExportOptions(web=True)).warnings[0].startswith("未填写成文日期")


def test_run_in_punctuation_is_the_same_everywhere() -> None:
    from fazhi_desktop.core.checks.structure import RUN_IN_END as CHECK
    from fazhi_desktop.core.headings import TERMINAL
    from fazhi_desktop.export.body import RUN_IN_END as EXPORT

    assert TERMINAL == CHECK == EXPORT
