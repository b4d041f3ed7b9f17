"""Undoable outline edits: each operation is stored as the outline before and after it, texts included
(every text change is a step of the same history, so the outline of a step is the whole truth)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from fazhi_desktop.core.model import Block
from fazhi_desktop.storage.database import StorageError
from fazhi_desktop.storage.repository import ReportStore

Outline = tuple[Block, ...]
Applied = Callable[[int, Outline, int], None]


class OutlineCommand(QUndoCommand):
    """One outline operation on one chapter, applied through ``ReportStore.apply_outline``."""

    def __init__(self, store: ReportStore, chapter_id: int, before: Outline, after: Outline,
                 selected: tuple[int, int], text: str, on_applied: Applied,
                 flush: Callable[[], object] = lambda: None,
                 on_error: Callable[[str], object] = lambda _message: None) -> None:
        super().__init__(text)
        self.store = store
        self.chapter_id = chapter_id
        self.before = before
        self.after = after
        self.selected_before, self.selected_after = selected
        self.on_applied = on_applied
        self.flush = flush
        self.on_error = on_error
        self._first = True

    def _apply(self, target: Outline, selected: int) -> Outline | None:
        """Make the stored outline ``target``; None (and the command is dropped) when the write fails."""
        self.flush()  # typing not yet saved goes first (it is an earlier step of the same history)
        try:
            stored = self.store.apply_outline(self.chapter_id, target)  # deleted blocks return under their ids
        except StorageError as exc:  # e.g. disk full: nothing was written (one transaction)
            self.setObsolete(True)
            self.on_error(str(exc))
            return None
        self.on_applied(self.chapter_id, stored, selected)
        return stored

    def redo(self) -> None:
        stored = self._apply(self.after, self.selected_after)
        if stored is not None and self._first:  # keep the new ids: redo puts the same rows back
            self.after = stored
            self._first = False

    def undo(self) -> None:
        self._apply(self.before, self.selected_before)
