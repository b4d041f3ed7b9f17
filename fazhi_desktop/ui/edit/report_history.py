"""The open report's one undo history: typing, outline operations, fixes, replacements — one stack.

Everything that changes the report goes through here as one undo step on the window's QUndoStack:
:meth:`ReportHistory.record` (a field the clerk typed in: merged into one step until the step ends, see
:mod:`.steps`), :meth:`ReportHistory.push` (several values at once: a fix, 全部替换, 插入数据 — the API
other code calls to make one undoable change) and :meth:`ReportHistory.apply_outline` (one outline
operation). Undo and redo write through the debounced autosaver and show the place that changed.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from fazhi_desktop.core.model import Block
from fazhi_desktop.core.outline import OutlineError
from fazhi_desktop.storage.chapters import NotFoundError
from fazhi_desktop.storage.database import StorageError
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.edit import steps
from fazhi_desktop.ui.edit.change_command import Change, ChangeCommand, Place
from fazhi_desktop.ui.window.autosaver import Autosaver

if TYPE_CHECKING:
    from fazhi_desktop.ui.chapter.chapter_editor import ChapterEditor
    from fazhi_desktop.ui.chapter.outline_requests import OutlineOp
    from fazhi_desktop.ui.edit.place_display import PlaceDisplay

log = logging.getLogger(__name__)

LABELS = {("block", "heading"): "输入小标题", ("block", "body"): "输入正文", ("block", "run_in"): "标题与正文接排",
          ("block", "internal"): "内部内容", ("chapter", "title"): "输入章标题", ("chapter", "lead"): "输入导语"}


def label_for(place: Place) -> str:
    """"输入正文", "修改主送机关" …: what 撤销 and 重做 say about a change to ``place``."""
    if place.kind == "status":
        return "修改状态"
    if place.kind == "indicator":
        return "修改数据指标"
    if place.kind in ("report", "unit"):
        from fazhi_desktop.core.schema import REPORT_FIELDS, UNIT_FIELDS

        specs = REPORT_FIELDS if place.kind == "report" else UNIT_FIELDS
        return "修改" + next((s.label for s in specs if s.key == place.key), place.key)
    return LABELS.get((place.kind, place.key), "修改")


def inserted_text(before: object, after: object) -> str:
    """What a typed change inserted (the text between the common start and end), "" for non-texts."""
    if not isinstance(before, str) or not isinstance(after, str):
        return ""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while end < min(len(before), len(after)) - start and before[-1 - end] == after[-1 - end]:
        end += 1
    return after[start:len(after) - end]


class ReportHistory(QObject):
    """Turns the clerk's changes into undo steps and applies them (writes and shows)."""

    sig_message = Signal(str)
    """A short Chinese message for the status bar (why an outline operation was refused)."""

    def __init__(self, store: ReportStore, autosaver: Autosaver, undo_stack: QUndoStack,
                 display: PlaceDisplay) -> None:
        super().__init__(display.view)
        self.store = store
        self.autosaver = autosaver
        self.undo_stack = undo_stack
        self.display = display

    @property
    def read_only(self) -> bool:
        return bool(self.display.view.read_only)

    # ---- recording and pushing --------------------------------------------------------------
    def record(self, place: Place, before: object, after: object, label: str = "") -> None:
        """The clerk changed ``place`` in its field (which already shows ``after``): save it, one undo step
        (merged with the typing before it until the step ends) called ``label`` (default: :func:`label_for`)."""
        if before == after or self.read_only:
            return
        self._schedule(place, after)
        token = steps.token_for(place, inserted_text(before, after))
        self.undo_stack.push(ChangeCommand(label or label_for(place), [Change(place, before, after)], self._apply,
                                           token, applied=True))

    def push(self, label: str, changes: Sequence[Change],
             on_state: Callable[[bool], object] | None = None) -> ChangeCommand | None:
        """Make ``changes`` now as one undo step called ``label`` (written at once, fields updated)."""
        changes = [c for c in changes if c.before != c.after]
        if not changes or self.read_only:
            return None
        steps.end_step()  # typing after this is a step of its own
        command = ChangeCommand(label, changes, self._apply, on_state=on_state)
        count = self.undo_stack.count()
        self.undo_stack.push(command)
        steps.end_step()
        return command if self.undo_stack.count() > count else None  # None: refused (and dropped)

    def _apply(self, changes: Sequence[Change], navigate: bool) -> bool:
        """Write ``changes`` (each one's ``after``) all together or not at all, then show them; False (and
        a message) when the data file refused them."""
        self.autosaver.flush()  # the typing before this step is stored first
        try:
            with self.store.db.atomic():  # a fix or 全部替换 across many texts: all of it, or none
                for change in changes:
                    self._write(change.place, change.after, strict=True)
        except StorageError as exc:
            self.sig_message.emit(str(exc))
            return False
        self.autosaver.sig_saved.emit(dt.datetime.now().strftime("%H:%M:%S"))
        for change in changes:
            self.display.show(change.place, change.after, navigate and change is changes[-1])
        return True

    def value(self, place: Place) -> object:
        """What ``place`` holds now (pending typing saved first)."""
        self.autosaver.flush()
        if place.kind == "report":
            return getattr(self.store.load_report(place.row), place.key)
        if place.kind == "unit":
            return getattr(self.store.load_report(place.row).unit, place.key)
        if place.kind == "chapter":
            return getattr(self.store.load_chapter(place.row), place.key)
        if place.kind == "status":
            report = self.store.load_report(place.row)
            return report.status, report.status_dates
        if place.kind == "indicator":
            return self.store.indicator_values(place.row).get(place.key)
        assert place.chapter is not None
        block = next(b for b in self.store.load_blocks(place.chapter) if b.id == place.row)
        return getattr(block, place.key)

    # ---- writing ------------------------------------------------------------------------------
    def _schedule(self, place: Place, value: object) -> None:
        self.autosaver.schedule(place, lambda: self._write(place, value))

    def _write(self, place: Place, value: object, strict: bool = False) -> None:
        """Store ``value``; ``strict``: a unit rule broken raises (the step is refused) instead of being
        shown in the field (typing)."""
        try:
            if place.kind == "report":
                self.store.update_report_field(place.row, place.key, value)
            elif place.kind == "unit":
                self._write_unit(place, value, strict)
            elif place.kind == "chapter":
                self.store.update_chapter(place.row, **{place.key: value})  # type: ignore[arg-type]
            elif place.kind == "status":  # (the status, the dates each status was reached)
                self.store.write_status(place.row, *value)  # type: ignore[misc]
            elif place.kind == "indicator":  # an IndicatorValue of 数据指标
                self.store.set_indicator_value(place.row, value)  # type: ignore[arg-type]
            else:
                self.store.update_block(place.row, **{place.key: value})
        except NotFoundError:  # the chapter or block is gone (another report was opened): nothing to write
            log.info("change to %s dropped: it no longer exists", place)

    def _write_unit(self, place: Place, value: Any, strict: bool) -> None:
        unit = self.store.load_report(place.row).unit
        try:
            self.store.save_unit(replace(unit, **{place.key: value}))
        except StorageError as exc:  # a rule the clerk broke (a name already used): say so in the field
            if strict:
                raise
            self.display.field_error(place, str(exc))

    # ---- outline operations -------------------------------------------------------------------
    def apply_outline(self, editor: ChapterEditor, label: str, op: OutlineOp) -> bool:
        """Flush typing, run ``op`` on the stored outline and push it as one undo step."""
        if self.read_only:
            self.sig_message.emit("只读打开时不能修改报告。")
            return False
        self.autosaver.flush()
        before = self.store.load_blocks(editor.chapter_id)
        try:
            after, selected = op(before)
        except OutlineError as exc:
            self.sig_message.emit(str(exc))
            return False
        if tuple(after) == before:
            self.sig_message.emit(f"{label}：已经到头了，大纲没有变化")
            return False
        from fazhi_desktop.ui.chapter.outline_command import OutlineCommand

        steps.end_step()
        command = OutlineCommand(self.store, editor.chapter_id, before, tuple(after),
                                 (editor.current_index(), selected), label, self._outline_applied,
                                 self.autosaver.flush, self.sig_message.emit)
        self.undo_stack.push(command)
        return True

    def _outline_applied(self, chapter_id: int, blocks: tuple[Block, ...], selected: int) -> None:
        self.display.show_outline(chapter_id, blocks, selected)
        self.autosaver.sig_saved.emit(dt.datetime.now().strftime("%H:%M:%S"))  # written: 已保存 says when
