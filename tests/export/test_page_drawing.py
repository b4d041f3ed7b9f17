"""Issue 20: the page plan carries all a preview needs to draw a page and to open what was clicked —
every character's advance, where each line comes from in the report, table cells and 版记 lines with
their rules — and the problems it knows are marked on their pages."""

from __future__ import annotations

import itertools

import pytest

from fazhi_desktop.core.model import Report
from fazhi_desktop.export import ExportOptions
from fazhi_desktop.export.blocks import ImprintBlock, TableBlock
from fazhi_desktop.export.body import clean
from fazhi_desktop.export.flow import Para, PStyle, Run, Source, body
from fazhi_desktop.export.geometry import LINE, TEXT_H, TEXT_W
from fazhi_desktop.export.pageproblems import page_marks
from fazhi_desktop.export.pages import Page, PageLayout, Row
from fazhi_desktop.export.preflight import Preflight, preflight
from fazhi_desktop.export.rowsource import row_source
from fazhi_desktop.export.sealplan import split_para
from tests.export.conftest import statistics_attachment
from tests.render.reports import case


def _field_text(report: Report, source: Source) -> str:
    if source.field == "title":
        return clean(report.title)
    if source.field in ("addressee", "opening", "closing"):
        return str(getattr(report, source.field))
    assert source.chapter is not None
    chapter = report.chapters[source.chapter]
    if source.field == "chapter_title":
        return chapter.title
    if source.field == "chapter_lead":
        return chapter.lead
    assert source.block is not None
    block = chapter.blocks[source.block]
    return block.heading if source.field == "heading" else block.body


def _line_sources(report: Report, plan: Preflight) -> list[tuple[str, str]]:
    """(row text after the source's start, the field's text at the offset the preview selects)."""
    out = []
    for page in plan.layout.pages:
        for row in page.rows:
            found = row_source(plan, row)
            if found is None or found[0].field in ("signatories", "date", "note", "issuer_mark", "doc_number",
                                                     "signer"):
                continue
            source, offset, length = found
            item = plan.items[row.item]
            assert isinstance(item, Para)
            text = row.text
            if row.part == 0 and source.start:  # the number the export puts before a heading
                text = text[source.start:]
            if source.field == "title":
                text = text.rstrip("，,、；;：:")
            out.append((text[:length] if source.field != "title" else text,
                        _field_text(report, source)[offset:offset + length]))
    return out


@pytest.mark.parametrize("k", [0, 3, 4, 7, 9, 14, 22, 31])
def test_every_line_points_at_its_own_text_in_the_report(k: int) -> None:
    """Clicking a line selects exactly that line's text in its field (also after the 落款 plan split or
    re-pitched the last paragraphs)."""
    c = case(k)
    plan = preflight(c.report, c.options)
    pairs = _line_sources(c.report, plan)
    assert len(pairs) > 20
    # the export may add a mark at the end (主送机关's "：", a run-in heading's "。"): the field has the rest
    wrong = [(a, b) for a, b in pairs if not (a.startswith(b) and len(a) - len(b) <= 1)]
    assert not wrong, wrong[:5]


def test_a_split_paragraph_keeps_where_its_second_part_comes_from() -> None:
    from fazhi_desktop.export.paralayout import para_layout

    para = body("甲乙丙丁戊己庚辛壬癸" * 8, source=Source(0, "body", 1, 2, 10))
    at = para_layout(para).lines[1].start
    head, tail = split_para(para, at)
    assert head.sources == para.sources and tail.text == para.text[at:]
    assert tail.source_at(0) == (Source(0, "body", 1, 2, 10 + at), 10 + at)
    run_in = Para(PStyle.BODY, (Run("1.标题。"), Run("正文第一句。")),
                  sources=(Source(2, "heading", 0, 0, 0), Source(5, "body", 0, 0, 3)))
    assert run_in.source_at(0) == (Source(2, "heading", 0, 0, 0), 0)  # the number: the heading's start
    assert run_in.source_at(7) == (Source(5, "body", 0, 0, 3), 5)
    shifted = [s.shifted(7) for s in run_in.sources]
    assert shifted == [Source(0, "heading", 0, 0, 5), Source(0, "body", 0, 0, 5)]


def test_every_character_has_its_advance_and_full_lines_reach_the_edge(demo_report: Report) -> None:
    plan = preflight(demo_report, ExportOptions(red_header=True, imprint=True))
    for page in plan.layout.pages:
        for row in page.rows:
            for run in row.runs:
                assert len(run.advances) == len(run.text), (run.text, row.role)
                assert abs(sum(run.advances) - run.width) < 1e-6
                xs = run.positions()
                assert all(b >= a for a, b in itertools.pairwise(xs))
            if row.justify:  # a full justified line: what is set fits, what moved down would not have
                end = row.runs[-1].x + row.runs[-1].width
                # (a line-final character sheds its spacing and autospace, up to a couple of points)
                assert TEXT_W / 20 * 0.8 < end <= TEXT_W / 20 + 3.0, row.text


