"""Undoable chapter operations (添加, 前移/后移, 删除, 恢复): the report's chapters before and after, blocks
included, applied by ``ReportStore.apply_chapters`` (what comes back keeps its ids)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from fazhi_desktop.core.model import Chapter
from fazhi_desktop.storage.database import StorageError
from fazhi_desktop.storage.repository import ReportStore

Chapters = tuple[Chapter, ...]


class ChapterCommand(QUndoCommand):
    """One chapter operation on one report; ``on_applied(chapter id to show or None)`` rebuilds the tabs."""

    def __init__(self, store: ReportStore, report_id: int, before: Sequence[Chapter], after: Sequence[Chapter],
                 show: tuple[int | None, int | None], text: str, on_applied: Callable[[int | None], object],
                 flush: Callable[[], object], on_error: Callable[[str], object]) -> None:
        super().__init__(text)
        self.store = store
        self.report_id = report_id
        self.before, self.after = tuple(before), tuple(after)
        self.show_before, self.show_after = show
        self.on_applied = on_applied
        self.flush = flush
        self.on_error = on_error
        self._first = True

    def _apply(self, target: Chapters, show: int | None) -> Chapters | None:
        self.flush()
        try:
            stored = tuple(self.store.apply_chapters(self.report_id, target))
        except StorageError as exc:  # nothing was written (one transaction)
            self.setObsolete(True)
            self.on_error(str(exc))
            return None
        self.on_applied(show)
        return stored

    def redo(self) -> None:
        stored = self._apply(self.after, self.show_after)
        if stored is not None and self._first:  # an added chapter's ids: redo puts the same rows back
            added = {c.id for c in stored} - {c.id for c in self.before}
            if self.show_after is None and added:
                self.show_after = next(iter(added))
                self.on_applied(self.show_after)
            self.after = stored
            self._first = False

    def undo(self) -> None:
        self._apply(self.before, self.show_before)
