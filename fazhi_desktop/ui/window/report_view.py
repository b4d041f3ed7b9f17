"""The tabs of one open report: 基本信息 and one tab per chapter; routes every edit to the store."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTabWidget, QWidget

from fazhi_desktop.core.model import Chapter, Report, Status
from fazhi_desktop.core.numbering import chapter_number
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.edit import steps
from fazhi_desktop.ui.edit.change_command import Change, Place
from fazhi_desktop.ui.edit.place_display import PlaceDisplay
from fazhi_desktop.ui.edit.report_history import ReportHistory
from fazhi_desktop.ui.info.info_form import InfoForm
from fazhi_desktop.ui.window.autosaver import Autosaver
from fazhi_desktop.ui.window.read_only import lock_editing
from fazhi_desktop.ui.window.report_texts import tab_text
from fazhi_desktop.ui.window.tab_pages import add_placeholder, swap_page

if TYPE_CHECKING:  # each tab's widget (and what it needs) loads with its first showing: see ui.tab_pages
    from fazhi_desktop.core.checks import Location
    from fazhi_desktop.core.indicators import IndicatorValue
    from fazhi_desktop.ui.chapter.chapter_editor import ChapterEditor
    from fazhi_desktop.ui.checks.check_panel import CheckPanel
    from fazhi_desktop.ui.data.indicator_table import IndicatorTable
    from fazhi_desktop.ui.preview.preview_pane import PreviewPane

INDICATORS_TIP = "本年度的统计数字（案件、调解、普法等），比率自动计算，附上年对比"
CHECKS_TIP = "检查法规名称、规范表述、编号、标点、数字与数据指标是否一致等问题"
PREVIEW_TIP = "打印出来的样子：每一页的版面、页码、版头版记、印章位置；可导出PDF（Ctrl+P）"

class ReportView(QTabWidget):
    """Shows one report. Every change is one step of the report's undo history (:class:`ReportHistory`),
    written through the debounced :class:`Autosaver`."""

    sig_report_changed = Signal(object)
    """The stored report changed in a way the window shows (title, status, chapters)."""

    sig_message = Signal(str)
    """A short Chinese message for the status bar (e.g. why an outline edit was refused)."""

    sig_editor_built = Signal(object)
    """A chapter's editor (a :class:`ChapterEditor`) was just made."""

    sig_checks_built = Signal(object)
    """The 检查 list (a :class:`CheckPanel`) was just made: connect to it."""

    sig_preview_built = Signal(object)
    """The 预览 (a :class:`PreviewPane`) was just made: connect to it."""

    def __init__(self, store: ReportStore, autosaver: Autosaver, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.autosaver = autosaver
        self.undo_stack = undo_stack
        self.report_id: int | None = None
        self.read_only = False  # viewing a file another program holds: see ui.read_only
        self.info = InfoForm()
        self.addTab(self.info, "基本信息")
        self._preview_pane: PreviewPane | None = None
        self._preview_page = add_placeholder(self, "预览", PREVIEW_TIP)  # after the chapters (inserted before it)
        self._indicator_table: IndicatorTable | None = None
        self._indicators_due: int | None = None  # the report whose figures the table shows when first asked
        self._indicator_page = add_placeholder(self, "数据指标", INDICATORS_TIP)
        self._check_panel: CheckPanel | None = None
        self._check_page = add_placeholder(self, "检查", CHECKS_TIP)
        self.setDocumentMode(True)
        self._unbuilt: dict[QWidget, Chapter] = {}  # chapter tabs still on their empty page
        self._editors: set[ChapterEditor] = set()  # the chapter tabs built so far
        self._swapping = False
        self.display = PlaceDisplay(self)
        self.history = ReportHistory(store, autosaver, undo_stack, self.display)
        self.history.sig_message.connect(self.sig_message)
        self.currentChanged.connect(self._build_if_unbuilt)
        self.info.sig_report_field_edited.connect(self._on_report_field)
        self.info.sig_unit_field_edited.connect(self._on_unit_field)
        self.info.sig_status_edited.connect(self._on_status)

    # ---- loading ----------------------------------------------------------------------------
    def load(self, report_id: int) -> Report:
        """Show the stored report ``report_id`` (pending edits of the old one are flushed first)."""
        self.autosaver.flush()
        self.undo_stack.clear()
        report = self.store.load_report(report_id)
        self.report_id = report_id
        self.info.set_report(report)
        self._indicators_due = report_id  # filled when the 数据指标 tab is first shown or read
        self._rebuild_chapters(report.chapters)
        if self.read_only:
            lock_editing(self)
        self.setCurrentIndex(0)
        return report

    @property
    def indicators(self) -> IndicatorTable:
        """The 数据指标 table, made and filled with the open report's figures on first use."""
        if self._indicator_table is None:
            from fazhi_desktop.ui.data.indicator_table import IndicatorTable

            table = self._indicator_table = IndicatorTable()
            table.sig_value_edited.connect(self._on_indicator)
            table.sig_add_requested.connect(self._on_add_indicator)
            self._swap_in(self._indicator_page, table)
        if self._indicators_due is not None:
            self._load_indicators(self._indicators_due)
        return self._indicator_table

    @property
    def checks(self) -> CheckPanel:
        """The 检查 list, made on first use (the check itself runs when the tab is shown)."""
        if self._check_panel is None:
            from fazhi_desktop.ui.checks.check_panel import CheckPanel

            self._check_panel = CheckPanel()
            self._swap_in(self._check_page, self._check_panel)
            self.sig_checks_built.emit(self._check_panel)
        return self._check_panel

    @property
    def preview(self) -> PreviewPane:
        """The 预览 of the printed pages, made on first use (it lays the report out when shown)."""
        if self._preview_pane is None:
            from fazhi_desktop.ui.preview.page_fonts import shared_fonts
            from fazhi_desktop.ui.preview.page_painter import PagePainter
            from fazhi_desktop.ui.preview.preview_pane import PreviewPane

            self._preview_pane = PreviewPane(PagePainter(shared_fonts()))
            self._swap_in(self._preview_page, self._preview_pane)
            self.sig_preview_built.emit(self._preview_pane)
        return self._preview_pane

    def checks_built(self) -> bool:
        return self._check_panel is not None

    def checks_shown(self) -> bool:
        return self._check_panel is not None and self.currentWidget() is self._check_panel

    def _load_indicators(self, report_id: int) -> None:
        self._indicators_due = None
        self.indicators.load(self.store.catalog_for_report(report_id), self.store.indicator_values(report_id),
                                   self.store.previous_values(report_id))

    def unload(self) -> None:
        """Show nothing (the open report was deleted)."""
        self.autosaver.discard()
        self.undo_stack.clear()
        self.report_id = None
        self._indicators_due = None
        self._rebuild_chapters(())

    def report(self) -> Report:
        assert self.report_id is not None
        return self.store.load_report(self.report_id)

    def chapter_editors(self) -> list[ChapterEditor]:
        """Every chapter's editor, in tab order (building those not shown yet)."""
        for page in list(self._unbuilt):
            self._build(page)
        return self.built_editors()

    def built_editors(self) -> list[ChapterEditor]:
        return sorted(self._editors, key=self.indexOf)

    def editor_for(self, chapter_id: int) -> ChapterEditor | None:
        built = next((e for e in self.built_editors() if e.chapter_id == chapter_id), None)
        if built is not None:
            return built
        page = next((p for p, c in self._unbuilt.items() if c.id == chapter_id), None)
        return self._build(page) if page is not None else None

    def current_editor(self) -> ChapterEditor | None:
        widget = self.currentWidget()
        if widget in self._unbuilt:
            return None if self._swapping else self._build(widget)
        return next((e for e in self._editors if e is widget), None)

    def _build_if_unbuilt(self, index: int) -> None:
        page = self.widget(index)
        if self._swapping:
            return
        if page is self._indicator_page or (page is not None and page is self._indicator_table):
            self.indicators  # noqa: B018 - made on first show; filled when shown with a report's figures due
        elif page is self._check_page:
            self.checks  # noqa: B018
        elif page is self._preview_page:
            self.preview  # noqa: B018
        elif page in self._unbuilt:
            self._build(page)

    def _swap_in(self, page: QWidget, widget: QWidget) -> None:
        self._swapping = True
        try:
            swap_page(self, page, widget)
        finally:
            self._swapping = False
        if self.read_only:
            lock_editing(widget)

    def _build(self, page: QWidget) -> ChapterEditor:
        """Put the chapter's editor in place of its empty page (same tab, text and tooltip)."""
        from fazhi_desktop.ui.chapter.chapter_editor import ChapterEditor

        stale = self._unbuilt.pop(page)
        self.autosaver.flush()
        assert stale.id is not None
        chapter = self.store.load_chapter(stale.id)  # as it is now: undo or a fix may have changed it
        editor = ChapterEditor(chapter)
        self._editors.add(editor)
        editor.set_number(chapter_number(self.indexOf(page) - 1))
        cid = chapter.id
        editor.sig_chapter_edited.connect(lambda key, old, new, e=editor: self._on_chapter_edited(e, key, old, new))
        editor.sig_block_edited.connect(lambda row, key, old, new: self.history.record(
            Place("block", key, row, cid), old, new))
        editor.sig_outline_requested.connect(
            lambda label, op, e=editor: self.history.apply_outline(e, label, op))
        editor.sig_error.connect(self.sig_message)
        self._swap_in(page, editor)
        self.sig_editor_built.emit(editor)
        return editor

    def reload_chapters(self, select_chapter: int | None = None) -> None:
        """Rebuild the chapter tabs from the store (after adding, moving or removing a chapter, or its undo)."""
        self.autosaver.flush()
        self._rebuild_chapters(self.report().chapters)
        editor = self.editor_for(select_chapter) if select_chapter is not None else None
        if editor is not None:
            self.setCurrentWidget(editor)
        self.sig_report_changed.emit(self.report())

    def _rebuild_chapters(self, chapters: tuple[Chapter, ...]) -> None:
        self._swapping = True
        try:
            for old in [*self.built_editors(), *self._unbuilt]:
                self.removeTab(self.indexOf(old))
                old.deleteLater()
            self._unbuilt.clear()
            self._editors.clear()
            for index, chapter in enumerate(chapters):
                page = add_placeholder(self, tab_text(index, chapter.title, chapter.role), chapter.title, 1 + index)
                self._unbuilt[page] = chapter
        finally:
            self._swapping = False
        self._build_if_unbuilt(self.currentIndex())

    # ---- edits (each one undo step: see ui.edit.report_history) -----------------------------
    def _on_report_field(self, key: str, before: Any, after: Any) -> None:
        assert self.report_id is not None
        self.history.record(Place("report", key, self.report_id), before, after)

    def _on_unit_field(self, key: str, before: Any, after: Any) -> None:
        assert self.report_id is not None
        self.history.record(Place("unit", key, self.report_id), before, after)

    def _on_chapter_edited(self, editor: ChapterEditor, key: str, before: str, after: str) -> None:
        self.history.record(Place("chapter", key, editor.chapter_id), before, after)
        if key == "title":
            self.set_tab_title(editor, after)

    def _on_status(self, status: Status) -> None:
        """A status picked: one undo step, which also takes back the date it records."""
        assert self.report_id is not None
        report = self.report()
        now = report.with_status(status, dt.date.today())
        place = Place("status", "status", self.report_id)
        if self.history.push("修改状态", [Change(place, (report.status, report.status_dates),
                                                (now.status, now.status_dates))]) is None:
            self.info.show_status(self.report())  # refused (read-only, the disk): the stored status again

    def _on_indicator(self, before: IndicatorValue, after: IndicatorValue) -> None:
        """An accepted figure (or note, or source) of 数据指标: one undo step of its own."""
        assert self.report_id is not None
        steps.own_step()
        catalog = self._indicator_table.catalog if self._indicator_table is not None else None
        label = catalog[after.key].label if catalog is not None else after.key
        self.history.record(Place("indicator", after.key, self.report_id), before, after, f"修改数据指标“{label}”")

    def show_indicator(self, value: object, navigate: bool) -> None:
        """A figure changed by undo or redo: shown in the table (filled from the store if not yet shown)."""
        from fazhi_desktop.core.indicators import IndicatorValue

        if navigate:
            self.setCurrentWidget(self.indicators)
        if self._indicator_table is not None and self._indicators_due is None and isinstance(value, IndicatorValue):
            self._indicator_table.show_value(value, navigate)

    def _on_add_indicator(self, label: str, unit: str) -> None:
        """A unit's own indicator: stored for the unit, selected in this report, shown at once."""
        from fazhi_desktop.core.indicators import IndicatorValue

        report_id = self.report_id
        assert report_id is not None
        self.autosaver.flush()
        report = self.store.load_report(report_id)
        assert report.unit.id is not None
        added = self.store.add_custom_indicator(report.unit.id, label, unit)

        self.store.set_indicator_value(report_id, IndicatorValue(added.key))
        self._load_indicators(report_id)
        self.sig_message.emit(f"已添加自定义指标：{added.label}（{added.unit}）")

    def set_tab_title(self, editor: ChapterEditor, title: str) -> None:
        index = self.indexOf(editor)
        self.setTabText(index, tab_text(index - 1, title, editor.chapter.role))
        self.setTabToolTip(index, title)

    def goto(self, location: Location, length: int = 0) -> None:
        """Show the place of a finding or a found text and select its ``length`` characters."""
        self.display.goto(location, length)
