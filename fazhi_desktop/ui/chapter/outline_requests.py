"""What each outline button asks for: a label and a core.outline operation (Qt-free, so testable)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fazhi_desktop.core import outline
from fazhi_desktop.core.headings import TERMINAL as RUN_IN_END
from fazhi_desktop.core.model import Block, BlockKind
from fazhi_desktop.core.outline import Outline, OutlineError

OutlineOp = Callable[[Outline], tuple[Outline, int]]

# (attribute, text, shortcuts separated by ";", tooltip); 删除's keys work only in the outline
ACTIONS = (
    ("add_sibling", "添加同级", "Ctrl+Return", "在所选条目之后添加同一级的条目"),
    ("add_child", "添加下级", "Ctrl+Shift+Return", "在所选条目之下添加下一级条目"),
    ("add_paragraph", "添加段落", "Ctrl+Alt+Return", "添加一个不编号的正文段落"),
    ("move_up", "上移", "Alt+Up", "连同下级条目一起上移"),
    ("move_down", "下移", "Alt+Down", "连同下级条目一起下移"),
    ("outdent", "升级", "Alt+Left", "所选条目提高一级：（1）→ 1. →（一）；下级条目层级不变，再降级即复原"),
    ("indent", "降级", "Alt+Right", "所选条目降低一级：（一）→ 1. →（1）；下级条目层级不变，再升级即复原"),
    ("delete", "删除", "Delete;Ctrl+Delete", "删除所选条目（可按住 Ctrl 或 Shift 多选）及其下级条目，可撤销"),
)


@dataclass(frozen=True)
class OutlineRequest:
    """An operation on the stored outline; ``op`` returns the new outline and the block to select."""

    label: str
    op: OutlineOp
    new_block: bool = False  # the cursor goes into the block it adds


def _append(label: str, block: Block, new_block: bool = True) -> OutlineRequest:
    return OutlineRequest(label, lambda bs: (outline.insert(bs, len(bs), block), len(bs)), new_block)


def add_sibling(blocks: Outline, i: int) -> OutlineRequest:
    if i < 0:
        return _append("添加条目", Block(blocks[0].kind if blocks else BlockKind.SECTION))
    new = Block(blocks[i].kind, run_in=blocks[i].run_in)
    return OutlineRequest("添加同级条目", lambda bs: outline.insert_after(bs, i, new), True)


def add_child(blocks: Outline, i: int) -> OutlineRequest | None:
    if i < 0:
        return None
    level = blocks[i].level
    if blocks[i].kind is BlockKind.PARAGRAPH or level >= outline.MAX_LEVEL:
        raise OutlineError("（1）级条目和段落下不能再添加下级标题，可以添加段落")
    new = Block(BlockKind.for_level(level + 1), run_in=level + 1 > 2)
    return OutlineRequest("添加下级条目", lambda bs: outline.insert_child(bs, i, new), True)


def add_paragraph(blocks: Outline, i: int) -> OutlineRequest:
    new = Block(BlockKind.PARAGRAPH)
    if i < 0:
        return _append("添加段落", new)
    if blocks[i].kind is BlockKind.PARAGRAPH:
        return OutlineRequest("添加段落", lambda bs: outline.insert_after(bs, i, new), True)
    return OutlineRequest("添加段落", lambda bs: outline.insert_child(bs, i, new), True)


def _delete_and_select(blocks: Outline, indices: Sequence[int]) -> tuple[Outline, int]:
    """Delete the subtrees at ``indices``; select the block now at the first of them (or the last one)."""
    remaining = outline.delete_many(blocks, indices)
    return remaining, min(min(indices), len(remaining) - 1)


def simple(name: str, i: int, selected: Sequence[int] = ()) -> OutlineRequest | None:
    """上移 / 下移 / 降级 / 升级 / 删除 of the block at ``i`` (None: nothing selected); 升级, 降级 and 删除
    act on every selected block (``selected``, which includes ``i``) as one operation."""
    if i < 0:
        return None
    chosen = tuple(sorted({i, *selected}))
    many = len(chosen) > 1
    ops: dict[str, tuple[str, OutlineOp]] = {
        "move_up": ("上移", lambda bs: outline.move_up(bs, i)),
        "move_down": ("下移", lambda bs: outline.move_down(bs, i)),
        "indent": ("降级", lambda bs: (outline.relevel(bs, chosen, +1), i)),
        "outdent": ("升级", lambda bs: (outline.relevel(bs, chosen, -1), i)),
        "delete": (f"删除 {len(chosen)} 个条目" if many else "删除条目", lambda bs: _delete_and_select(bs, chosen)),
    }
    label, op = ops[name]
    return OutlineRequest(label, op)


def move_to(source: int, dest: int) -> OutlineRequest:
    """Drag and drop: the subtree at ``source`` to ``dest`` (core.outline.move)."""
    return OutlineRequest("拖动条目", lambda bs: (outline.move(bs, source, dest), dest))


def insert_suggestion(blocks: Outline, i: int, kind: BlockKind, text: str) -> OutlineRequest:
    """Sections (and plain sentences) at the end; items under the current section or beside the
    current item."""
    label = "插入参考标题"
    if kind is BlockKind.PARAGRAPH:
        return _append(label, Block(kind, body=text), False)
    run_in = kind is not BlockKind.SECTION
    # a run-in heading needs its full stop, or it prints glued to the text after it
    heading = text + "。" if run_in and not text.endswith(tuple(RUN_IN_END)) else text
    new = Block(kind, heading=heading, run_in=run_in)
    if kind is BlockKind.SECTION or i < 0:
        return _append(label, new, False)
    if blocks[i].kind is BlockKind.SECTION:
        return OutlineRequest(label, lambda bs: outline.insert_child(bs, i, new))
    parent = outline.parent_index(blocks, i)
    anchor = i if blocks[i].level == new.level or parent is None else parent
    return OutlineRequest(label, lambda bs: outline.insert_after(bs, anchor, new))
