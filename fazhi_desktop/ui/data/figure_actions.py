"""The 插入数据… action: write a figure of the 数据指标 table at the cursor of the chapter being edited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from fazhi_desktop.ui.edit import steps
from fazhi_desktop.ui.window.report_view import ReportView

if TYPE_CHECKING:
    from fazhi_desktop.core.tables import TableFigure
    from fazhi_desktop.ui.chapter.chapter_editor import ChapterEditor
    from fazhi_desktop.ui.data.figure_picker import FigureEntry

SHORTCUT = "Ctrl+Shift+D"
NO_REPORT = "插入数据：请先打开一份报告。"
NO_CHAPTER = "插入数据：请先切换到要写入的章节，在左侧选择条目，再把光标放在正文中要插入的位置。"
NO_BLOCK = "插入数据：请先在左侧大纲中选择一个条目，再把光标放在正文中要插入的位置。"
NOTHING_FILLED = "插入数据：“数据指标”中还没有填写任何数字，请先在“数据指标”页填写。"


class FigureInserter(QObject):
    """Owns the action (menu 编辑, Ctrl+Shift+D, and the chapter toolbars); edits go through the
    editors' own signals, so the debounced autosave stores them like typing."""

    sig_message = Signal(str)
    """A short Chinese message for the status bar."""

    def __init__(self, view: ReportView, parent: QWidget) -> None:
        super().__init__(parent)
        self.view = view
        self.action = QAction("插入数据…", parent)
        self.action.setShortcuts([QKeySequence(SHORTCUT)])
        # the shortcut as Windows and Linux show it (QKeySequence's formats would build its enums at start)
        self.action.setToolTip(f"把“数据指标”中的数字（含单位，如186件、97.3%）插入到正文光标处（{SHORTCUT}）")
        self.action.setStatusTip(self.action.toolTip())
        self.action.triggered.connect(self.insert)
        view.currentChanged.connect(lambda _index: self._offer_in_toolbar())

    def _offer_in_toolbar(self) -> None:
        """Put the action at the end of the shown chapter's toolbar (once per chapter tab)."""
        editor = self.view.current_editor()
        if editor is not None and self.action not in editor.toolbar.actions():
            editor.toolbar.addSeparator()
            editor.toolbar.addAction(self.action)
            editor.block_editor.sig_fill_figures.connect(self.fill_table_figures)

    def fill_table_figures(self, figures: tuple[TableFigure, ...]) -> None:
        """填入数据指标 under a pasted table: its figures into 数据指标, one undo step (notes kept)."""
        from dataclasses import replace

        from fazhi_desktop.core.indicators import IndicatorValue
        from fazhi_desktop.core.tables import figure_values
        from fazhi_desktop.ui.edit.change_command import Change, Place

        view = self.view
        if view.report_id is None or view.read_only:
            return
        view.autosaver.flush()
        catalog = view.store.catalog_for_report(view.report_id)
        values, refused = figure_values(catalog, figures)
        stored = view.store.indicator_values(view.report_id)
        changes = []
        for key, value in values.items():
            before = stored.get(key, IndicatorValue(key))
            after = replace(before, value=value.value, state=value.state)  # its 备注 and 来源 stay
            changes.append(Change(Place("indicator", key, view.report_id), before, after))
        done = bool(changes) and view.history.push("填入表格中的数据指标", changes) is not None
        filled = "、".join(f"{catalog[c.place.key].label}{values[c.place.key].value}" for c in changes)
        message = (f"已填入数据指标：{filled}（Ctrl+Z 撤销）。" if done else
                   "表格中的数字与数据指标中已有的相同，未作改动。" if not changes and values else "")
        if refused:
            message += "未填入：" + "；".join(refused)
        self.sig_message.emit(message or "未能填入数据指标。")

    def _target(self, editor: ChapterEditor) -> QPlainTextEdit | QLineEdit | None:
        """The focused 导语 or heading, else the selected block's body; None without a block."""
        focused = QApplication.focusWidget()
        if focused is editor.lead:
            return editor.lead
        if not 0 <= editor.current_index() < len(editor.blocks):
            return None
        heading = editor.block_editor.heading
        if focused is heading and heading.isEnabled():
            return heading
        return editor.block_editor.body

    def insert(self) -> FigureEntry | None:
        """Ask for a figure and write it at the cursor; the figure inserted, or None."""
        if self.view.report_id is None:
            self.sig_message.emit(NO_REPORT)
            return None
        editor = self.view.current_editor()
        if editor is None:
            self.sig_message.emit(NO_CHAPTER)
            return None
        target = self._target(editor)
        if target is None:
            self.sig_message.emit(NO_BLOCK)
            return None
        from fazhi_desktop.ui.data.figure_picker import FigurePicker, figure_entries  # on first use

        table = self.view.indicators  # its values include figures typed but not yet autosaved
        entries = figure_entries(table.catalog, table.values) if table.catalog is not None else []
        if not entries:
            self.sig_message.emit(NOTHING_FILLED)
            return None
        entry = FigurePicker.ask(entries, self.view.window())
        if entry is None:
            return None
        steps.own_step()  # one undo step: Ctrl+Z takes back the figure and nothing typed or pasted before it
        if isinstance(target, QLineEdit):
            target.insert(entry.text)  # emits textEdited like typing
        else:
            cursor = target.textCursor()
            cursor.insertText(entry.text)  # replaces a selection, like typing
            target.setTextCursor(cursor)
        target.setFocus()
        self.sig_message.emit(f"已插入{entry.label}：{entry.text}")
        return entry
