"""落款 geometry (gbt9704.md §6) and the pagination pre-flight that keeps the seal with text."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi_desktop.export.flow import PStyle, body
from fazhi_desktop.export.geometry import LINES_PER_PAGE, text_cells
from fazhi_desktop.export.paginate import paginate
from fazhi_desktop.export.paralayout import para_layout
from fazhi_desktop.export.sealplan import plan_signature
from fazhi_desktop.export.signature import (
    SEAL_CHARS,
    Signature,
    joint_centres,
    sealed_organ_right,
    signature_paras,
    unsealed_rights,
)

DATE = dt.date(2025, 1, 10)


def test_date_width_counts_digits_as_half_cells() -> None:
    assert Signature(("示例镇人民政府",), DATE, True).date_text == "2025年1月10日"
    assert text_cells("2025年1月10日") == 6.5


def test_sealed_single_organ_is_centred_over_a_date_4_characters_in() -> None:
    assert sealed_organ_right(6, 6.5) == 4.25  # gbt9704.md §6.2 example: rightChars 425
    assert sealed_organ_right(20, 6.5) == 0  # very long names are clamped at the margin
    paras = signature_paras(Signature(("千佛镇人民政府",), DATE, True), 2)
    assert [p.style for p in paras] == [PStyle.BLANK, PStyle.BLANK, PStyle.SIGNATURE, PStyle.DATE]
    assert paras[2].right_chars == 3.75 and paras[3].right_chars == 4  # 7 wide over 6.5
    assert [p.keep_next for p in paras] == [True, True, True, False]


@pytest.mark.parametrize(("organ", "date", "expected"), [(9, 6.5, (2, 2.5)), (6, 6.5, (4.5, 2))])
def test_unsealed_rule_7_3_5_2(organ: float, date: float, expected: tuple[float, float]) -> None:
    organ_right, date_right = unsealed_rights(organ, date)
    assert (organ_right, date_right) == expected
    # the date's first character sits 2 characters right of the organ name's first character
    assert (28 - organ_right - organ) + 2 == pytest.approx(28 - date_right - date)


def test_unsealed_joint_organs_are_stacked_lead_organ_first() -> None:
    paras = signature_paras(Signature(("中共示例镇委员会", "示例镇人民政府"), DATE, False), 1)
    assert [p.text for p in paras if p.text] == ["中共示例镇委员会", "示例镇人民政府", "2025年1月10日"]
    first, second = paras[1], paras[2]
    # left edges aligned: right indent + width is the same
    assert first.right_chars + 8 == second.right_chars + 7


def test_joint_sealed_names_side_by_side_with_room_for_two_seals() -> None:
    c1, c2 = joint_centres(8, 7, 6.5)
    assert c2 == 28 - 4 - 3.25  # the second name is centred over the date
    assert c2 - c1 >= SEAL_CHARS + 1  # two 42 mm seals neither touch nor overlap
    assert c1 - 4 >= 0  # the first name stays inside the type area
    paras = signature_paras(Signature(("中共示例镇委员会", "示例镇人民政府"), DATE, True), 2)
    organ = paras[2]
    assert organ.center_tabs == (c1, c2) and organ.text == "\t中共示例镇委员会\t示例镇人民政府"


def test_lines_hold_28_cells_with_a_2_character_first_line_indent() -> None:
    def count(text: str) -> int:
        return para_layout(body(text)).line_count

    assert count("字" * 26) == 1
    assert count("字" * 27) == 2
    assert count("字" * 26 + "2025") == 2
    assert count("字" * 26 + "。") == 2  # no mark hangs: the last character moves down with it
    assert count("字" * 54) == 2 and count("字" * 55) == 3


@pytest.mark.parametrize("row", range(2, LINES_PER_PAGE + 1))
def test_the_seal_page_has_two_text_lines_and_room_below_the_date_and_no_page_runs_short(row: int) -> None:
    sig = Signature(("示例镇人民政府",), DATE, True)
    text = [body("一行。") for _ in range(LINES_PER_PAGE + row - 2)] + [body("正文" * 14 + "一段正文。")]
    plan = plan_signature(text, sig, 2)
    layout = paginate(plan.flow)
    date_page = next(p for p in layout.pages for r in p.rows if r.role == "date")
    date = next(r for r in date_page.rows if r.role == "date")
    assert sum(1 for r in date_page.rows if r.is_text) >= 2
    assert date.bottom + 579 <= 12756  # room for the seal below the date
    for page in layout.pages[1:-1]:
        assert page.short_rows() <= 2.05, (row, page.index, plan.note)
    if row <= 16:
        assert not plan.note
