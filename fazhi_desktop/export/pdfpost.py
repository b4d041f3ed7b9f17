"""Finishing a PDF that Qt wrote (QPdfWriter): chapter bookmarks, and text that copies and searches as
it was written. Standard library only; the additions are an incremental update appended to the file
(ISO 32000-1 §7.5.6), so nothing Qt wrote is rewritten.

- Bookmarks: an ``/Outlines`` tree (chapters, their sections as children, 附件) whose entries jump to
  the heading's page and height; the catalog is given anew with ``/Outlines`` and ``/PageMode
  /UseOutlines`` so a reader opens with the bookmarks shown.
- Text: Qt maps each glyph back to the *lowest* code point the font maps to it. Fonts such as Noto CJK
  map the radicals (U+2E80…U+2FDF) to the glyphs of the ideographs they look like, so "一网龙" would copy
  as "⼀⽹⻰". Every ``/ToUnicode`` map that names a radical is given anew with the ideograph the caller
  knows it drew with that glyph (``equivalents``), else the radical's compatibility decomposition (NFKC).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement and Kangxi Radicals


@dataclass(frozen=True)
class Bookmark:
    """An outline entry: its title, the page (0-based), how far down (pt from the top) and its level."""

    title: str
    page: int
    top: float
    level: int = 0


class PdfError(ValueError):
    """The file is not a PDF this module understands (it only finishes what QPdfWriter wrote)."""


class _Objects:
    """Where each object starts, from the file's cross-reference tables (the last one first)."""

    def __init__(self, data: bytes, xref: int) -> None:
        self.data = data
        self.offsets: dict[int, int] = {}
        while True:
            at = xref + len(b"xref")
            head = re.compile(rb"\s*(\d+)\s+(\d+)\s*\r?\n")
            while (m := head.match(data, at)) is not None:
                first, count = int(m.group(1)), int(m.group(2))
                at = m.end()
                for k in range(count):
                    entry = data[at + 20 * k:at + 20 * k + 18].split()
                    if len(entry) == 3 and entry[2] == b"n":
                        self.offsets.setdefault(first + k, int(entry[0]))
                at += 20 * count
            prev = re.search(rb"/Prev\s+(\d+)", data[at:data.find(b">>", at) + 2])
            if prev is None:
                break
            xref = int(prev.group(1))

    def __getitem__(self, number: int) -> bytes:
        """The object's text (only ever asked of objects without binary streams)."""
        at = self.offsets.get(number)
        if at is None:
            raise PdfError(f"object {number} not found")
        start = self.data.index(b"obj", at) + 3
        return self.data[start:self.data.index(b"endobj", start)].strip()


def _ref(body: bytes, key: bytes) -> int:
    m = re.search(rb"/" + key + rb"\s+(\d+)\s+0\s+R", body)
    if m is None:
        raise PdfError(f"/{key.decode()} not found")
    return int(m.group(1))


def _trailer(data: bytes) -> tuple[bytes, int]:
    at = data.rfind(b"trailer")
    m = re.search(rb"startxref\s+(\d+)\s*%%EOF\s*$", data)
    if at < 0 or m is None:
        raise PdfError("no trailer")
    return data[at:m.start()], int(m.group(1))


def page_objects(objects: _Objects, pages: int) -> list[int]:
    """The page objects in order, walking the page tree from ``pages`` (the /Pages object)."""
    body = objects[pages]
    kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S)
    if kids is None:
        raise PdfError("no /Kids")
    out: list[int] = []
    for number in (int(n) for n in re.findall(rb"(\d+)\s+0\s+R", kids.group(1))):
        kid = objects[number]
        out += page_objects(objects, number) if re.search(rb"/Type\s*/Pages\b", kid) else [number]
    return out


def _height(objects: _Objects, page: int) -> float:
    m = re.search(rb"/MediaBox\s*\[\s*[-\d.]+\s+[-\d.]+\s+[-\d.]+\s+([-\d.]+)\s*\]", objects[page])
    return float(m.group(1)) if m else 842.0


def _font_refs(objects: _Objects, page: int) -> list[bytes]:
    """The fonts a page uses (its /Resources' /Font dictionary, direct or referenced)."""
    resources = objects[page]
    ref = re.search(rb"/Resources\s+(\d+)\s+0\s+R", resources)
    if ref is not None:
        resources = objects[int(ref.group(1))]
    fonts = re.search(rb"/Font\s*(?:(\d+)\s+0\s+R|<<(.*?)>>)", resources, re.S)
    if fonts is None:
        return []
    table = objects[int(fonts.group(1))] if fonts.group(1) else fonts.group(2)
    return re.findall(rb"/\w+\s+(\d+)\s+0\s+R", table)


def _text_string(text: str) -> bytes:
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _fix_cmap(cmap: bytes, equivalents: dict[int, int]) -> bytes:
    """Destinations of the bf ranges and chars that are radicals, mapped to their ideographs."""
    def unit(m: re.Match[bytes]) -> bytes:
        value = int(m.group(1), 16)
        if value in RADICALS:
            return b"<%04X>" % equivalents.get(value, ord(unicodedata.normalize("NFKC", chr(value))[0]))
        return m.group(0)

    out = []
    section = b""
    for line in cmap.split(b"\n"):
        words = line.split()
        if words and words[-1] in (b"beginbfrange", b"beginbfchar"):
            section = words[-1]
        elif words and words[0] in (b"endbfrange", b"endbfchar"):
            section = b""
        elif section == b"beginbfrange" and len(words) >= 3:
            head = line.index(words[1]) + len(words[1])  # the source range stays as it is
            line = line[:head] + re.sub(rb"<([0-9A-Fa-f]{4})>", unit, line[head:])
        elif section == b"beginbfchar" and len(words) == 2:
            line = words[0] + b" " + re.sub(rb"<([0-9A-Fa-f]{4})>", unit, words[1])
        out.append(line)
    return b"\n".join(out)


