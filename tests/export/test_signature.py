"""落款 geometry (gbt9704.md §6) and the pagination pre-flight that keeps the seal with text."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi_desktop.export.flow import PStyle, body
from fazhi_desktop.export.geometry import LINES_PER_PAGE, count_lines, text_cells
from fazhi_desktop.export.paginate import layout, plan_signature, with_last_text_kept
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


def test_count_lines_uses_28_cells_with_a_2_character_first_line_indent() -> None:
    assert count_lines("字" * 26) == 1
    assert count_lines("字" * 27) == 2
    assert count_lines("字" * 26 + "2025") == 2
    assert count_lines("字" * 26 + "。") == 1  # a closing mark may hang at the line end
    assert count_lines("字" * 54) == 2 and count_lines("字" * 55) == 3


def _flow_ending_at(row: int) -> list:
    """Title-less text whose last line is on ``row`` (1-based) of page 1."""
    return with_last_text_kept([body("一行。") for _ in range(row)])


@pytest.mark.parametrize("row", range(1, LINES_PER_PAGE + 1))
def test_pre_flight_keeps_the_seal_with_text_and_room_below_the_date(row: int) -> None:
    sig = Signature(("示例镇人民政府",), DATE, True)
    text = _flow_ending_at(row)
    plan = plan_signature(text, sig, 2)
    flow = text + signature_paras(sig, plan.blank_lines)
    placed = layout(flow)
    last_text, date = placed[len(text) - 1], placed[-1]
    assert last_text.last_page == date.last_page
    remaining_after_date = LINES_PER_PAGE - date.end_twips // 579
    assert remaining_after_date >= 1
    if row <= 17:
        assert plan.blank_lines == 2 and not plan.note
    elif row == 18:
        assert plan.blank_lines == 1 and "减为1行" in plan.note
    else:  # the last text line travels with the 落款 to the next page
        assert date.last_page == 2 and "新的一页" in plan.note
