"""The window's side of the preview and 导出PDF: the export options shared by the preview's toggles and
the 导出Word dialog, the controller that lays the report out for the 预览 tab, and the menu actions
(打印预览 Ctrl+P, 导出PDF…). Everything here is made on first use: starting the program loads none of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fazhi_desktop.ui.exporting.export_choices import ExportChoices
    from fazhi_desktop.ui.preview.preview_controller import PreviewController
    from fazhi_desktop.ui.preview.preview_dock import PreviewDock
    from fazhi_desktop.ui.preview.preview_pane import PreviewPane
    from fazhi_desktop.ui.window.main_window import MainWindow


class PreviewHookup:
    """Connects the window to the preview once it exists."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._choices: ExportChoices | None = None
        self._controller: PreviewController | None = None
        self._dock: PreviewDock | None = None
        window.view.sig_preview_built.connect(self._built)
        window.sig_report_opened.connect(self._opened)

    @property
    def choices(self) -> ExportChoices:
        """The open report's export options (defaults from the report when first asked for)."""
        if self._choices is None:
            from fazhi_desktop.ui.exporting.export_choices import ExportChoices

            view = self.window.view
            self._choices = ExportChoices(view.report() if view.report_id is not None else None, self.window)
        return self._choices

    @property
    def controller(self) -> PreviewController:
        if self._controller is None:
            from fazhi_desktop.ui.preview.preview_controller import PreviewController

            self._controller = PreviewController(self.window, self.choices)
        return self._controller

    def _opened(self, report_id: int, _viewing: bool) -> None:
        if self._choices is not None and self._choices.report_id != report_id:
            self._choices.reset(self.window.view.report())

    def _built(self, pane: PreviewPane) -> None:
        self.controller.attach(pane)

    def show(self) -> None:
        """打印预览: the 预览 tab."""
        view = self.window.view
        if view.report_id is not None and self.window.pages.currentWidget() is view:
            view.setCurrentWidget(view.preview)

    def show_beside(self, on: bool) -> None:
        """边写边看: the pages in a dock beside the chapters (made on first use), or not."""
        if on and self._dock is None:
            from PySide6.QtCore import Qt

            from fazhi_desktop.ui.preview.page_fonts import shared_fonts
            from fazhi_desktop.ui.preview.page_painter import PagePainter
            from fazhi_desktop.ui.preview.preview_dock import PreviewDock

            dock = self._dock = PreviewDock(PagePainter(shared_fonts()), self.window)
            dock.sig_closed.connect(lambda: self.window.act_preview_beside.setChecked(False))
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            self.window.resizeDocks([dock], [max(280, self.window.width() // 3)], Qt.Orientation.Horizontal)
            self.controller.attach(dock.pane)
        if self._dock is not None:
            self._dock.setVisible(on)
            if on:
                self.controller.refresh()

    def export_pdf(self) -> None:
        """导出PDF…: the pages as the preview shows them."""
        if self.window.view.report_id is None:
            return
        from fazhi_desktop.ui.exporting.pdf_actions import export_pdf

        export_pdf(self.window, self.choices)

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
