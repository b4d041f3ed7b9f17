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
