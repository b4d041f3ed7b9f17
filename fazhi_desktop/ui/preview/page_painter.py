"""Drawing one page of the export's page plan with a QPainter: the preview, its thumbnails' big
brother, the PDF and the PNGs all come from here, so what the clerk looks at is what is printed.

The painter works in page points (origin at the top-left corner of the A4 sheet). Every character is
placed at the advance the page plan gives it (:attr:`PlacedRun.advances`, LibreOffice's widths, which
the export forces Word and WPS to agree with), full lines of justified paragraphs spread to the right
edge as the renderers do; the font of each character is the one its run is written with (digits and
letters in Times New Roman unless the run says otherwise). Rows sit on the grid: a line's descent on
the bottom of its row, as LibreOffice sets exact line heights; table and 版记 lines 20 pt apart,
centred in their rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QGlyphRun, QPaintEngine, QPainter, QPen

from fazhi_desktop.export.fonts import FontRole
from fazhi_desktop.export.geometry import MARGIN_LEFT, MARGIN_TOP, PAGE_H, PAGE_W, TEXT_W
from fazhi_desktop.export.pages import Page, PlacedRun, Row
from fazhi_desktop.export.textmetrics import Script, script
from fazhi_desktop.ui.preview.page_extras import paint_number, paint_seal
from fazhi_desktop.ui.preview.page_fonts import PageFonts

LEFT = MARGIN_LEFT / 20  # pt: the type area's left edge on the sheet
TOP = MARGIN_TOP / 20
SHEET_W, SHEET_H = PAGE_W / 20, PAGE_H / 20
TYPE_W = TEXT_W / 20
CELL_LINE_PT = 20.0  # table cells and 版记 rows: exact 20 pt lines
TABLE_RULE_PT = 0.5
BLACK = QColor(0, 0, 0)


def _colour(run: PlacedRun) -> QColor:
    return QColor(f"#{run.color}") if run.color else BLACK


def _glued(a: str, b: str) -> bool:
    """Justification leaves a number or a Latin word whole ("2025", "95.5%")."""
    return a.isascii() and b.isascii() and not a.isspace() and not b.isspace()


def spread(row: Row) -> list[list[float]]:
    """Every character's x (pt from the type area's left edge), per run, with a full justified line
    spread to the right edge of the type area."""
    xs = [run.positions() for run in row.runs]
    if not row.justify or not row.runs:
        return xs
    chars = [(ch, r, k) for r, run in enumerate(row.runs) for k, ch in enumerate(run.text)]
    while chars and chars[-1][0].isspace():
        chars.pop()
    if len(chars) < 2:
        return xs
    last_run, last_k = chars[-1][1], chars[-1][2]
    end = xs[last_run][last_k] + (row.runs[last_run].advances[last_k] if row.runs[last_run].advances else 0.0)
    gaps = [i for i in range(1, len(chars)) if not _glued(chars[i - 1][0], chars[i][0])]
    # spread to the edge; a line's last character may overhang by the spacing the renderers drop at a line end
    extra = (TYPE_W - end) / len(gaps) if gaps else 0.0
    shift, g = 0.0, 0
    for i, (_ch, r, k) in enumerate(chars):
        if g < len(gaps) and gaps[g] == i:
            shift += extra
            g += 1
        xs[r][k] += shift
    return xs


def _as_paths(painter: QPainter, size: float) -> bool:
    """Glyphs too big for Qt's raster glyph cache (over 64 pixels: the 版头's mark zoomed in on a 150 %
    screen) are not drawn at all from a glyph run: draw them as outlines. PDFs keep real text."""
    engine = painter.paintEngine()
    if engine is None or engine.type() != QPaintEngine.Type.Raster:
        return False
    scale = max(abs(painter.deviceTransform().m11()), abs(painter.deviceTransform().m22()))
    return size * scale > 60


class PagePainter:
    """Paints pages of a :class:`~fazhi_desktop.export.pages.PageLayout` in page points."""

    def __init__(self, fonts: PageFonts) -> None:
        self.fonts = fonts

    def paint(self, painter: QPainter, page: Page, seals: bool = True) -> None:
        """``page`` on a white sheet; ``seals``: the red circles where the seal will be pressed (on screen
        and in the preview images; never in the PDF, which is printed and then stamped, or published)."""
        painter.fillRect(QRectF(0, 0, SHEET_W, SHEET_H), QColor(255, 255, 255))
        rows = list(page.rows)
        for i, row in enumerate(rows):
            following = rows[i + 1] if i + 1 < len(rows) else None
            if row.kind == "table":
                self._table_rules(painter, row, following)
            elif row.kind == "imprint":
                self._imprint_rules(painter, row)
            elif row.rule_color:
                pen = QPen(QColor(f"#{row.rule_color}"), 1.0)
                painter.setPen(pen)
                y = TOP + (row.bottom + 10) / 20
                painter.drawLine(QPointF(LEFT, y), QPointF(LEFT + TYPE_W, y))
            self._text(painter, row, rows)
        if seals:
            paint_seal(painter, page, LEFT, TOP)
        paint_number(painter, page, self.fonts, LEFT, TOP, TYPE_W)

    # ---- text ---------------------------------------------------------------------------------
    def _baseline(self, row: Row, run: PlacedRun, rows: Sequence[Row]) -> float:
        size = run.half_points / 2
        descent = self.fonts.raw(run.font, size, run.bold).descent()
        if row.kind == "text":
            return TOP + row.bottom / 20 - descent
        lines = 1 + max((r.line for r in self._cell_runs(row, run)), default=0)
        top = TOP + row.y / 20 + (self._span(row, run, rows) - lines * CELL_LINE_PT) / 2
        return top + (run.line + 1) * CELL_LINE_PT - descent

    def _cell_runs(self, row: Row, run: PlacedRun) -> list[PlacedRun]:
        if row.kind != "table":
            return list(row.runs)
        col = self._column(row, run)
        return [r for r in row.runs if self._column(row, r) == col]

    @staticmethod
    def _column(row: Row, run: PlacedRun) -> int:
        edges = row.borders
        return next((c for c in range(len(edges) - 1) if edges[c] / 20 <= run.x < edges[c + 1] / 20), 0)

    def _span(self, row: Row, run: PlacedRun, rows: Sequence[Row]) -> float:
        """Height (pt) the cell of ``run`` spans: its row and the rows below that continue its merge."""
        height = row.height / 20
        if row.kind != "table":
            return height
        col = self._column(row, run)
        at = rows.index(row)
        for below in rows[at + 1:]:
            if below.kind != "table" or below.item != row.item or col not in below.open_top:
                break
            height += below.height / 20
        return height

    def _text(self, painter: QPainter, row: Row, rows: Sequence[Row]) -> None:
        xs = spread(row)
        for run, x_chars in zip(row.runs, xs, strict=True):
            if not run.text.strip():
                continue
            self._run(painter, run, x_chars, self._baseline(row, run, rows))

    def _run(self, painter: QPainter, run: PlacedRun, xs: list[float], baseline: float) -> None:
        size = run.half_points / 2
        painter.setPen(_colour(run))
        pieces: list[tuple[FontRole, list[str], list[float]]] = []  # consecutive characters in one font
        for ch, x in zip(run.text, xs, strict=True):
            if ch.isspace():
                continue
            role = FontRole.LATIN if script(ch) is Script.LATIN and not run.cjk_latin else run.font
            if not pieces or pieces[-1][0] is not role:
                pieces.append((role, [], []))
            pieces[-1][1].append(ch)
            pieces[-1][2].append(x)
        for role, chars, at in pieces:
            self._glyphs(painter, role, size, run.bold and role is not FontRole.LATIN, "".join(chars), at, baseline)

    def _glyphs(self, painter: QPainter, role: FontRole, size: float, bold: bool, text: str, xs: list[float],
                baseline: float) -> None:
        raw = self.fonts.raw(role, size, bold)
        self.fonts.used.setdefault((role, bold), set()).update(text)
        glyphs = raw.glyphIndexesForString(text)
        if len(glyphs) != len(text):  # characters beyond the BMP: one by one
            glyphs = [g[0] if len(g := raw.glyphIndexesForString(ch)) == 1 else 0 for ch in text]
        keep = [i for i, g in enumerate(glyphs) if g]
        if keep and _as_paths(painter, size):
            colour = painter.pen().color()
            for i in keep:
                path = raw.pathForGlyph(glyphs[i])
                path.translate(LEFT + xs[i], baseline)
                painter.fillPath(path, colour)
        elif keep:
            run = QGlyphRun()
            run.setRawFont(raw)
            run.setGlyphIndexes([glyphs[i] for i in keep])
            run.setPositions([QPointF(LEFT + xs[i], baseline) for i in keep])
            painter.drawGlyphRun(QPointF(0, 0), run)
        missing = [i for i, g in enumerate(glyphs) if not g]
        if missing:
            painter.setFont(self.fonts.fallback(role, size))
            for i in missing:
                painter.drawText(QPointF(LEFT + xs[i], baseline), text[i])

    # ---- rules --------------------------------------------------------------------------------
    @staticmethod
    def _table_rules(painter: QPainter, row: Row, following: Row | None) -> None:
        painter.setPen(QPen(BLACK, TABLE_RULE_PT))
        top, bottom = TOP + row.y / 20, TOP + row.bottom / 20
        edges = [LEFT + e / 20 for e in row.borders]
        for x in edges:
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
        for c in range(len(edges) - 1):
            if c not in row.open_top:
                painter.drawLine(QPointF(edges[c], top), QPointF(edges[c + 1], top))
        if following is None or following.kind != "table" or following.item != row.item:
            painter.drawLine(QPointF(edges[0], bottom), QPointF(edges[-1], bottom))

    @staticmethod
    def _imprint_rules(painter: QPainter, row: Row) -> None:
        for size, y in ((row.rule_above, row.y), (row.rule_below, row.bottom)):
            if size:
                painter.setPen(QPen(BLACK, size / 8))
                painter.drawLine(QPointF(LEFT, TOP + y / 20), QPointF(LEFT + TYPE_W, TOP + y / 20))
