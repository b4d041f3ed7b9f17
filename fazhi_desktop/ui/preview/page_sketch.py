"""A page in miniature for the thumbnails: each line a grey bar where its text is (red for the 版头),
rules, table edges, the seal's circle and, in orange, the page's problems — readable at 100 pixels
wide, where glyphs would be a blur, and cheap enough to redo on every change."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap

from fazhi_desktop.export.pageproblems import PageMark
from fazhi_desktop.export.pages import Page
from fazhi_desktop.ui.preview.page_painter import LEFT, SHEET_H, SHEET_W, TOP, TYPE_W

TEXT_GREY = QColor(120, 120, 120)
HEADING_GREY = QColor(60, 60, 60)
MARK = QColor(245, 140, 0)


def sketch(page: Page, width: int, marks: Sequence[PageMark] = (), ratio: float = 1.0) -> QPixmap:
    """``page`` drawn ``width`` device-independent pixels wide."""
    scale = width / SHEET_W
    pixmap = QPixmap(round(width * ratio), round(SHEET_H * scale * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor(255, 255, 255))
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(scale, scale)
        for row in page.rows:
            top = TOP + row.y / 20
            height = row.height / 20
            if row.kind == "table":
                painter.setPen(QPen(TEXT_GREY, 0.8))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(LEFT, top, TYPE_W, height))
            for run in row.runs:
                if not run.text.strip():
                    continue
                size = run.half_points / 2
                colour = QColor(f"#{run.color}") if run.color else (
                    HEADING_GREY if row.role in ("title", "h1", "h2") else TEXT_GREY)
                end = TYPE_W if row.justify else run.x + run.width
                bar = QRectF(LEFT + run.x, TOP + row.bottom / 20 - size * 0.95 if row.kind == "text"
                             else top + 4 + run.line * 20, end - run.x, size * 0.72)
                painter.fillRect(bar, colour)
            if row.rule_color or row.rule_above or row.rule_below:
                painter.setPen(QPen(QColor(f"#{row.rule_color}") if row.rule_color else TEXT_GREY, 1.5))
                y = TOP + (row.bottom + 10) / 20 if row.rule_color else top if row.rule_above else top + height
                painter.drawLine(QPointF(LEFT, y), QPointF(LEFT + TYPE_W, y))
        painter.setPen(QPen(QColor(220, 20, 30, 200), 2.0))
        painter.setBrush(QColor(220, 20, 30, 40))
        for seal in page.seals:
            painter.drawEllipse(QPointF(LEFT + seal.x, TOP + seal.y / 20), seal.radius, seal.radius)
        painter.setPen(QPen(MARK, 6.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for mark in marks:
            painter.drawRect(QRectF(LEFT - 8, TOP + mark.y / 20, TYPE_W + 16, max(mark.height / 20, 14)))
    finally:
        painter.end()
    return pixmap
