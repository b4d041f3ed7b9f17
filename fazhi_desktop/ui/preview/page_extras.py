"""What a page carries besides its rows: the page number "— N —" (GB/T 9704 7.5) and where the seal
will be pressed (7.3.5.1), drawn in page points like the rows (:mod:`.page_painter`)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QGlyphRun, QPainter, QPainterPath, QPen

from fazhi_desktop.export.fonts import FontRole
from fazhi_desktop.export.geometry import SMALL_HALF_POINTS
from fazhi_desktop.export.pages import FOOTER_CENTRE_MM, PT_PER_MM, Page
from fazhi_desktop.export.textmetrics import LIBREOFFICE, Span, advances
from fazhi_desktop.ui.preview.page_fonts import PageFonts

SEAL_RED = QColor(220, 20, 30)
ONE_CHAR_PT = 14.0  # the page number is one 四号 character in from the edge of the type area


def number_advances(text: str) -> list[float]:
    """Advances (pt) of the page number's characters: 宋体 in every slot, so digits are half-width."""
    size = SMALL_HALF_POINTS / 2
    return advances(text, (Span(len(text), size, 0.0, True),), LIBREOFFICE) if text else []


def paint_number(painter: QPainter, page: Page, fonts: PageFonts, left: float, top: float, width: float) -> None:
    """"— N —" with its dashes 7 mm below the type area: odd pages right, even pages left, one character in."""
    text = page.footer_text
    if not text:
        return
    size = SMALL_HALF_POINTS / 2
    raw = fonts.raw(FontRole.SONGTI, size)
    adv = number_advances(text)
    total = sum(adv)
    x = left + width - ONE_CHAR_PT - total if page.footer_side == "right" else left + ONE_CHAR_PT
    glyphs = raw.glyphIndexesForString(text)
    if len(glyphs) != len(text):
        return
    dash = raw.boundingRect(glyphs[0])
    baseline = FOOTER_CENTRE_MM * PT_PER_MM - dash.center().y()
    positions, at = [], x
    for a in adv:
        positions.append(QPointF(at, baseline))
        at += a
    run = QGlyphRun()
    run.setRawFont(raw)
    keep = [i for i, ch in enumerate(text) if not ch.isspace()]
    run.setGlyphIndexes([glyphs[i] for i in keep])
    run.setPositions([positions[i] for i in keep])
    painter.setPen(QColor(0, 0, 0))
    painter.drawGlyphRun(QPointF(0, 0), run)


def _star(cx: float, cy: float, r: float) -> QPainterPath:
    import math

    path = QPainterPath()
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.382
        angle = -math.pi / 2 + k * math.pi / 5
        point = QPointF(cx + radius * math.cos(angle), cy + radius * math.sin(angle))
        path.moveTo(point) if k == 0 else path.lineTo(point)
    path.closeSubpath()
    return path


def paint_seal(painter: QPainter, page: Page, left: float, top: float) -> None:
    """A translucent red 42 mm circle where each seal goes, over the organ name and the date."""
    for seal in page.seals:
        cx, cy, r = left + seal.x, top + seal.y / 20, seal.radius
        painter.save()
        painter.setPen(QPen(QColor(SEAL_RED.red(), SEAL_RED.green(), SEAL_RED.blue(), 190), 1.6))
        painter.setBrush(QBrush(QColor(SEAL_RED.red(), SEAL_RED.green(), SEAL_RED.blue(), 38)))
        painter.drawEllipse(QRectF(cx - r, cy - r, 2 * r, 2 * r))
        painter.setPen(QPen(QColor(SEAL_RED.red(), SEAL_RED.green(), SEAL_RED.blue(), 110), 0.6))
        painter.setBrush(QBrush())
        inner = r * 0.9
        painter.drawEllipse(QRectF(cx - inner, cy - inner, 2 * inner, 2 * inner))
        painter.setPen(QColor(0, 0, 0, 0))
        painter.setBrush(QBrush(QColor(SEAL_RED.red(), SEAL_RED.green(), SEAL_RED.blue(), 90)))
        painter.drawPath(_star(cx, cy, r * 0.3))
        painter.restore()
