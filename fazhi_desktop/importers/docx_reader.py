"""Reading .docx: paragraphs and table cells in order, with Word's list numbers, soft breaks and fields.

The package is opened with zipfile and parsed with lxml without DTDs, entities or network access;
sizes are checked before anything is decompressed in full, so a zip bomb is refused.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from fazhi_desktop.importers.docx_numbering import Numbering, W
from fazhi_desktop.importers.errors import SAVE_AS_DOCX, ImportFileError

MAX_DOCX_BYTES = 100 * 1024 * 1024
MAX_PART_BYTES = 50 * 1024 * 1024  # uncompressed document.xml of a 1,000-page report is ~10 MB
MAX_TOTAL_BYTES = 300 * 1024 * 1024
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SKIP = {W + "moveFrom", W + "del", _MC_FALLBACK}


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def read_docx(path: Path) -> str:
    """The text of a .docx file, one paragraph per line; ImportFileError when it cannot be read."""
    name = path.name
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFileError(f"无法读取文件 {name}（{exc.strerror or exc}）。") from exc
    if not head:
        raise ImportFileError(f"{name} 是空文件，没有可导入的内容。")
    if head.startswith(_OLE_MAGIC):
        raise ImportFileError(f"{name} 设置了打开密码，或其实是旧版 .doc 文件。请在 Word/WPS 中打开它，"
                              "取消密码后用“另存为”保存成 .docx 格式，再导入。")
    if size > MAX_DOCX_BYTES:
        raise ImportFileError(f"{name} 太大（{size // 1024 // 1024} MB），不像是一份报告，未导入。")
    try:
        with zipfile.ZipFile(path) as package:
            document = _part(package, "word/document.xml", name)
            if document is None:
                raise ImportFileError(f"{name} 里没有 Word 正文（word/document.xml），不是有效的 .docx 文件。")
            numbering = _part(package, "word/numbering.xml", name)
            styles = _part(package, "word/styles.xml", name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise ImportFileError(f"{name} 已损坏或不是 Word 文档（.docx），无法打开。{SAVE_AS_DOCX}") from exc
    except OSError as exc:
        raise ImportFileError(f"{name} 读取失败（{exc}），文件可能已损坏。") from exc
    return "\n".join(paragraph_texts(document, Numbering.parse(numbering, styles)))


def _part(package: zipfile.ZipFile, member: str, name: str) -> Any:
    infos = package.infolist()
    if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
        raise ImportFileError(f"{name} 解压后过大，可能是恶意构造的文件，未导入。")
    try:
        info = package.getinfo(member)
    except KeyError:
        return None
    if info.flag_bits & 0x1:
        raise ImportFileError(f"{name} 已加密，请在 Word/WPS 中取消密码后再导入。")
    if info.file_size > MAX_PART_BYTES:
        raise ImportFileError(f"{name} 的正文解压后过大，可能是恶意构造的文件，未导入。")
    with package.open(info) as stream:
        data = stream.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise ImportFileError(f"{name} 的正文解压后过大，可能是恶意构造的文件，未导入。")
    try:
        return etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise ImportFileError(f"{name} 已损坏（{member} 无法解析），无法导入。{SAVE_AS_DOCX}") from exc


def paragraph_texts(document: Any, numbering: Numbering) -> list[str]:
    """Every paragraph of the body in order; a table becomes rows of tab-separated cells."""
    body = document.find(W + "body")
    if body is None:
        return []
    for skipped in [el for el in body.iter(*_SKIP)]:
        parent = skipped.getparent()
        if parent is not None:
            parent.remove(skipped)
    out: list[str] = []
    _walk(body, numbering, out)
    return out


def is_continuation(paragraph: Any) -> bool:
    """Our own export splits a paragraph where a page ends (export/sealplan.py): the first part justified
    to its last line ("distribute"), the rest without a first-line indent. Read back as one paragraph."""
    previous = paragraph.getprevious()
    if previous is None or previous.tag != W + "p":
        return False
    jc = previous.find(f"{W}pPr/{W}jc")
    ind = paragraph.find(f"{W}pPr/{W}ind")
    return (jc is not None and jc.get(W + "val") == "distribute" and ind is not None
            and ind.get(W + "firstLineChars") == "0")


def _walk(element: Any, numbering: Numbering, out: list[str]) -> None:
    for child in element:
        if child.tag == W + "p":
            if out and is_continuation(child):
                out[-1] += _paragraph_text(child)
                continue
            out.append(numbering.label(child) + _paragraph_text(child))
        elif child.tag == W + "tbl":
            out += _table_lines(child, numbering)
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag", W + "ins"):
            _walk(child, numbering, out)


def _table_lines(table: Any, numbering: Numbering) -> list[str]:
    """A table of figures as rows of tab-separated cells, as Word copies it to the clipboard (the cleanup
    turns them into readable text); a one-row or one-column table, usually layout, as its paragraphs."""
    rows: list[list[str]] = []
    for row in table.iterchildren(W + "tr"):
        cells = []
        for cell in row.iterchildren(W + "tc"):
            lines: list[str] = []
            _walk(cell, numbering, lines)
            cells.append(" ".join(" ".join(line.replace("\t", " ").split()) for line in lines if line.strip()))
        rows.append(cells)
    rows = [row for row in rows if any(row)]
    if len(rows) >= 2 and max(len(row) for row in rows) >= 2:
        return ["\t".join(row) for row in rows]
    return [cell for row in rows for cell in row]


def _paragraph_text(paragraph: Any) -> str:
    parts: list[str] = []
    for el in paragraph.iter(W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen", W + "p"):
        if el.tag == W + "t":
            parts.append((el.text or "") + "".join(child.tail or "" for child in el))  # entities dropped
        elif el.tag == W + "tab":
            if el.getparent().tag != W + "tabs":  # not a tab stop defined in the paragraph's properties
                parts.append("\t")  # an indent is stripped; between two names it is a wide gap (两个落款机关)
        elif el.tag in (W + "br", W + "cr"):
            parts.append("\n")  # soft line break: the cleanup joins it if it breaks a sentence
        elif el.tag == W + "noBreakHyphen":
            parts.append("-")
        elif el is not paragraph:
            parts.append("\n")  # a paragraph inside a text box
    return "".join(parts)
