"""Importing .txt files: encodings are detected, never guessed wrong silently; bad input is refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from fazhi_desktop.core.cleanup import cjk_counter
from fazhi_desktop.importers.errors import ImportFileError
from fazhi_desktop.importers.load import import_bytes, import_file, import_text
from fazhi_desktop.importers.text_reader import decode_text
from tests.helpers import sample_path

REPORT = (
    "石桥镇2023年度法治政府建设情况报告\n"
    "2023年，石桥镇深入学习贯彻习近平法治思想。现将有关情况报告如下：\n"
    "一、主要举措和成效\n（一）坚持依法决策\n重大事项均经合法性审查，全年审查合同35份。\n"
    "二、存在的不足和原因\n执法力量不足。\n三、下一年度主要安排\n继续加强法治建设。\n"
)


@pytest.mark.parametrize(("encoding", "label"), [
    ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8（带 BOM）"), ("gb18030", "GB18030/GBK"), ("gbk", "GB18030/GBK"),
    ("utf-16", "UTF-16"),
])
def test_encodings_are_detected(tmp_path: Path, encoding: str, label: str) -> None:
    path = tmp_path / "报告.txt"
    path.write_bytes(REPORT.replace("\n", "\r\n").encode(encoding))
    imported = import_file(path)
    assert imported.source == f"文本文件（{label}）"
    assert imported.detected.title == "石桥镇2023年度法治政府建设情况报告"
    assert [c.title for c in imported.detected.chapters] == ["主要举措和成效", "存在的不足和原因", "下一年度主要安排"]


def test_the_sample_in_gb18030_imports_like_the_utf8_original(tmp_path: Path) -> None:
    text = sample_path().read_text(encoding="utf-8")
    path = tmp_path / "千佛镇.txt"
    path.write_bytes(text.encode("gb18030"))
    assert import_file(path).detected == import_text(text).detected


def test_gb18030_only_characters(tmp_path: Path) -> None:
    text = "㐀镇2023年度法治政府建设情况报告\n一、主要举措和成效\n依法行政。"  # 㐀 is outside GBK
    assert decode_text(text.encode("gb18030"))[0] == text


@pytest.mark.parametrize("data", [
    "臺灣鄉鎮法治政府建設報告，全年審查合同。".encode("big5"),
    bytes(range(0x80, 0x100)) * 4,
    "Rapport annuel sur l'État de droit: données complètes.".encode("latin-1"),
])
def test_unknown_encodings_are_refused_not_garbled(data: bytes) -> None:
    with pytest.raises(ImportFileError, match=r"无法确定.*文字编码"):
        decode_text(data, "报告.txt")


@pytest.mark.parametrize("data", [b"", b"  \r\n\t\n", codecs.BOM_UTF8])
def test_empty_files_are_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "空.txt"
    path.write_bytes(data)
    with pytest.raises(ImportFileError, match=r"空的|没有可导入的文字"):
        import_file(path)


def test_a_10_mb_text_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "巨大.txt"
    with path.open("wb") as handle:
        handle.truncate(10 * 1024 * 1024)
    with pytest.raises(ImportFileError, match="太大"):
        import_file(path)


def test_binary_content_in_a_txt_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "图片.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02\x00" * 200)
    with pytest.raises(ImportFileError, match="二进制"):
        import_file(path)


def test_control_characters_are_removed_and_nothing_else_is_lost(tmp_path: Path) -> None:
    dirty = REPORT.replace("重大事项", "重大\x07事项\x0c").replace("执法", "执\x1b法\x00")
    path = tmp_path / "控制字符.txt"
    path.write_bytes(dirty.encode("utf-8"))
    detected = import_file(path).detected
    body = detected.chapters[0].blocks[0].body
    assert body == "重大事项均经合法性审查，全年审查合同35份。"
    assert detected.chapters[1].blocks[0].body == "执法力量不足。"
    everything = detected.opening + "".join(
        c.title + c.lead + "".join(b.heading + b.body for b in c.blocks) for c in detected.chapters)
    typed_numbers = cjk_counter("一一二三")
    assert cjk_counter(everything) + cjk_counter(detected.title) == cjk_counter(REPORT) - typed_numbers


def test_pasted_bytes_and_pdf_files(tmp_path: Path) -> None:
    assert import_bytes(REPORT.encode("gbk")).source == "文本（GB18030/GBK）"
    pdf = tmp_path / "报告.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(ImportFileError, match="PDF"):
        import_file(pdf)
    with pytest.raises(ImportFileError, match="找不到"):
        import_file(tmp_path / "没有这个文件.txt")
