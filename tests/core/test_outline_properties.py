"""Hypothesis: any sequence of outline operations keeps numbering contiguous and loses nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi_desktop.core import outline
from fazhi_desktop.core.model import Block, BlockKind
from fazhi_desktop.core.numbering import block_numbers, level_number

KINDS = [BlockKind.SECTION, BlockKind.ITEM, BlockKind.POINT, BlockKind.PARAGRAPH]

op = st.tuples(
    st.sampled_from(["insert", "child", "sibling", "delete", "move", "up", "down", "indent", "outdent"]),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
    st.sampled_from(KINDS),
)


def expected_numbers(blocks: tuple[Block, ...]) -> list[str]:
    """Independent oracle: count previous siblings under the same parent."""
    out = []
    for i, block in enumerate(blocks):
        if not block.kind.numbered:
            out.append("")
            continue
        n = 1
        for j in range(i - 1, -1, -1):
            other = blocks[j]
            if other.kind.numbered and other.level < block.level:
                break
            if other.kind.numbered and other.level == block.level:
                n += 1
        out.append(level_number(block.level, n))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(op, max_size=30))
def test_operations_keep_numbering_contiguous_and_lose_nothing(ops: list) -> None:
    blocks: tuple[Block, ...] = ()
    counter = 0
    for name, a, b, kind in ops:
        before = blocks
        if name == "insert" or not blocks:
            counter += 1
            blocks = outline.insert(blocks, a % (len(blocks) + 1), Block(kind=kind, heading=f"b{counter}"))
            assert len(blocks) == len(before) + 1
            continue
        i = a % len(blocks)
        try:
            if name == "child":
                counter += 1
                blocks, _ = outline.insert_child(blocks, i, Block(kind=BlockKind.PARAGRAPH, heading=f"b{counter}"))
            elif name == "sibling":
                counter += 1
                blocks, _ = outline.insert_after(blocks, i, Block(kind=blocks[i].kind, heading=f"b{counter}"))
            elif name == "delete":
                end = outline.subtree_end(blocks, i)
                blocks = outline.delete(blocks, i)
                assert len(blocks) == len(before) - (end - i)
                assert set(before[:i] + before[end:]) == set(blocks)
            elif name == "move":
                blocks = outline.move(blocks, i, b)
            elif name == "up":
                blocks, _ = outline.move_up(blocks, i)
            elif name == "down":
                blocks, _ = outline.move_down(blocks, i)
            elif name == "indent":
                blocks = outline.indent(blocks, i)
            elif name == "outdent":
                blocks = outline.outdent(blocks, i)
        except outline.OutlineError:
            assert blocks == before  # a refused operation changes nothing
        if name in ("move", "up", "down"):
            assert sorted(b.heading for b in blocks) == sorted(b.heading for b in before)
        if name in ("indent", "outdent"):
            assert [b.heading for b in blocks] == [b.heading for b in before]
        assert block_numbers(blocks) == expected_numbers(blocks)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(KINDS), max_size=60))
def test_parents_in_one_pass_match_the_per_block_search(kinds: list[BlockKind]) -> None:
    # The outline and import-preview trees use the one-pass version (10,000 blocks once took 4 s).
    blocks = tuple(Block(kind=k, heading=str(i)) for i, k in enumerate(kinds))
    assert outline.parent_indices(blocks) == [outline.parent_index(blocks, i) for i in range(len(blocks))]


_blocks = st.lists(st.tuples(st.sampled_from(KINDS), st.booleans()), min_size=1, max_size=12).map(
    lambda rows: tuple(Block(kind=k, heading=f"b{i}", run_in=r) for i, (k, r) in enumerate(rows)))


@settings(max_examples=300, deadline=None)
@given(_blocks, st.lists(st.integers(0, 11), min_size=1, max_size=4), st.sampled_from([-1, +1]))
def test_promote_and_demote_are_exact_inverses(blocks: tuple[Block, ...], picks: list[int], delta: int) -> None:
    """Issue 18: 升级 then 降级 (or the reverse) gives back the same outline — kinds, order, sub-items —
    for any selection; 接排 too wherever the block had its level's usual setting (sections on their own
    line, items run in), which is what a section that becomes an item, or the reverse, is given."""
    chosen = sorted({p % len(blocks) for p in picks})
    try:
        moved = outline.relevel(blocks, chosen, delta)
        back = outline.relevel(moved, chosen, -delta)
    except outline.OutlineError:
        return  # a paragraph, or beyond （一）/（1）: refused, nothing changed
    assert [b.kind for b in back] == [b.kind for b in blocks]
    assert [b.heading for b in back] == [b.heading for b in blocks]
    usual = all(b.run_in == (b.level > outline.MIN_LEVEL) for i, b in enumerate(blocks) if i in chosen)
    if usual:
        assert back == blocks
    for i in chosen:
        if moved[i].level == outline.MIN_LEVEL:
            assert not moved[i].run_in  # a section stands on its own line
    unchosen = [i for i in range(len(blocks)) if i not in chosen]
    assert [moved[i] for i in unchosen] == [blocks[i] for i in unchosen]  # nothing else moves or changes
