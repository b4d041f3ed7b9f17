"""导出PDF: the pages of the page plan drawn into a PDF with QPdfWriter — the same painter as the
preview, so the PDF is the preview on paper: A4, the fonts embedded (Qt embeds a subset of every font
it draws with), the document's title and author set, chapter bookmarks, and the text copyable as
written (:func:`~fazhi_desktop.export.pdfpost.finish_pdf`). No network, no LibreOffice, no Word. The
seal's circle is not drawn: the PDF is printed and stamped, or published, like the Word file.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

from fazhi_desktop import __version__
from fazhi_desktop.core.model import Report
from fazhi_desktop.export.atomic import write_atomic
from fazhi_desktop.export.body import clean
from fazhi_desktop.export.flow import Para, PStyle
from fazhi_desktop.export.pdfpost import Bookmark, PdfError, finish_pdf
from fazhi_desktop.export.preflight import Preflight
from fazhi_desktop.ui.preview.page_fonts import PageFonts, radical_equivalents, shared_fonts
from fazhi_desktop.ui.preview.page_painter import TOP, PagePainter

log = logging.getLogger(__name__)
RESOLUTION = 1200  # dots per inch of the PDF's coordinates (text and rules are vectors at any size)
CREATOR = f"法治政府建设年度报告助手 {__version__}"


@dataclass(frozen=True)
class PdfInfo:
    """The document information a PDF reader shows (文档属性)."""

    title: str
    author: str
    subject: str = ""


def info_for(report: Report) -> PdfInfo:
    organs = [clean(o) for o in report.signatories if clean(o)] or [clean(report.unit.full_name)]
    return PdfInfo(clean(report.title), "、".join(organs), f"{report.year}年度法治政府建设情况报告")


def bookmarks(plan: Preflight) -> list[Bookmark]:
    """Chapters (一级标题) with their sections (二级标题) as children, and each 附件."""
    out: list[Bookmark] = []
    seen: set[int] = set()
    levels = {PStyle.H1: 0, PStyle.ATTACH_LABEL: 0, PStyle.H2: 1}
    for page in plan.layout.pages:
        for row in page.rows:
            item = plan.items[row.item]
            if row.item in seen or not isinstance(item, Para) or item.style not in levels:
                continue
            seen.add(row.item)
            title = item.text.strip()
            if item.style is PStyle.ATTACH_LABEL:
                following = plan.items[row.item + 2] if row.item + 2 < len(plan.items) else None
                if isinstance(following, Para) and following.style is PStyle.TITLE:
                    title = f"{title} {following.text.strip()}"
            out.append(Bookmark(title, page.index - 1, TOP + row.y / 20, levels[item.style]))
    return out


def pdf_bytes(plan: Preflight, info: PdfInfo, fonts: PageFonts | None = None) -> bytes:
    """The whole PDF in memory."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setResolution(RESOLUTION)
    writer.setTitle(info.title)
    writer.setAuthor(info.author)
    writer.setCreator(CREATOR)
    fonts = fonts or shared_fonts()
    fonts.used.clear()
    page_painter = PagePainter(fonts)
    painter = QPainter(writer)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(RESOLUTION / 72, RESOLUTION / 72)
        for i, page in enumerate(plan.layout.pages):
            if i:
                writer.newPage()
            page_painter.paint(painter, page, seals=False)  # the real seal is pressed on the printed page
    finally:
        painter.end()
    data: QByteArray = buffer.data()
    raw = bytes(data.data())
    try:
        return finish_pdf(raw, bookmarks(plan), radical_equivalents(fonts))
    except PdfError:  # a Qt that writes its PDFs differently: the pages as drawn, without bookmarks
        log.warning("could not add bookmarks to the PDF", exc_info=True)
        return raw


def write_pdf(path: Path, plan: Preflight, info: PdfInfo, fonts: PageFonts | None = None) -> Path:
    """Write the PDF to ``path`` atomically (ExportError / TargetLockedError as the Word export)."""
    data = pdf_bytes(plan, info, fonts)

    def save(tmp: Path) -> None:
        tmp.write_bytes(data)

    write_atomic(Path(path), save)
    return Path(path)
