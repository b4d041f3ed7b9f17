"""Keeps the previews (the 预览 tab, and the side-by-side one while writing) showing the open report as it
will print: after an edit, an undo, a changed option or a change of report, the report is laid out
again by the export's own pre-flight — in a worker thread, so typing and scrolling never wait for it —
and the pages are shown when it is done (an older layout still on its way is dropped).

Nothing is laid out while no preview is on screen; the first showing lays out what is there then.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from fazhi_desktop.core.model import Report
from fazhi_desktop.export.blocks import TableBlock
from fazhi_desktop.export.flow import Para
from fazhi_desktop.export.fonts import canonical_map
from fazhi_desktop.export.options import ExportOptions
from fazhi_desktop.export.pageproblems import page_marks
from fazhi_desktop.export.pages import Row
from fazhi_desktop.export.preflight import Preflight, preflight
from fazhi_desktop.ui.exporting.export_choices import ExportChoices
from fazhi_desktop.ui.exporting.export_inputs import options_for, quiet_statistics
from fazhi_desktop.ui.preview.page_fonts import shared_fonts
from fazhi_desktop.ui.preview.page_painter import TOP
from fazhi_desktop.ui.preview.preview_navigation import open_row
from fazhi_desktop.ui.preview.preview_pane import PreviewPane

if TYPE_CHECKING:
    from fazhi_desktop.ui.window.main_window import MainWindow

SOON_MS = 0  # after an edit or a toggle: lay out at the next turn of the event loop
TYPING_PAUSE_MS = 200  # typing with a preview on screen: lay out after this pause


def layout_input(window: MainWindow, choices: ExportChoices) -> tuple[Report, ExportOptions] | None:
    """The open report as stored (pending typing written first) and the options chosen."""
    if window.view.report_id is None:
        return None
    window.autosaver.flush()
    report = window.view.report()
    request = choices.request
    attachments = quiet_statistics(window.store, report) if request.data_table else ()
    options = options_for(request, attachments)
    return report, replace(options, fonts=canonical_map())  # the layout does not depend on the fonts installed


class PreviewController(QObject):
    """Lays out the open report for the panes attached to it and answers their requests."""

    sig_laid_out = Signal(object)  # the Preflight now shown (tests and the benchmark wait for it)
    _sig_done = Signal(object)  # from the worker thread: (generation, key, future)

    def __init__(self, window: MainWindow, choices: ExportChoices) -> None:
        super().__init__(window)
        self.window = window
        self.choices = choices
        self.panes: list[PreviewPane] = []
        self.plan: Preflight | None = None
        self.report: Report | None = None
        self._key: tuple[object, ...] | None = None  # what the plan shown was laid out from
        self._generation = 0
        self._worker = ThreadPoolExecutor(1, thread_name_prefix="fazhi-preview")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._lay_out)
        self._sig_done.connect(self._done)
        choices.sig_changed.connect(self._choices_changed)
        window.undo_stack.indexChanged.connect(lambda _i: self.refresh())
        window.autosaver.sig_saved.connect(lambda _t: self.refresh())
        window.autosaver.sig_pending.connect(self._typing)
        window.view.sig_report_changed.connect(lambda _r: self.refresh())
        window.view.currentChanged.connect(lambda _i: self.refresh())
        window.sig_report_opened.connect(lambda _id, _viewing: self.refresh())

    def attach(self, pane: PreviewPane) -> None:
        self.panes.append(pane)
        pane.show_choices(self.choices.request)
        pane.sig_option_toggled.connect(self.choices.set)
        pane.sig_row_clicked.connect(self.open_row)
        pane.sig_export_pdf.connect(self.export_pdf)
        if self.plan is not None:
            pane.show_plan(self.plan, page_marks(self.plan), self._fonts_note(), self._notes(self.plan))
        self.refresh()

    def shown(self) -> bool:
        return any(p.isVisible() for p in self.panes)

    def refresh(self) -> None:
        """Lay out again soon if a preview is on screen (otherwise when one is shown): at once for the 预览
        tab, after a pause in the typing for the pages beside the chapter being written."""
        if any(p.isVisible() and not p.compact for p in self.panes):
            self._timer.start(SOON_MS)
        elif self.shown():
            self._typing()

    def _typing(self) -> None:
        if self.shown():  # only the side-by-side preview is on screen while typing
            self._timer.start(TYPING_PAUSE_MS)

    def _choices_changed(self) -> None:
        for pane in self.panes:
            pane.show_choices(self.choices.request)
        self.refresh()

    def _lay_out(self) -> None:
        taken = layout_input(self.window, self.choices)
        key = (*taken, self.choices.request) if taken is not None else None
        if taken is None or key == self._key:
            return
        self._generation += 1
        generation = self._generation
        for pane in self.panes:
            if self.plan is None:
                pane.show_busy("正在排版……")
        future = self._worker.submit(preflight, *taken)
        future.add_done_callback(lambda f: self._sig_done.emit((generation, key, f)))

    def _done(self, payload: tuple[int, tuple[Report, ExportOptions, object], Future[Preflight]]) -> None:
        generation, key, future = payload
        if generation != self._generation:
            return  # a newer layout is on its way
        try:
            plan = future.result()
        except Exception as exc:  # a bug in the layout must not take the window down
            for pane in self.panes:
                pane.show_busy(f"无法排版预览：{exc}")
            return
        self._key, self.report, self.plan = key, key[0], plan
        marks = page_marks(plan)
        note, notes = self._fonts_note(), self._notes(plan)
        for pane in self.panes:
            pane.show_plan(plan, marks, note, notes)
            if pane.compact:
                self._follow(pane, plan)
        self.sig_laid_out.emit(plan)

    def _follow(self, pane: PreviewPane, plan: Preflight) -> None:
        """Scroll the pages beside the chapter to the block being written."""
        editor = self.window.view.current_editor()
        report = self.report
        if editor is None or report is None:
            return
        chapter = next((i for i, c in enumerate(report.chapters) if c.id == editor.chapter_id), None)
        block = editor.tree.current_index()
        for page in plan.layout.pages:
            for row in page.rows:
                item = plan.items[row.item]
                sources = item.sources if isinstance(item, Para) else ()
                if any(s.chapter == chapter and (block < 0 or s.block == block) for s in sources):
                    pane.canvas.scroll_to_page(page.index, TOP + row.y / 20)
                    return

    def _notes(self, plan: Preflight) -> list[str]:
        """What the toggles asked for and the layout could not show."""
        if self.choices.request.data_table and not any(isinstance(i, TableBlock) for i in plan.items):
            return ["勾选了“附件统计表”，但“数据指标”里还没有填写任何数字，所以没有附统计表"]
        return []

    @staticmethod
    def _fonts_note() -> str:
        return "".join(shared_fonts().messages()[:1])

    def open_row(self, _page: int, row: Row) -> None:
        if self.plan is not None and self.report is not None:
            open_row(self.window.view, self.report, self.plan, row)

    def export_pdf(self) -> None:
        from fazhi_desktop.ui.exporting.pdf_actions import export_pdf

        export_pdf(self.window, self.choices)

    def stop(self) -> None:
        self._timer.stop()
        self._worker.shutdown(wait=True, cancel_futures=True)
