"""The pages at true proportions, scrolled: fit width, fit page or 100 % (true size on this screen), one
page a row or two side by side as a printed sheet is turned (page 1 on the right, then 2 | 3 …, so the
page numbers and the 版记 sit on the outer edges as they will), the 22-row grid on request, the
problems marked, and a click on a line reported with its row.

Each page is drawn once per zoom into a pixmap (:class:`PagePainter`, the painter of the PDF) and kept
while it is near the screen; marks and the line under the mouse are drawn over it.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from fazhi_desktop.export.geometry import LINE, LINES_PER_PAGE, TEXT_H
from fazhi_desktop.export.pageproblems import PageMark
from fazhi_desktop.export.pages import Page, PageLayout, Row
from fazhi_desktop.ui.preview.page_painter import LEFT, SHEET_H, SHEET_W, TOP, TYPE_W, PagePainter

MARGIN, GAP = 16, 14  # pixels around and between pages
ZOOMS = ("width", "page", "actual")
CACHED_PAGES = 12
MARK = QColor(245, 140, 0)


class PageCanvas(QAbstractScrollArea):
    """Shows a :class:`PageLayout`; emits the row a click lands on."""

    sig_row_clicked = Signal(int, object)  # page index (1-based), the Row
    sig_current_page = Signal(int)  # the page at the top of the view changed

    def __init__(self, painter: PagePainter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.painter = painter
        self.layout_: PageLayout = PageLayout()
        self.marks: list[PageMark] = []
        self.zoom = "width"
        self.two_up = False
        self.grid = False
        self._cache: OrderedDict[tuple[int, float], QPixmap] = OrderedDict()
        self._hover: tuple[int, Row] | None = None
        self._current = 0
        self.viewport().setMouseTracking(True)
        self.viewport().setStyleSheet("background: #8a8f99;")
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.viewport().update())

    # ---- what is shown ------------------------------------------------------------------------
    def set_pages(self, layout: PageLayout, marks: Sequence[PageMark] = ()) -> None:
        self.layout_ = layout
        self.marks = list(marks)
        self._cache.clear()
        self._hover = None
        self._relayout()

    def set_zoom(self, zoom: str) -> None:
        if zoom not in ZOOMS:
            raise ValueError(zoom)
        page = self.current_page()
        self.zoom = zoom
        self._relayout()
        self.scroll_to_page(page)

    def set_two_up(self, on: bool) -> None:
        page = self.current_page()
        self.two_up = on
        self._relayout()
        self.scroll_to_page(page)

    def set_grid(self, on: bool) -> None:
        self.grid = on
        self.viewport().update()

    # ---- geometry -----------------------------------------------------------------------------
    def scale(self) -> float:
        """Pixels per page point at the current zoom."""
        view = self.viewport().size()
        columns = 2 if self.two_up else 1
        if self.zoom == "actual":
            return self.logicalDpiX() / 72
        width = (view.width() - 2 * MARGIN - (columns - 1) * GAP) / columns / SHEET_W
        if self.zoom == "page":
            width = min(width, (view.height() - 2 * MARGIN) / SHEET_H)
        return max(0.1, width)

    def _slot(self, index: int) -> tuple[int, int]:
        """(row, column) of page ``index``: book-style spreads when two up (page 1 alone on the right)."""
        return (index // 2, index % 2) if self.two_up else (index - 1, 0)

    def page_rect(self, index: int) -> QRect:
        """Where page ``index`` (1-based) is, in content coordinates."""
        s = self.scale()
        w, h = round(SHEET_W * s), round(SHEET_H * s)
        columns = 2 if self.two_up else 1
        content = columns * w + (columns - 1) * GAP + 2 * MARGIN
        left = max(0, (self.viewport().width() - content) // 2) + MARGIN
        row, column = self._slot(index)
        return QRect(left + column * (w + GAP), MARGIN + row * (h + GAP), w, h)

    def _content_size(self) -> tuple[int, int]:
        if not self.layout_.pages:
            return 0, 0
        last = max((self.page_rect(p.index) for p in self.layout_.pages), key=lambda r: r.bottom())
        right = max(self.page_rect(p.index).right() for p in self.layout_.pages)
        return right + MARGIN, last.bottom() + MARGIN

    def _relayout(self) -> None:
        self._cache.clear()
        width, height = self._content_size()
        view = self.viewport().size()
        for bar, total, page in ((self.horizontalScrollBar(), width, view.width()),
                                 (self.verticalScrollBar(), height, view.height())):
            bar.setRange(0, max(0, total - page))
            bar.setPageStep(page)
            bar.setSingleStep(max(20, page // 20))
        self.viewport().update()

    def _offset(self) -> QPoint:
        return QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def current_page(self) -> int:
        """The page at the top of the view (1 when there is none)."""
        top = self.verticalScrollBar().value() + self.viewport().height() // 4
        found = [p.index for p in self.layout_.pages if self.page_rect(p.index).top() <= top]
        return found[-1] if found else 1

    def scroll_to_page(self, index: int, y_pt: float | None = None) -> None:
        """Bring page ``index`` to the top (or the point ``y_pt`` down it to a third of the way down)."""
        rect = self.page_rect(index)
        if y_pt is None:
            y = rect.top() - MARGIN
        else:
            y = rect.top() + round(y_pt * self.scale()) - self.viewport().height() // 3
        self.verticalScrollBar().setValue(max(0, y))
        self.horizontalScrollBar().setValue(max(0, rect.left() - MARGIN) if self.two_up else 0)

    def _scrolled(self, _value: int) -> None:
        self.viewport().update()
        page = self.current_page()
        if page != self._current:
            self._current = page
            self.sig_current_page.emit(page)

    # ---- painting -----------------------------------------------------------------------------
    def _pixmap(self, page: Page) -> QPixmap:
        s = self.scale()
        key = (page.index, s)
        found = self._cache.get(key)
        if found is not None:
            self._cache.move_to_end(key)
            return found
        ratio = self.devicePixelRatioF()
        rect = self.page_rect(page.index)
        pixmap = QPixmap(round(rect.width() * ratio), round(rect.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.scale(rect.width() / SHEET_W, rect.height() / SHEET_H)
            self.painter.paint(painter, page)
        finally:
            painter.end()
        self._cache[key] = pixmap
        while len(self._cache) > CACHED_PAGES:
            self._cache.popitem(last=False)
        return pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        offset = self._offset()
        shown = event.rect().translated(offset)
        for page in self.layout_.pages:
            rect = self.page_rect(page.index)
            if not rect.intersects(shown):
                continue
            target = rect.translated(-offset)
            painter.fillRect(target.translated(3, 3), QColor(0, 0, 0, 60))
            painter.drawPixmap(target.topLeft(), self._pixmap(page))
            self._overlay(painter, page, target)
        painter.end()

    def _overlay(self, painter: QPainter, page: Page, target: QRect) -> None:
        painter.save()
        painter.translate(QPointF(target.topLeft()))
        s = target.width() / SHEET_W
        painter.scale(s, s)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.grid:
            painter.setPen(QPen(QColor(80, 140, 220, 90), 0.5))
            painter.drawRect(QRectF(LEFT, TOP, TYPE_W, TEXT_H / 20))
            for k in range(1, LINES_PER_PAGE + 1):
                y = TOP + k * LINE / 20
                painter.drawLine(QPointF(LEFT, y), QPointF(LEFT + TYPE_W, y))
        for number, mark in enumerate(self.marks, start=1):
            if mark.page != page.index:
                continue
            band = QRectF(LEFT - 4, TOP + mark.y / 20, TYPE_W + 8, max(mark.height / 20, 12))
            painter.fillRect(band, QColor(MARK.red(), MARK.green(), MARK.blue(), 40))
            painter.setPen(QPen(MARK, 1.2))
            painter.drawRect(band)
            badge = QRectF(LEFT - 30, band.top(), 20, 20)
            painter.setBrush(MARK)
            painter.drawEllipse(badge)
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), str(number))
            painter.setBrush(QColor(0, 0, 0, 0))
        if self._hover is not None and self._hover[0] == page.index:
            row = self._hover[1]
            painter.fillRect(QRectF(LEFT - 2, TOP + row.y / 20, TYPE_W + 4, row.height / 20), QColor(40, 120, 230, 40))
        painter.restore()

    # ---- mouse --------------------------------------------------------------------------------
    def row_at(self, pos: QPoint) -> tuple[Page, Row] | None:
        """The page and row under ``pos`` (viewport coordinates), if any."""
        at = pos + self._offset()
        for page in self.layout_.pages:
            rect = self.page_rect(page.index)
            if not rect.contains(at):
                continue
            s = rect.width() / SHEET_W
            x = (at.x() - rect.left()) / s - LEFT
            y = ((at.y() - rect.top()) / s - TOP) * 20
            if not -20 <= x <= TYPE_W + 20:
                return None
            row = next((r for r in page.rows if r.y <= y < r.bottom and r.text.strip()), None)
            return (page, row) if row is not None else None
        return None

    def mark_at(self, pos: QPoint) -> PageMark | None:
        """The problem marked under ``pos``, if any."""
        at = pos + self._offset()
        for mark in self.marks:
            rect = self.page_rect(mark.page)
            s = rect.width() / SHEET_W
            y = ((at.y() - rect.top()) / s - TOP) * 20
            if rect.contains(at) and mark.y <= y <= mark.y + max(mark.height, 240):
                return mark
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        found = self.row_at(event.position().toPoint())
        hover = (found[0].index, found[1]) if found is not None else None
        if hover != self._hover:
            self._hover = hover
            self.viewport().update()
            self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if hover else Qt.CursorShape.ArrowCursor)
        mark = self.mark_at(event.position().toPoint())
        if mark is not None:
            QToolTip.showText(event.globalPosition().toPoint(), f"第{mark.page}页：{mark.message}", self)
        elif found is not None:
            QToolTip.showText(event.globalPosition().toPoint(), "单击打开这一段", self)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            found = self.row_at(event.position().toPoint())
            if found is not None:
                self.sig_row_clicked.emit(found[0].index, found[1])
        super().mouseReleaseEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        page = self.current_page()
        super().resizeEvent(event)
        self._relayout()
        if self.zoom != "actual":
            self.scroll_to_page(page)
