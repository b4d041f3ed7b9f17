"""Importing a file or pasted text: read it, clean it, detect its structure. Nothing is stored here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fazhi_desktop.core.structure import Detected, detect_text
from fazhi_desktop.importers.docx_reader import read_docx
from fazhi_desktop.importers.errors import SAVE_AS_DOCX, ImportFileError
from fazhi_desktop.importers.text_reader import decode_text, read_text_file

DOCX_SUFFIXES = {".docx", ".docm", ".dotx"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
BINARY_WORD_SUFFIXES = {".doc", ".dot", ".wps", ".wpt", ".et", ".rtf"}


@dataclass(frozen=True)
class Imported:
    """The detected report plus where it came from (for messages and the preview)."""

    detected: Detected
    source: str  # e.g. "Word 文档" or "文本文件（GB18030/GBK）"
    original: str  # the text as read, before cleanup (shown next to the outline)


def read_source(path: Path) -> tuple[str, str]:
    """(raw text, description of the source) of a .docx or .txt file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if path.is_dir():
        raise ImportFileError(f"{path.name} 是一个文件夹，请选择报告文件（.docx 或 .txt）。")
    if not path.exists():
        raise ImportFileError(f"找不到文件 {path}。")
    if suffix in BINARY_WORD_SUFFIXES:
        kind = "WPS 文档" if suffix.startswith(".w") else "旧版 Word 文档"
        raise ImportFileError(f"{path.name} 是{kind}（{suffix}），本程序不能直接读取。{SAVE_AS_DOCX}")
    if suffix == ".pdf":
        raise ImportFileError(f"{path.name} 是 PDF 文件，不能直接导入。请在 PDF 阅读器中全选、复制文字，"
                              "粘贴到本程序的导入窗口中；或另存为 .txt 后导入。")
    if suffix in DOCX_SUFFIXES or (suffix not in TEXT_SUFFIXES and _is_zip(path)):
        return read_docx(path), "Word 文档"
    text, encoding = read_text_file(path)
    return text, f"文本文件（{encoding}）"


def _is_zip(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def import_file(path: Path) -> Imported:
    """Read, clean and detect ``path``; ImportFileError when the file holds no usable text."""
    raw, source = read_source(Path(path))
    return Imported(_detect(raw, Path(path).name), source, raw)


def import_text(text: str) -> Imported:
    """Clean and detect pasted text (the GUI's paste handler)."""
    return Imported(_detect(text, "粘贴的文字"), "粘贴的文字", text)


def import_bytes(data: bytes, name: str = "粘贴的内容") -> Imported:
    """Decode bytes of unknown encoding (e.g. a dropped text file), then clean and detect them."""
    text, encoding = decode_text(data, name)
    return Imported(_detect(text, name), f"文本（{encoding}）", text)


def _detect(raw: str, name: str) -> Detected:
    detected = detect_text(raw)
    if not (detected.title or detected.opening or detected.chapters):
        raise ImportFileError(f"{name} 中没有可导入的文字。")
    return detected
