"""Draw the program icon (a red seal with 法) and write app.ico (16–256 px) and app.png. Run once; output is committed.

    QT_QPA_PLATFORM=offscreen python build_scripts/make_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPen

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    red = QColor("#C8102E")
    margin = size * 0.06
    box = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    p.setBrush(QColor("#FFFFFF"))
    p.setPen(QPen(red, max(1.0, size * 0.07)))
    p.drawRoundedRect(box, size * 0.12, size * 0.12)
    font = QFont()
    font.setFamilies(["Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"])
    font.setPixelSize(int(size * 0.62))
    font.setBold(True)
    p.setFont(font)
    p.setPen(red)
    p.drawText(box, Qt.AlignmentFlag.AlignCenter, "法")
    p.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv)
    draw(256).save(str(HERE / "app.png"))
    (HERE / "app.ico").write_bytes(ico([png_bytes(draw(size)) for size in SIZES], SIZES))
    return 0


def png_bytes(image: QImage) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, b"PNG")
    return bytes(data.data())


def ico(pngs: list[bytes], sizes: tuple[int, ...]) -> bytes:
    """An .ico holding one PNG per size (Windows Vista+ reads PNG entries)."""
    import struct

    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in zip(sizes, pngs, strict=True):
        edge = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


if __name__ == "__main__":
    sys.exit(main())
