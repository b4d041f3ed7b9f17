"""Derived numbering: 一、 for chapters, （一） for sections, 1. for items, （1） for points.

Numbers are computed from the order of blocks every time they are shown or exported, so moving,
inserting or deleting a block can never leave a gap or a repeat.
"""

from __future__ import annotations

from collections.abc import Sequence

from fazhi_desktop.core.model import Block, BlockKind

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (positive integers below 10,000)."""
    if not 0 < n < 10_000:
        raise ValueError(f"cannot write {n} as a Chinese numeral")
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out = ""
    units = ((1000, "千"), (100, "百"), (10, "十"))
    zero_pending = False
    for value, name in units:
        digit = (n // value) % 10
        if digit:
            if zero_pending:
                out += "零"
                zero_pending = False
            out += _DIGITS[digit] + name
        elif out:
            zero_pending = True
    if n % 10:
        if zero_pending:
            out += "零"
        out += _DIGITS[n % 10]
    return out


def chapter_number(index: int) -> str:
    """The number of the chapter at 0-based ``index``: 一、 二、 … 十一、."""
    return chinese_numeral(index + 1) + "、"


def level_number(level: int, n: int) -> str:
    """The number of the n-th (1-based) block at outline ``level``."""
    if level == 2:
        return f"（{chinese_numeral(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    raise ValueError(f"level {level} is not numbered")


def block_numbers(blocks: Sequence[Block]) -> list[str]:
    """The derived number of every block ("" for plain paragraphs), in order.

    A numbered block's count restarts whenever a block of a shallower level appears; plain
    paragraphs neither count nor restart anything.
    """
    counters = {2: 0, 3: 0, 4: 0}
    numbers: list[str] = []
    for block in blocks:
        if block.kind is BlockKind.PARAGRAPH:
            numbers.append("")
            continue
        level = block.level
        counters[level] += 1
        for deeper in range(level + 1, 5):
            counters[deeper] = 0
        numbers.append(level_number(level, counters[level]))
    return numbers


def numbered_heading(number: str, heading: str) -> str:
    """A heading with its number, as printed: "（一）坚持党的领导" or "1.健全决策机制"."""
    return f"{number}{heading}" if number else heading
