"""边写边看: the pages beside the chapter being written (a dock on the right of the window), laid out again
a moment after typing pauses and scrolled to the block being edited; closed, it costs nothing."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QWidget

from fazhi_desktop.ui.preview.page_painter import PagePainter
from fazhi_desktop.ui.preview.preview_pane import PreviewPane


class PreviewDock(QDockWidget):
    """A compact :class:`PreviewPane` (the pages and the zoom) in a dock widget."""

    sig_closed = Signal()

    def __init__(self, painter: PagePainter, parent: QWidget | None = None) -> None:
        super().__init__("边写边看（打印出来的样子）", parent)
        self.setObjectName("preview_dock")
        self.pane = PreviewPane(painter, compact=True)
        self.setWidget(self.pane)
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.sig_closed.emit()
