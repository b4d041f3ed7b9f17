"""Pure operations on a chapter's outline (a flat, ordered tuple of blocks with levels).

A block's *subtree* is the block and every following block of a deeper level (plain paragraphs are
always deepest). Moves and deletes act on whole subtrees, so children travel with their parent.
Every function returns a new tuple and never loses a block it was not asked to delete.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from fazhi_desktop.core.model import Block, BlockKind

Outline = tuple[Block, ...]

MIN_LEVEL = 2
MAX_LEVEL = 4


class OutlineError(ValueError):
    """An outline operation that cannot be done; the message is Chinese, for the user."""


def subtree_end(blocks: Sequence[Block], index: int) -> int:
    """The index just past the subtree of ``blocks[index]``."""
    level = blocks[index].level
    end = index + 1
    if blocks[index].kind is BlockKind.PARAGRAPH:
        return end
    while end < len(blocks) and blocks[end].level > level:
        end += 1
    return end


def parent_index(blocks: Sequence[Block], index: int) -> int | None:
    """The index of the block whose subtree directly contains ``blocks[index]``, or None."""
    level = blocks[index].level
    for i in range(index - 1, -1, -1):
        if blocks[i].level < level and blocks[i].kind is not BlockKind.PARAGRAPH:
            return i
    return None


def parent_indices(blocks: Sequence[Block]) -> list[int | None]:
    """:func:`parent_index` of every block, in one pass (a tree of 10,000 blocks must not rescan)."""
    parents: list[int | None] = []
    open_heads: list[int] = []  # headed blocks whose subtree may still continue, levels increasing
    for i, block in enumerate(blocks):
        while open_heads and blocks[open_heads[-1]].level >= block.level:
            open_heads.pop()
        parents.append(open_heads[-1] if open_heads else None)
        if block.kind is not BlockKind.PARAGRAPH:
            open_heads.append(i)
    return parents


def insert(blocks: Sequence[Block], index: int, block: Block) -> Outline:
    """Insert ``block`` before position ``index`` (``len(blocks)`` appends)."""
    if not 0 <= index <= len(blocks):
        raise IndexError(index)
    return (*blocks[:index], block, *blocks[index:])


def insert_after(blocks: Sequence[Block], index: int, block: Block) -> tuple[Outline, int]:
    """Insert ``block`` after the subtree of ``blocks[index]`` (a new sibling); returns its position."""
    at = subtree_end(blocks, index)
    return insert(blocks, at, block), at


def insert_child(blocks: Sequence[Block], index: int, block: Block) -> tuple[Outline, int]:
    """Append ``block`` as the last child of ``blocks[index]``; returns its position."""
    if blocks[index].kind is BlockKind.PARAGRAPH:
        raise OutlineError("段落下不能再添加下级条目")
    if block.kind is not BlockKind.PARAGRAPH and block.level <= blocks[index].level:
        raise OutlineError("下级条目的层级必须低于上级")
    at = subtree_end(blocks, index)
    return insert(blocks, at, block), at


def delete(blocks: Sequence[Block], index: int) -> Outline:
    """Remove ``blocks[index]`` and its subtree."""
    end = subtree_end(blocks, index)
    return (*blocks[:index], *blocks[end:])


def move(blocks: Sequence[Block], index: int, dest: int) -> Outline:
    """Move the subtree at ``index`` so that it starts at ``dest`` in the list without it.

    ``dest`` is clamped to the valid range; the moved blocks keep their levels.
    """
    end = subtree_end(blocks, index)
    moving = tuple(blocks[index:end])
    rest = (*blocks[:index], *blocks[end:])
    dest = max(0, min(dest, len(rest)))
    return (*rest[:dest], *moving, *rest[dest:])


def previous_sibling(blocks: Sequence[Block], index: int) -> int | None:
    """The index of the previous block at the same level under the same parent."""
    level = blocks[index].level
    for i in range(index - 1, -1, -1):
        if blocks[i].level == level:
            return i
        if blocks[i].level < level:
            return None
    return None


def next_sibling(blocks: Sequence[Block], index: int) -> int | None:
    """The index of the next block at the same level under the same parent."""
    level = blocks[index].level
    i = subtree_end(blocks, index)
    if i < len(blocks) and blocks[i].level == level:
        return i
    return None


def move_up(blocks: Sequence[Block], index: int) -> tuple[Outline, int]:
    """Swap the subtree at ``index`` with its previous sibling; returns the new position."""
    prev = previous_sibling(blocks, index)
    if prev is None:
        return tuple(blocks), index
    return move(blocks, index, prev), prev


def move_down(blocks: Sequence[Block], index: int) -> tuple[Outline, int]:
    """Swap the subtree at ``index`` with its next sibling; returns the new position."""
    nxt = next_sibling(blocks, index)
    if nxt is None:
        return tuple(blocks), index
    size = subtree_end(blocks, index) - index
    sibling_size = subtree_end(blocks, nxt) - nxt
    new_pos = index + sibling_size
    moved = move(blocks, index, new_pos)
    assert subtree_end(moved, new_pos) - new_pos == size
    return moved, new_pos


def shift_level(blocks: Sequence[Block], index: int, delta: int) -> Outline:
    """Indent (+1) or outdent (-1) the numbered block at ``index`` together with its subtree."""
    block = blocks[index]
    if block.kind is BlockKind.PARAGRAPH:
        raise OutlineError("段落没有层级，请先将其设为标题条目")
    end = subtree_end(blocks, index)
    changed = list(blocks)
    for i in range(index, end):
        b = blocks[i]
        if b.kind is BlockKind.PARAGRAPH:
            continue
        new_level = b.level + delta
        if not MIN_LEVEL <= new_level <= MAX_LEVEL:
            raise OutlineError("层级只能是（一）、1.、（1）三级")
        changed[i] = replace(b, kind=BlockKind.for_level(new_level))
    return tuple(changed)


def indent(blocks: Sequence[Block], index: int) -> Outline:
    """Make the block one level deeper: （一） → 1. → （1）."""
    return shift_level(blocks, index, +1)


def outdent(blocks: Sequence[Block], index: int) -> Outline:
    """Make the block one level shallower: （1） → 1. → （一）."""
    return shift_level(blocks, index, -1)


def set_kind(blocks: Sequence[Block], index: int, kind: BlockKind) -> Outline:
    """Change one block's kind (e.g. turn a paragraph into an item); its children stay put."""
    changed = list(blocks)
    changed[index] = replace(blocks[index], kind=kind)
    return tuple(changed)