def _cmaps(objects: _Objects, fonts: list[int], equivalents: dict[int, int]) -> dict[int, bytes]:
    """New versions of the /ToUnicode streams (of the Type0 ``fonts``) that map radicals."""
    out: dict[int, bytes] = {}
    maps = {_ref(objects[f], b"ToUnicode") for f in fonts if b"/ToUnicode" in objects[f]}
    for number in sorted(maps):
        body = objects[number]
        m = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S)
        if m is None:
            continue
        stream = m.group(1)
        if b"/FlateDecode" in body[:m.start()]:
            stream = zlib.decompress(stream)
        fixed = _fix_cmap(stream, equivalents)
        if fixed != stream:
            out[number] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(fixed), fixed)
    return out


def _outline(bookmarks: Sequence[Bookmark], pages: list[int], heights: list[float], first: int
             ) -> dict[int, bytes]:
    """The /Outlines object (number ``first``) and one object per entry; level-1 entries are children of
    the level-0 entry before them."""
    numbers = [first + 1 + i for i in range(len(bookmarks))]
    parent = [first] * len(bookmarks)
    top_level: list[int] = []
    children: dict[int, list[int]] = {}
    for i, mark in enumerate(bookmarks):
        if mark.level and top_level:
            parent[i] = numbers[top_level[-1]]
            children.setdefault(top_level[-1], []).append(i)
        else:
            top_level.append(i)
    siblings = [top_level, *children.values()]
    prev: dict[int, int] = {}
    nxt: dict[int, int] = {}
    for group in siblings:
        for a, b in itertools.pairwise(group):
            nxt[a], prev[b] = b, a
    out: dict[int, bytes] = {}
    for i, mark in enumerate(bookmarks):
        page = min(max(mark.page, 0), len(pages) - 1)
        y = heights[page] - mark.top
        parts = [b"/Title " + _text_string(mark.title), b"/Parent %d 0 R" % parent[i],
                 b"/Dest [%d 0 R /XYZ 0 %.2f null]" % (pages[page], y)]
        if i in prev:
            parts.append(b"/Prev %d 0 R" % numbers[prev[i]])
        if i in nxt:
            parts.append(b"/Next %d 0 R" % numbers[nxt[i]])
        kids = children.get(i, [])
        if kids:
            parts += [b"/First %d 0 R" % numbers[kids[0]], b"/Last %d 0 R" % numbers[kids[-1]],
                      b"/Count -%d" % len(kids)]  # closed: the chapters are the first view
        out[numbers[i]] = b"<< " + b" ".join(parts) + b" >>"
    out[first] = (b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>"
                  % (numbers[top_level[0]], numbers[top_level[-1]], len(top_level)))
    return out


def finish_pdf(data: bytes, bookmarks: Sequence[Bookmark] = (), equivalents: dict[int, int] | None = None) -> bytes:
    """``data`` with the bookmarks added and the text maps fixed (unchanged when there is nothing to add);
    ``equivalents``: radical → the ideograph drawn with the same glyph."""
    trailer, previous = _trailer(data)
    size = int(re.search(rb"/Size\s+(\d+)", trailer).group(1))  # type: ignore[union-attr]
    root = _ref(trailer, b"Root")
    index = _Objects(data, previous)
    catalog = index[root]
    pages = page_objects(index, _ref(catalog, b"Pages"))
    fonts = sorted({int(n) for p in pages for n in _font_refs(index, p)})
    objects = _cmaps(index, fonts, equivalents or {})
    if bookmarks:
        heights = [_height(index, p) for p in pages]
        objects.update(_outline(bookmarks, pages, heights, size))
        body = re.sub(rb"/(Outlines|PageMode)\s+(\d+\s+0\s+R|/\w+)", b"", catalog)
        end = body.rstrip().rfind(b">>")
        objects[root] = body[:end] + b"/Outlines %d 0 R\n/PageMode /UseOutlines\n>>" % size
    if not objects:
        return data
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    out += b"xref\n"
    numbers = sorted(offsets)
    start = 0
    while start < len(numbers):
        end = start
        while end + 1 < len(numbers) and numbers[end + 1] == numbers[end] + 1:
            end += 1
        out += b"%d %d\n" % (numbers[start], end - start + 1)
        for number in numbers[start:end + 1]:
            out += b"%010d 00000 n \n" % offsets[number]
        start = end + 1
    keep = b"".join(m.group(0) + b"\n" for m in re.finditer(rb"/(Info\s+\d+\s+0\s+R|ID\s*\[[^\]]*\])", trailer))
    new_size = max(size, max(numbers) + 1)
    out += b"trailer\n<<\n/Size %d\n/Root %d 0 R\n%s/Prev %d\n>>\nstartxref\n%d\n%%%%EOF\n" % (
        new_size, root, keep, previous, xref)
    return bytes(out)
