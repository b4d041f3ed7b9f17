"""Reading .txt files: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK — never a silent guess."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from fazhi_desktop.importers.errors import ImportFileError

MAX_TEXT_BYTES = 5 * 1024 * 1024  # a report is ~10–50 KB; 5 MB is far beyond any real one
_CHECK_CHARS = 20000


def _size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def read_text_file(path: Path) -> tuple[str, str]:
    """(text, encoding name) of a text file; ImportFileError with a Chinese message otherwise."""
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise ImportFileError(
                f"文件 {path.name} 太大（{_size_text(size)}），不像是一份报告（报告的文本一般不超过 1 MB），未导入。"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"无法读取文件 {path.name}（{exc.strerror or exc}）。") from exc
    return decode_text(data, path.name)


def decode_text(data: bytes, name: str = "文件") -> tuple[str, str]:
    """Decode report text, or say clearly that the encoding could not be determined."""
    if not data.strip(b" \t\r\n\x00"):
        raise ImportFileError(f"{name} 是空的，没有可导入的文字。")
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name), "UTF-8（带 BOM）"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name), "UTF-16"
    if data.count(b"\x00") > len(data) // 10:
        raise ImportFileError(f"{name} 含有大量二进制内容，不是文本文件，未导入。如是 Word 文档，{_docx_hint()}")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise ImportFileError(_unknown(name)) from None
    if not _plausible_chinese(text):
        raise ImportFileError(_unknown(name))
    return text, "GB18030/GBK"


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ImportFileError(f"{name} 标明是 {encoding.upper()} 编码，但内容有损坏，无法读取，未导入。") from None


def _docx_hint() -> str:
    return "请选择 .docx 文件导入。"


def _unknown(name: str) -> str:
    return (f"无法确定 {name} 的文字编码（不是 UTF-8，也不像 GBK/GB18030 中文），为避免乱码未导入。"
            "请用记事本打开后“另存为”UTF-8 编码再导入。")


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes most byte soup; real GBK text is common characters, not rarities."""
    sample = text[:_CHECK_CHARS]
    cjk = [ch for ch in sample if "\u4e00" <= ch <= "\u9fff"]
    odd = sum(1 for ch in sample if _odd(ch))
    if odd:
        return False
    if not cjk:
        return False  # not UTF-8 and no Chinese at all: some other encoding
    common = sum(1 for ch in cjk if _in_gb2312(ch))
    return common >= 0.95 * len(cjk)


def _odd(ch: str) -> bool:
    """Private-use or unassigned characters: a sign of a wrong decoding."""
    return unicodedata.category(ch) in ("Co", "Cn")


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True
