"""Title line-breaking: phrase boundaries, ≤ 20 characters a line, no punctuation at a line end."""

from __future__ import annotations

import pytest

from fazhi_desktop.export.geometry import TITLE_CHARS_PER_LINE, text_cells
from fazhi_desktop.export.titlebreak import break_title


def test_a_short_title_stays_on_one_line() -> None:
    assert break_title("示例镇2025年度法治政府建设情况报告") == ["示例镇2025年度法治政府建设情况报告"]


@pytest.mark.parametrize(("title", "expected"), [
    ("××镇人民政府关于2024年度法治政府建设情况的报告", ["××镇人民政府", "关于2024年度法治政府建设情况的报告"]),
    ("中共千佛镇委员会千佛镇人民政府关于2021年度法治政府建设情况的报告",
     ["中共千佛镇委员会千佛镇人民政府", "关于2021年度法治政府建设情况的报告"]),
    ("千佛镇人民政府关于2021年度推进法治政府建设工作情况的报告",
     ["千佛镇人民政府关于2021年度", "推进法治政府建设工作情况的报告"]),
])
def test_breaks_at_the_organ_name_or_the_year(title: str, expected: list[str]) -> None:
    assert break_title(title) == expected


@pytest.mark.parametrize("title", [
    "中共示例镇委员会、示例镇人民政府关于2025年度法治政府建设情况和2026年工作安排的报告",
    "关于《中华人民共和国行政处罚法》贯彻落实情况和2025年度法治政府建设情况的报告",
    "青石镇人民政府关于2025年度法治政府建设情况的报告（第二次修订稿）",
])
def test_every_line_fits_and_nothing_is_split_badly(title: str) -> None:
    lines = break_title(title)
    assert "".join(lines) == title
    for line in lines:
        assert text_cells(line) <= 20
        assert line[-1] not in "，。、；：（《“"
        assert line[0] not in "，。、；：）》”"
    joined = "|".join(lines)
    for phrase in ("《中华人民共和国行政处罚法》", "（第二次修订稿）", "2025", "2026"):
        if phrase in title:  # book titles, brackets and numbers are never split
            assert phrase in joined


def test_white_space_is_dropped_and_empty_titles_give_no_lines() -> None:
    assert break_title("  示例镇 2025年度 报告 ") == ["示例镇2025年度报告"]
    assert break_title("") == []


@pytest.mark.parametrize("title", ["很长的标题" * 100, "千佛镇人民政府关于" * 30 + "2021年度法治政府建设情况的报告",
                                   "标" * 5000, "（" + "依法行政" * 200 + "）"])
def test_a_freak_title_is_broken_quickly_and_every_line_fits(title: str) -> None:
    # The exhaustive search over combinations never finished on a 500-character title; the dynamic
    # search and the width wrap are linear in the title's length.
    lines = break_title(title)
    assert "".join(lines) == title
    assert all(0 < text_cells(line) <= TITLE_CHARS_PER_LINE for line in lines)
    assert len(lines) <= len(title) // 15 + 1
