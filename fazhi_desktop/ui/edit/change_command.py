"""One undo step of value changes: typing in a field, a paste, 插入数据, a fix, a replacement."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtGui import QUndoCommand

MERGING = 0x4654  # QUndoCommand.id() of commands that may merge (equal tokens decide)


@dataclass(frozen=True)
class Place:
    """One stored value of the open report: ``kind`` "report" or "unit" (``row`` is the report id),
    "chapter" (the chapter id) or "block" (the block id, ``chapter`` its chapter); ``key`` the field.
    Also "status" (the report's status with the dates each status was reached) and "indicator" (one
    figure of 数据指标, ``key`` the indicator), both with the report id as ``row``."""

    kind: str
    key: str
    row: int
    chapter: int | None = None


@dataclass(frozen=True)
class Change:
    """``place`` goes from ``before`` to ``after``."""

    place: Place
    before: object
    after: object

    def reverse(self) -> Change:
        return Change(self.place, self.after, self.before)


Apply = Callable[[Sequence[Change], bool], bool]
"""Write these values (``after`` of each change) and show them; the flag: this is an undo or redo
(show the place), not the change being made. False: nothing could be written."""


class ChangeCommand(QUndoCommand):
    """Changes to one or more places as one undo step; ``applied`` tells whether the first redo has to
    write (a fix, a replacement) or only record (the field already shows what was typed)."""

    def __init__(self, label: str, changes: Sequence[Change], apply: Apply, token: Hashable | None = None,
                 applied: bool = False, on_state: Callable[[bool], object] | None = None) -> None:
        super().__init__(label)
        self.changes = tuple(changes)
        self.apply = apply
        self.token = token
        self._applied = applied
        self._first = True
        self.on_state = on_state  # told True after each redo, False after each undo (撤销修正 asks)

    def id(self) -> int:
        return MERGING if self.token is not None else -1

    def redo(self) -> None:
        if not (self._first and self._applied) and not self.apply(self.changes, not self._first):
            self.setObsolete(True)  # the data file refused it (disk full …): not a step of the history
            return
        self._first = False
        if self.on_state is not None:
            self.on_state(True)

    def undo(self) -> None:
        if not self.apply(tuple(c.reverse() for c in reversed(self.changes)), True):
            self.setObsolete(True)
            return
        if self.on_state is not None:
            self.on_state(False)

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeCommand) or other.token is None or other.token != self.token:
            return False
        merged = list(self.changes)
        for change in other.changes:
            at = next((i for i, c in enumerate(merged) if c.place == change.place), None)
            if at is None:
                merged.append(change)
            else:
                merged[at] = replace(merged[at], after=change.after)
        self.changes = tuple(c for c in merged if c.before != c.after)
        if not self.changes:
            self.setObsolete(True)  # typed and deleted again: nothing left to undo
        return True
