"""Finishing Qt's PDFs (export/pdfpost.py): bookmarks as an incremental update, and text maps that give
back the ideographs, not the radicals that share their glyphs — on a PDF built here the way QPdfWriter
writes them (classic cross-reference table, Type0 fonts with a /ToUnicode CMap)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from fazhi_desktop.export.pdfpost import Bookmark, PdfError, finish_pdf

CMAP = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfrange
<0000> <0000> <0000>
<0001> <0003> [<2F00> <7F51> <2EF0>]
endbfrange
1 beginbfchar
<2F00> <4E00>
endbfchar
endcmap
end
end"""


def qt_like_pdf(pages: int = 2) -> bytes:
    page_ids = [10 + i for i in range(pages)]
    objects = {
        1: b"<<\n/Title ()\n/Producer (test)\n>>",
        2: b"<<\n/Type /Catalog\n/Pages 3 0 R\n>>",
        3: b"<<\n/Type /Pages\n/Kids \n[\n" + b"".join(b"%d 0 R\n" % p for p in page_ids) + b"]\n/Count %d\n>>" % pages,
        5: b"<<\n/Font << /F6 6 0 R >>\n>>",
        6: b"<< /Type /Font\n/Subtype /Type0\n/BaseFont /Test\n/ToUnicode 7 0 R\n>>",
        7: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(CMAP), CMAP),
        8: b"<< /Length 0 >>\nstream\n\nendstream",
    }
    for p in page_ids:
        objects[p] = b"<<\n/Type /Page\n/Parent 3 0 R\n/Contents 8 0 R\n/Resources 5 0 R\n/MediaBox [0 0 595 842]\n>>"
    out = bytearray(b"%PDF-1.4\n%\xc3\xa2\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<<\n/Size %d \n/Info 1 0 R\n/Root 2 0 R\n>>\nstartxref\n%d \n%%%%EOF\n" % (size, xref)
    return bytes(out)


def _cmap(data: bytes) -> bytes:
    return re.findall(rb"(?<!\d)7 0 obj\n(.*?)endobj", data, re.S)[-1]


def test_radicals_in_the_text_map_become_the_ideographs_drawn() -> None:
    data = qt_like_pdf()
    out = finish_pdf(data, (), {0x2EF0: 0x9F99})
    assert out.startswith(data)  # an incremental update: what Qt wrote is untouched
    cmap = _cmap(out)
    assert b"[<4E00> <7F51> <9F99>]" in cmap  # 一 (NFKC of ⼀), 网, and 龙 as the caller drew it
    assert b"<2F00> <4E00>" in cmap  # a glyph numbered 0x2F00 keeps its number: only targets change
    assert finish_pdf(out) == out  # nothing left to fix


def test_bookmarks_are_added_as_an_outline_tree(tmp_path: Path) -> None:
    marks = [Bookmark("一、主要举措", 0, 120.0), Bookmark("（一）健全制度", 0, 300.0, 1),
             Bookmark("（二）规范执法", 1, 80.0, 1), Bookmark("二、存在的不足", 1, 400.0)]
    out = finish_pdf(qt_like_pdf(), marks)
    catalog = re.findall(rb"(?<!\d)2 0 obj\n(.*?)endobj", out, re.S)[-1]
    assert b"/Outlines" in catalog and b"/PageMode /UseOutlines" in catalog and b"/Pages 3 0 R" in catalog
    assert out.count(b"/Title <FEFF") == 4
    assert b"/Dest [11 0 R /XYZ 0 762.00 null]" in out  # page 2, 80 pt from its top
    assert re.search(rb"/Prev \d+\n>>\nstartxref", out)
    again = finish_pdf(out, [Bookmark("附件", 1, 50.0)])  # a second update reads through /Prev
    assert again.count(b"/Type /Outlines") == 2
    if shutil.which("pdftohtml") is None:
        pytest.skip("poppler's pdftohtml is not installed")
    path = tmp_path / "a.pdf"
    path.write_bytes(out)
    xml = subprocess.run(["pdftohtml", "-xml", "-stdout", "-i", str(path)], capture_output=True, text=True,
                         check=True).stdout
    items = re.findall(r'<item page="(\d+)">(.*?)</item>', xml)
    assert items == [("1", "一、主要举措"), ("1", "（一）健全制度"), ("2", "（二）规范执法"), ("2", "二、存在的不足")]
    assert xml.index("（一）健全制度") > xml.index("<outline>", xml.index("一、主要举措"))  # nested


def test_not_a_pdf_it_understands() -> None:
    with pytest.raises(PdfError):
        finish_pdf(b"%PDF-1.4\nnot really\n")
