"""The pages in miniature down the side of the preview: click one to go there; the page in view is
the one selected; a page with a problem is framed in orange (:mod:`.page_sketch`)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

from fazhi_desktop.export.pageproblems import PageMark
from fazhi_desktop.export.pages import PageLayout
from fazhi_desktop.ui.preview.page_painter import SHEET_H, SHEET_W
from fazhi_desktop.ui.preview.page_sketch import sketch

THUMB_WIDTH = 84


class PageThumbnails(QListWidget):
    """One item per page, its icon a sketch of the page; emits the page chosen."""

    sig_page_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSpacing(6)
        self.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * SHEET_H / SHEET_W)))
        self.setUniformItemSizes(True)
        self.setMinimumWidth(THUMB_WIDTH + 40)
        self.setMaximumWidth(THUMB_WIDTH + 60)
        self.currentRowChanged.connect(self._chosen)
        self._quiet = False

    def set_pages(self, layout: PageLayout, marks: Sequence[PageMark] = ()) -> None:
        current = self.currentRow()
        self._quiet = True
        try:
            self.clear()
            ratio = self.devicePixelRatioF()
            for page in layout.pages:
                own = [m for m in marks if m.page == page.index]
                label = str(page.index) + (" ⚠" if own else "")
                item = QListWidgetItem(QIcon(sketch(page, THUMB_WIDTH, own, ratio)), label)
                tip = f"第{page.index}页" + ("".join(f"\n· {m.message}" for m in own))
                item.setToolTip(tip)
                self.addItem(item)
            if self.count():
                self.setCurrentRow(min(max(current, 0), self.count() - 1))
        finally:
            self._quiet = False

    def show_page(self, index: int) -> None:
        """Select page ``index`` (1-based) without emitting (the view scrolled there)."""
        self._quiet = True
        try:
            if 0 < index <= self.count():
                self.setCurrentRow(index - 1)
                self.scrollToItem(self.item(index - 1))
        finally:
            self._quiet = False

    def _chosen(self, row: int) -> None:
        if not self._quiet and row >= 0:
            self.sig_page_chosen.emit(row + 1)
