"""Adding, renaming, reordering and removing chapters of the open report (menu 章节)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from fazhi_desktop.core.model import Chapter, ChapterRole
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.edit.change_command import Change, Place
from fazhi_desktop.ui.window.report_view import ReportView

CUSTOM_CHOICE = "自定义章节（自己填写标题）"


class ChapterManager(QObject):
    """Chapter-level operations, each one step of the report's undo history (the tabs are rebuilt)."""

    sig_message = Signal(str)
    """A short Chinese message for the status bar."""

    sig_restore_available = Signal(bool)
    """A just-deleted chapter can (True) or can no longer (False) be restored."""

    def __init__(self, store: ReportStore, view: ReportView, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.store = store
        self.view = view
        self.parent_widget = parent_widget
        self._deleted: tuple[int, int, Chapter] | None = None  # (report id, index, chapter)

    def _refused(self) -> bool:
        """Viewing only (a report opened from 汇总, a data file another PC holds): no chapter operation."""
        if self.view.read_only:
            self.sig_message.emit("只读打开时不能修改报告。")
        return self.view.read_only

    def _current(self) -> tuple[int, Chapter] | None:
        if self._refused():
            return None
        editor = self.view.current_editor()
        if editor is None:
            self.sig_message.emit("请先切换到要操作的章节")
            return None
        return self.view.indexOf(editor) - 1, editor.chapter

    def _push(self, label: str, after: list[Chapter], show: int | None) -> None:
        """``after`` (the report's chapters) as one step of the undo history."""
        from fazhi_desktop.ui.chapter.chapter_command import ChapterCommand

        assert self.view.report_id is not None
        current = self.view.current_editor()
        before = self.view.report().chapters  # (typing was saved first)
        self.view.undo_stack.push(ChapterCommand(
            self.store, self.view.report_id, before, after, (current.chapter_id if current else None, show),
            label, lambda chapter_id: self.view.reload_chapters(select_chapter=chapter_id),
            self.view.autosaver.flush, self.sig_message.emit))

    def _chapters(self) -> list[Chapter]:
        self.view.autosaver.flush()
        return list(self.view.report().chapters)

    def add_chapter(self) -> None:
        """Ask which part to add (missing statutory roles first) and insert it after the current tab."""
        if self._refused():
            return
        report = self.view.report()
        missing = [r for r in ChapterRole if r.statutory and report.chapter(r) is None]
        choices = [r.label for r in missing] + [CUSTOM_CHOICE]
        picked = Dialogs.ask_choice(self.parent_widget, "添加章节", "要添加哪一部分？", choices)
        if picked is None:
            return
        if picked == CUSTOM_CHOICE:
            title = Dialogs.ask_text(self.parent_widget, "添加章节", "章标题：", "新增章节")
            if not title:
                return
            chapter = Chapter(role=ChapterRole.CUSTOM, title=title)
        else:
            from fazhi_desktop.core.templates import default_chapter  # the template data, when first used

            role = missing[choices.index(picked)]
            chapter = default_chapter(role, report.year)
        chapters = self._chapters()
        current = self._current_index()
        at = len(chapters) if current is None else current + 1
        self._push("添加章节", [*chapters[:at], chapter, *chapters[at:]], None)
        self.sig_message.emit(f"已添加章节：{chapter.title}（可撤销）")

    def _current_index(self) -> int | None:
        editor = self.view.current_editor()
        return None if editor is None else self.view.indexOf(editor) - 1

    def rename_chapter(self) -> None:
        current = self._current()
        if current is None:
            return
        _index, chapter = current
        old = self._live_title(chapter)
        title = Dialogs.ask_text(self.parent_widget, "重命名章节", "章标题：", old)
        if not title or chapter.id is None:
            return
        self.view.history.push("重命名章节", [Change(Place("chapter", "title", chapter.id), old, title)])

    def _live_title(self, chapter: Chapter) -> str:
        editor = self.view.editor_for(chapter.id) if chapter.id is not None else None
        return editor.title.text() if editor is not None else chapter.title

    def move_chapter(self, delta: int) -> None:
        current = self._current()
        if current is None:
            return
        index, chapter = current
        chapters = self._chapters()
        target = index + delta
        if not 0 <= target < len(chapters):
            return
        moving = chapters.pop(index)
        chapters.insert(target, moving)
        self._push("本章前移" if delta < 0 else "本章后移", chapters, chapter.id)

    def delete_chapter(self) -> None:
        """Remove the current chapter after confirmation; statutory parts get a stronger warning."""
        current = self._current()
        if current is None:
            return
        index, chapter = current
        title = self._live_title(chapter)
        if chapter.role.statutory:
            text = (f"“{title}”是规定必须报告的内容（{chapter.role.label}）。\n"
                    "删除后报告将缺少这一部分。\n\n确定删除这一章及其全部内容吗？")
        else:
            text = f"确定删除“{title}”这一章及其全部内容吗？"
        if not Dialogs.confirm(self.parent_widget, "删除章节", text):
            return
        chapters = self._chapters()
        gone = chapters.pop(index)
        assert self.view.report_id is not None
        self._deleted = (self.view.report_id, index, gone)
        self._push("删除章节", chapters, None)
        self.sig_restore_available.emit(True)
        self.sig_message.emit(f"已删除章节“{title}”，可按 Ctrl+Z 撤销，或用“章节 → 恢复刚删除的章节”找回")

    def restore_chapter(self) -> None:
        """Put the last deleted chapter back where it was (its text, its ids)."""
        if self._refused():
            return
        if self._deleted is None or self._deleted[0] != self.view.report_id:
            return
        _report_id, index, chapter = self._deleted
        chapters = self._chapters()
        self._deleted = None
        self.sig_restore_available.emit(False)
        if any(c.id == chapter.id for c in chapters):
            return  # already back (撤销)
        at = min(index, len(chapters))
        self._push("恢复章节", [*chapters[:at], chapter, *chapters[at:]], chapter.id)

    def forget(self) -> None:
        """Another report was opened: the deleted chapter can no longer be restored from here."""
        self._deleted = None
        self.sig_restore_available.emit(False)
