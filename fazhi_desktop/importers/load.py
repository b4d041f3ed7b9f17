"""The one way in: read a file or pasted text into a report (import, the import preview, ``check FILE``,
and whatever else imports files). Reading here; cleanup and structure in core.structure.detect_text,
the same function paste into a body uses. Nothing is stored here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from fazhi_desktop.core.cleanup import source_lines
from fazhi_desktop.core.model import Report, Unit
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
    original: str  # the text as read, one line per line number of Detected.removed (shown next to the outline)
    name: str = ""  # the file name, or 粘贴的文字
    keep: frozenset[int] = frozenset()  # numbers of removed lines the user chose to keep

    def report(self, unit: str | None = None, year: int | None = None) -> Report:
        """The report as read: unit and year as given, else from the title (本单位 when it names none);
        ValueError when neither gives the year."""
        short = (unit or self.detected.unit_name or "本单位").strip()
        year = year or self.detected.year
        if year is None:
            raise ValueError("报告年度未知：标题中没有年度，请指明")
        return self.detected.to_report(Unit.from_short_name(short), year)


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


def import_file(path: Path, keep: frozenset[int] = frozenset()) -> Imported:
    """Read, clean and detect ``path``; ImportFileError when the file holds no usable text.

    ``keep``: line numbers (from 1, as in Detected.removed) of removed lines to keep after all.
    """
    raw, source = read_source(Path(path))
    return _imported(raw, source, Path(path).name, keep)


def import_text(text: str, keep: frozenset[int] = frozenset()) -> Imported:
    """Clean and detect pasted text."""
    return _imported(text, "粘贴的文字", "粘贴的文字", keep)


def import_bytes(data: bytes, name: str = "粘贴的内容") -> Imported:
    """Decode bytes of unknown encoding (e.g. a dropped text file), then clean and detect them."""
    text, encoding = decode_text(data, name)
    return _imported(text, f"文本（{encoding}）", name, frozenset())


def reimport(imported: Imported, keep: frozenset[int]) -> Imported:
    """The same text read again, keeping the removed lines numbered in ``keep`` (the preview's 保留)."""
    return replace(imported, detected=_detect(imported.original, imported.name, keep), keep=keep)


def _imported(raw: str, source: str, name: str, keep: frozenset[int]) -> Imported:
    original = "\n".join(source_lines(raw))
    return Imported(_detect(original, name, keep), source, original, name, keep)


def _detect(raw: str, name: str, keep: frozenset[int]) -> Detected:
    detected = detect_text(raw, keep)
    if not (detected.title or detected.opening or detected.chapters):
        raise ImportFileError(f"{name} 中没有可导入的文字。")
    return detected
