"""Derived numbering: 一、（一）1.（1）, across 10+ items and after outline edits."""

from __future__ import annotations

import pytest

from fazhi_desktop.core import outline
from fazhi_desktop.core.model import Block, BlockKind
from fazhi_desktop.core.numbering import block_numbers, chapter_number, chinese_numeral, level_number

S, IT, P, PT = BlockKind.SECTION, BlockKind.ITEM, BlockKind.PARAGRAPH, BlockKind.POINT


def blocks(*kinds: BlockKind) -> tuple[Block, ...]:
    return tuple(Block(kind=k, heading=f"h{i}") for i, k in enumerate(kinds))


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "一"), (2, "二"), (10, "十"), (11, "十一"), (12, "十二"), (19, "十九"), (20, "二十"),
     (21, "二十一"), (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (1001, "一千零一")],
)
def test_chinese_numerals(n: int, text: str) -> None:
    assert chinese_numeral(n) == text


def test_numeral_out_of_range() -> None:
    with pytest.raises(ValueError):
        chinese_numeral(0)


def test_chapter_numbers_past_ten() -> None:
    assert [chapter_number(i) for i in (0, 9, 10, 11)] == ["一、", "十、", "十一、", "十二、"]


def test_level_styles() -> None:
    assert level_number(2, 12) == "（十二）"
    assert level_number(3, 12) == "12."
    assert level_number(4, 3) == "（3）"


def test_numbers_restart_under_each_parent() -> None:
    numbers = block_numbers(blocks(S, IT, IT, PT, PT, IT, S, IT, P, IT, PT))
    assert numbers == ["（一）", "1.", "2.", "（1）", "（2）", "3.", "（二）", "1.", "", "2.", "（1）"]


def test_paragraphs_do_not_count_or_restart() -> None:
    assert block_numbers(blocks(IT, P, IT, P, P, IT)) == ["1.", "", "2.", "", "", "3."]


def test_twelve_sections() -> None:
    numbers = block_numbers(blocks(*([S] * 12)))
    assert numbers[9:] == ["（十）", "（十一）", "（十二）"]


def test_insert_renumbers_following_siblings() -> None:
    bs = blocks(S, S, S)
    bs = outline.insert(bs, 1, Block(kind=S, heading="new"))
    assert block_numbers(bs) == ["（一）", "（二）", "（三）", "（四）"]
    assert bs[1].heading == "new"


def test_delete_renumbers_and_removes_children() -> None:
    bs = blocks(S, IT, IT, S, IT)
    bs = outline.delete(bs, 0)
    assert [b.heading for b in bs] == ["h3", "h4"]
    assert block_numbers(bs) == ["（一）", "1."]


def test_move_carries_children_and_renumbers() -> None:
    bs = blocks(S, IT, IT, S, IT)  # h0 (一) h1 1. h2 2. h3 (二) h4 1.
    moved, pos = outline.move_down(bs, 0)
    assert [b.heading for b in moved] == ["h3", "h4", "h0", "h1", "h2"]
    assert pos == 2
    assert block_numbers(moved) == ["（一）", "1.", "（二）", "1.", "2."]
    back, pos = outline.move_up(moved, 2)
    assert back == bs and pos == 0


def test_indent_and_outdent_move_the_subtree() -> None:
    bs = blocks(S, S, IT, S)
    indented = outline.indent(bs, 1)  # (二) with its item becomes item 1. with point (1)
    assert [b.kind for b in indented] == [S, IT, PT, S]
    assert block_numbers(indented) == ["（一）", "1.", "（1）", "（二）"]
    assert outline.outdent(indented, 1) == bs


def test_indent_beyond_points_is_refused() -> None:
    bs = blocks(S, IT, PT)
    with pytest.raises(outline.OutlineError):
        outline.indent(bs, 1)
    with pytest.raises(outline.OutlineError):
        outline.outdent(bs, 0)


def test_move_up_of_first_child_is_a_no_op() -> None:
    bs = blocks(S, IT, IT)
    assert outline.move_up(bs, 1) == (bs, 1)
    assert outline.move_down(bs, 2) == (bs, 2)


def test_insert_child_and_sibling_positions() -> None:
    bs = blocks(S, IT, S)
    with_child, at = outline.insert_child(bs, 0, Block(kind=IT, heading="c"))
    assert at == 2 and block_numbers(with_child) == ["（一）", "1.", "2.", "（二）"]
    with_sibling, at = outline.insert_after(bs, 0, Block(kind=S, heading="s"))
    assert at == 2 and [b.heading for b in with_sibling] == ["h0", "h1", "s", "h2"]
    with pytest.raises(outline.OutlineError):
        outline.insert_child(bs, 0, Block(kind=S))