def _relevel(block: Block, delta: int) -> Block:
    if block.kind is BlockKind.PARAGRAPH:
        raise OutlineError("段落没有层级，请先将其设为标题条目")
    level = block.level + delta
    if not MIN_LEVEL <= level <= MAX_LEVEL:
        raise OutlineError("层级只能是（一）、1.、（1）三级")
    run_in = block.run_in
    if level == MIN_LEVEL:
        run_in = False  # a section heading stands on its own line
    elif block.level == MIN_LEVEL:
        run_in = True  # an item runs into its text, as new items do
    return replace(block, kind=BlockKind.for_level(level), run_in=run_in)


def relevel(blocks: Sequence[Block], indices: Sequence[int], delta: int) -> Outline:
    """升级 (``delta`` −1) or 降级 (+1) the blocks at ``indices`` only, as WPS and Word do: their
    sub-items keep their levels, so 升级 and 降级 are exact inverses (a following sibling never ends up
    under the moved item). Becoming a section drops 接排; a section becoming an item runs in again."""
    changed = list(blocks)
    for index in sorted(set(indices)):
        changed[index] = _relevel(blocks[index], delta)
    return tuple(changed)


def delete_many(blocks: Sequence[Block], indices: Sequence[int]) -> Outline:
    """Remove the blocks at ``indices`` with their subtrees (several selected rows: one operation)."""
    gone: set[int] = set()
    for index in indices:
        gone.update(range(index, subtree_end(blocks, index)))
    return tuple(b for i, b in enumerate(blocks) if i not in gone)
