"""The pages as PNG images (``fazhi-desktop preview``), drawn by the preview's painter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage, QPainter

from fazhi_desktop.export.pages import Page
from fazhi_desktop.export.preflight import Preflight
from fazhi_desktop.ui.preview.page_fonts import PageFonts, shared_fonts
from fazhi_desktop.ui.preview.page_painter import SHEET_H, SHEET_W, PagePainter


def page_image(page: Page, dpi: float, fonts: PageFonts | None = None) -> QImage:
    """One page at ``dpi`` dots per inch (A4 at 96 dpi is 794 × 1123 pixels)."""
    image = QImage(round(SHEET_W * dpi / 72), round(SHEET_H * dpi / 72), QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(dpi / 72, dpi / 72)
        PagePainter(fonts or shared_fonts()).paint(painter, page)
    finally:
        painter.end()
    return image


def write_pngs(plan: Preflight, folder: Path, dpi: float, stem: str = "page") -> list[Path]:
    """``stem-01.png`` … one per page in ``folder`` (made if missing); the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    width = max(2, len(str(plan.layout.page_count)))
    out = []
    for page in plan.layout.pages:
        path = folder / f"{stem}-{page.index:0{width}d}.png"
        if not page_image(page, dpi).save(str(path)):  # PNG, from the suffix
            raise OSError(f"无法写入图片：{path}")
        out.append(path)
    return out