def test_the_signer_ends_at_the_right_tab_and_the_imprint_lines_are_placed(demo_report: Report) -> None:
    plan = preflight(demo_report, ExportOptions(red_header=True, imprint=True))
    first = plan.layout.pages[0]
    number = next(r for r in first.rows if r.role == "doc_number")
    assert [r.text for r in number.runs][-2:] == ["签发人：", "王明"]
    assert abs(number.runs[-1].x + number.runs[-1].width - 27 * 15.75) < 0.01  # 1 character in from the right
    imprint = [r for p in plan.layout.pages for r in p.rows if r.kind == "imprint"]
    cc, printed = imprint
    assert cc.runs[0].text.startswith("抄送：") and cc.runs[0].x == 14.0 and cc.rule_above == 8
    assert printed.runs[0].text == "示例镇党政综合办公室" and printed.runs[0].x == 14.0
    assert abs(printed.runs[1].x + printed.runs[1].width - (TEXT_W - 280) / 20) < 0.01
    assert printed.rule_above == 6 and printed.rule_below == 8 and printed.bottom <= TEXT_H


def test_table_rows_carry_cells_and_merges() -> None:
    import random

    from fazhi_desktop.export.statistics import statistics_attachment as attachment
    from tests.render.reports import statistics as sheet

    table_attachment = attachment(sheet(random.Random(3), 40))
    plan = preflight(case(3).report, ExportOptions(attachments=(statistics_attachment(), table_attachment)))
    table = [r for p in plan.layout.pages for r in p.rows if r.kind == "table"]
    assert table and all(r.borders[0] == 0 and r.borders[-1] == TEXT_W for r in table)
    assert any(r.open_top for r in table)  # a category continued down its group
    for row in table:
        for run in row.runs:
            edges = [e / 20 for e in row.borders]
            cell = next(c for c in range(len(edges) - 1) if edges[c] <= run.x < edges[c + 1])
            assert run.x + run.width <= edges[cell + 1] + 0.01
    assert isinstance(plan.items[table[0].item], TableBlock)


def _plan(pages: list[Page], items: list[object], notes: tuple[str, ...] = ()) -> Preflight:
    return Preflight(tuple(items), PageLayout(tuple(pages)), notes, ())  # type: ignore[arg-type]


def test_problems_are_marked_on_their_pages() -> None:
    heading = Para(PStyle.H2, (Run("（三）标题"),), keep_next=True)
    text = body("正文。")
    rows = [Row(k * LINE, LINE, (), 1, "text", k, "body", is_text=True) for k in range(10)]
    rows = [r._replace(runs=(replace_run("正文"),)) for r in rows]
    foot = Row(10 * LINE, LINE, (replace_run("（三）标题"),), 0, "text", 0, "h2")
    pages = [Page(1, 1, (*rows, foot)), Page(2, 2, tuple(rows))]
    marks = page_marks(_plan(pages, [heading, text]))
    kinds = [(m.page, m.kind) for m in marks]
    assert (1, "heading") in kinds  # a heading ends page 1
    assert (1, "short") in kinds  # and page 1 ends 11 rows short
    blank = Page(3, None, ())
    imprint_page = Page(4, None, (Row(TEXT_H - LINE, LINE - 30, (replace_run("印发"),), 2, "imprint", 0, "imprint"),))
    marks = page_marks(_plan([*pages, blank, imprint_page], [heading, text, ImprintBlock(())]))
    assert [(m.page, m.kind) for m in marks if m.page > 2] == [(3, "blank"), (4, "imprint")]


def replace_run(text: str) -> object:
    from fazhi_desktop.export.fonts import FontRole
    from fazhi_desktop.export.pages import PlacedRun

    return PlacedRun(text, FontRole.FANGSONG, 32, 0.0, 16.0 * len(text))


def test_the_seal_notes_mark_the_signature(demo_report: Report) -> None:
    plan = preflight(demo_report, ExportOptions(red_header=True, imprint=True))
    marks = page_marks(plan)
    seal = [m for m in marks if m.kind == "seal"]
    assert seal and all(n in [m.message for m in seal] for n in plan.notes if n.startswith("为使印章"))
    page = plan.layout.pages[seal[0].page - 1]
    assert any(r.role == "date" and seal[0].y <= r.y < seal[0].y + seal[0].height for r in page.rows)
    assert [m.kind for m in marks if m.kind in ("blank", "imprint")] == ["blank", "imprint"]
