"""Render tests: the exported files laid out by LibreOffice and measured (render_docx.py).

All documents are converted in one LibreOffice run per session (LibreOffice is slow to start).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

import pytest

from fazhi_desktop.core.model import Report, SealMode
from fazhi_desktop.export import ExportOptions, export_docx
from tests.conftest import SAMPLE_TXT
from tests.export.conftest import statistics_attachment
from tests.export.render import render_all, skip_reason
from tests.export.reports import length_variant, long_report, parse_sample

pytestmark = pytest.mark.skipif(skip_reason() is not None, reason=skip_reason() or "")

LENGTHS = 60
TOP, LINE_MM = 37.0, 225 / 22  # type area top, one grid line (mm; 579 twips = 10.21 mm)
DATE = "2026年1月16日"
NOTE = "此件公开发布"

Pages = list[dict[str, Any]]


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory, demo_report_session: Report) -> dict[str, Pages]:
    folder = tmp_path_factory.mktemp("render")
    docs: dict[str, tuple[Report, ExportOptions]] = {
        "demo": (demo_report_session, ExportOptions()),
        "demo_full": (demo_report_session, ExportOptions(red_header=True, imprint=True,
                                                         attachments=(statistics_attachment(),))),
        "demo_unsealed": (replace(demo_report_session, signatories=("示例镇人民政府",),
                                  seal=SealMode.UNSEALED), ExportOptions()),
        "long": (long_report(), ExportOptions(red_header=True, imprint=True)),
        "demo_data": (demo_report_session, ExportOptions(attachments=(demo_statistics(demo_report_session),))),
    }
    if SAMPLE_TXT.exists():
        sample = parse_sample(SAMPLE_TXT.read_text(encoding="utf-8"))
        docs["sample"] = (sample, ExportOptions(imprint=True))
        # the full format a township sends up: 版头, joint 落款, date, 附注 and 版记
        full = replace(sample, signatories=("中共千佛镇委员会", "千佛镇人民政府"), date=dt.date(2022, 1, 10),
                       issuer_mark="千佛镇人民政府文件", doc_number="千府报〔2022〕3号", signer="王明",
                       imprint_cc="县委全面依法治县委员会办公室", imprint_printer="千佛镇党政综合办公室")
        docs["sample_full"] = (full, ExportOptions(red_header=True, imprint=True))
        docs["sample_full_nonote"] = (replace(full, note=""), ExportOptions(red_header=True, imprint=True))
        docs["sample_full_note"] = (replace(full, note=NOTE), ExportOptions(red_header=True, imprint=True))
    for k in range(LENGTHS):  # every third length also has a 附注 under the date
        variant = replace(length_variant(k), note=NOTE) if k % 3 == 1 else length_variant(k)
        docs[f"len{k:02d}"] = (variant, ExportOptions())
    docs["demo_note"] = (replace(demo_report_session, note="联系人：李明，电话：0000-1234567"), ExportOptions())
    paths = []
    for name, (report, options) in docs.items():
        ESTIMATED[name] = export_docx(report, folder / f"{name}.docx", options).pages
        paths.append(folder / f"{name}.docx")
    return render_all(paths, folder)


ESTIMATED: dict[str, int] = {}  # the pagination pre-flight's page count of every rendered document


def demo_statistics(report: Report) -> Any:
    """The 数据指标 statistics sheet of the demo report, as the data-table option builds it."""
    from fazhi_desktop.core.indicator_sheet import statistics_sheet
    from fazhi_desktop.core.indicators import IndicatorValue, load_catalog, parse_values
    from fazhi_desktop.export.statistics import statistics_attachment as sheet_attachment
    from fazhi_desktop.resources import load_json

    catalog = load_catalog()
    values = {i.key: IndicatorValue(i.key) for i in catalog.indicators}
    values.update(parse_values(catalog, load_json("demo", "demo-report.json")["indicators"]))
    return sheet_attachment(statistics_sheet(report, catalog, values))


def test_statistics_table_stays_inside_the_type_area(rendered: dict[str, Pages]) -> None:
    pages = rendered["demo_data"]
    table_pages = [p for p in pages if any(line["text"].startswith("序号") for line in p["lines"])]
    assert table_pages, "the statistics table was not rendered"
    for page in table_pages:
        for line in page["lines"]:
            assert line["x0_mm"] >= 28.0 - 0.5 and line["x1_mm"] <= 184.0 + 0.5, (page["page"], line)
            assert TOP - 0.5 <= line["centre_mm"] <= TOP + 225 + 0.5, (page["page"], line)
    header_rows = [line["text"] for p in table_pages for line in p["lines"] if line["text"].startswith("序号")]
    assert len(header_rows) == len(table_pages)  # the header row repeats on every page of the table
    assert any("97.3%" in line["text"] for p in table_pages for line in p["lines"])


@pytest.fixture(scope="session")
def demo_report_session() -> Report:
    from fazhi_desktop.core.serialize import report_from_dict
    from fazhi_desktop.resources import load_json

    return report_from_dict(load_json("demo", "demo-report.json"))


def grid_row(line: dict[str, Any]) -> float:
    """The 0-based grid row of a text line, from its vertical centre."""
    return (line["centre_mm"] - TOP) / LINE_MM - 0.5


def body_pages(pages: Pages) -> Pages:
    """Pages of the main text: up to the one holding the date."""
    end = next(i for i, p in enumerate(pages) if any(line["text"] == DATE for line in p["lines"]))
    return pages[: end + 1]


@pytest.mark.parametrize("name", ["demo", "demo_full", "demo_unsealed", "long"])
def test_22_rows_of_at_most_28_characters(rendered: dict[str, Pages], name: str) -> None:
    pages = body_pages(rendered[name])
    assert len(pages) >= 5
    for page in pages:
        assert page["rows"] <= 22 and page["max_cells"] <= 28, page["page"]
        lines = page["lines"]
        if page["page"] == 1:  # from the 主送机关 on (the 版头 and 二号 title sit off the grid)
            lines = lines[next(i for i, line in enumerate(lines) if line["text"].endswith("：")):]
        rows = [grid_row(line) for line in lines]
        # every line sits on a grid row (within 0.25 line), never two on one row
        assert all(abs(r - round(r)) < 0.25 for r in rows), rows
        assert len({round(r) for r in rows}) == len(rows)
    full = [p for p in pages[1:-1]]
    if pages[-1]["lines"][0]["text"] == "特此报告。":
        # the 落款 plan moved the closing line, 附件说明 and 落款 to a page of their own (never a seal
        # page without text, 7.3.5.5); the page before ends where that chain would not fit
        full = full[:-1]
    # a page is one line short only where keep-with-next moved a heading to the next page
    assert all(p["rows"] >= 21 for p in full)
    assert sum(p["rows"] == 22 for p in full) >= len(full) / 2
    assert max(p["max_cells"] for p in pages) == 28


@pytest.mark.parametrize("name", ["demo", "demo_full", "long"])
def test_page_numbers_alternate_sides_7mm_below_the_type_area(rendered: dict[str, Pages], name: str) -> None:
    numbered = [p for p in rendered[name] if p["footer"]]
    assert len(numbered) >= 5
    for page in numbered:
        foot = page["footer"]
        assert re.fullmatch(f"\u2014 ?{page['page']} ?\u2014", foot["text"])
        assert foot["side"] == ("right" if page["page"] % 2 else "left")
        assert abs(foot["centre_mm"] - 269.0) <= 1.5
        if foot["side"] == "right":  # one 四号 character (4.9 mm) in from the type area's edge
            assert 176 <= foot["x1_mm"] <= 180
        else:
            assert 32 <= foot["x0_mm"] <= 36


def test_title_is_centred_and_broken_into_lines(rendered: dict[str, Pages]) -> None:
    demo_title = rendered["demo"][0]["lines"][0]
    assert demo_title["text"] == "示例镇2025年度法治政府建设情况报告"
    assert abs((demo_title["x0_mm"] + demo_title["x1_mm"]) / 2 - 106.0) <= 1.0
    long_lines = [line for line in rendered["long"][0]["lines"] if "报告" in line["text"] or "委员会" in line["text"]]
    assert [line["text"] for line in long_lines[:2]] == ["中共青石镇委员会青石镇人民政府",
                                                         "关于2025年度法治政府建设情况的报告"]
    for line in long_lines[:2]:
        assert abs((line["x0_mm"] + line["x1_mm"]) / 2 - 106.0) <= 1.0


def test_date_is_4_characters_in_from_the_right(rendered: dict[str, Pages]) -> None:
    for name in ("demo", "demo_full"):
        date = next(line for p in rendered[name] for line in p["lines"] if line["text"] == DATE)
        # type area right edge 184 mm; 4 characters of 15.75 pt = 22.2 mm (± the renderer's digits)
        assert abs(184.0 - 22.2 - date["x1_mm"]) <= 1.5, date


def _seal_page(pages: Pages) -> tuple[int, int, dict[str, Any]]:
    """(page of the last body line, page of the date, the date line)."""
    for i, page in enumerate(pages):
        for j, line in enumerate(page["lines"]):
            if line["text"] == DATE:
                organ_rows = 1
                while page["lines"][j - organ_rows]["x0_mm"] > 60 and organ_rows < 3:
                    organ_rows += 1
                before = [(pi, ln) for pi, p in enumerate(pages[: i + 1]) for ln in p["lines"]
                          if not (pi == i and p["lines"].index(ln) >= j - organ_rows + 1)]
                return before[-1][0], i, line
    raise AssertionError("no date line")


def test_the_seal_never_lands_on_a_page_without_body_text(rendered: dict[str, Pages]) -> None:
    """60 lengths sweep the last body line through every row of the page, three times over."""
    rows_seen = set()
    for k in range(LENGTHS):
        pages = rendered[f"len{k:02d}"]
        last_page, date_page, date = _seal_page(pages)
        assert last_page == date_page, f"length {k}: date on page {date_page + 1}, text ends on {last_page + 1}"
        if k % 3 == 1:  # the 附注 on the line right after the date, on the same page
            lines = pages[date_page]["lines"]
            below = lines[lines.index(date) + 1]
            assert below["text"] == f"（{NOTE}）" and abs(grid_row(below) - grid_row(date) - 1) < 0.2, below
        # room below the date for the seal's lower edge (the pre-flight's one line of overhang)
        assert grid_row(date) <= 20.25, f"length {k}: date on the last line of the page"
        rows_seen.add(round(grid_row(pages[last_page]["lines"][0])))
        assert all("此页无正文" not in line["text"] for p in pages for line in p["lines"])
    assert len(pages) >= 2


def test_note_is_two_characters_in_under_the_date(rendered: dict[str, Pages]) -> None:
    page = next(p for p in rendered["demo_note"] if any(line["text"] == DATE for line in p["lines"]))
    lines = page["lines"]
    i = next(i for i, line in enumerate(lines) if line["text"] == DATE)
    note = lines[i + 1]
    assert note["text"] == "（联系人：李明，电话：0000-1234567）"
    char = 15.75 * 25.4 / 72
    assert abs(note["x0_mm"] - (28.0 + 2 * char)) <= 1.0  # left margin 28 mm + 2 characters (7.3.6)


def test_unsealed_signature_layout(rendered: dict[str, Pages]) -> None:
    page = next(p for p in rendered["demo_unsealed"] if any(line["text"] == DATE for line in p["lines"]))
    lines = page["lines"]
    i = next(i for i, line in enumerate(lines) if line["text"] == DATE)
    organ, date = lines[i - 1], lines[i]
    assert organ["text"] == "示例镇人民政府"
    char = 15.75 * 25.4 / 72
    # 7.3.5.2 with Times New Roman digits (½ cell): organ 3.5 characters in from the right, the
    # date 2, so the date's first character is 2 characters right of the organ name's. The
    # renderer substitutes wider digits for Times New Roman, so the right edges are asserted.
    assert abs(184.0 - organ["x1_mm"] - 3.5 * char) <= 1.0
    assert abs(184.0 - date["x1_mm"] - 2 * char) <= 1.0


def test_the_preflight_page_count_matches_libreoffice(rendered: dict[str, Pages]) -> None:
    # The 落款 plan and the 版记 placement trust the pre-flight; a line lost anywhere (a 版头 taller than
    # its grid lines, a heading kept with the next page) once put a 版记 across pages 8 and 9.
    wrong = {name: (ESTIMATED[name], len(pages)) for name, pages in rendered.items() if ESTIMATED[name] != len(pages)}
    assert not wrong, wrong


@pytest.mark.parametrize("name", ["demo_full", "long", "sample", "sample_full", "sample_full_nonote",
                                  "sample_full_note"])
def test_imprint_sits_at_the_foot_of_an_even_page(rendered: dict[str, Pages], name: str) -> None:
    if name not in rendered:
        pytest.skip(f"{SAMPLE_TXT} is missing")
    pages = rendered[name]
    page = next(p for p in pages if any(line["text"].endswith("印发") for line in p["lines"]))
    assert page["page"] % 2 == 0 and page is pages[-1]
    printed = next(line for line in page["lines"] if line["text"].endswith("印发"))
    assert printed["centre_mm"] > TOP + 225 - LINE_MM, printed  # on the last grid line
    before = pages[-2]
    if before["rows"] == 0:  # a blank page before the 版记 page: neither is numbered (7.5)
        assert before["footer"] is None and page["footer"] is None
    elif len(page["lines"]) > 2:  # the 版记 shares the last page of text: numbered as usual
        assert page["footer"] is not None
