"""Importing .docx files made with python-docx, including Word's automatic list numbering."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from fazhi_desktop.core.model import BlockKind, ChapterRole
from fazhi_desktop.importers import docx_reader
from fazhi_desktop.importers.docx_reader import read_docx
from fazhi_desktop.importers.errors import ImportFileError
from fazhi_desktop.importers.load import import_file
from tests.ingest_support import list_definition, numbered


def _numbered(document: object, text: str, num_id: str, ilvl: int) -> None:
    numbered(document.add_paragraph(text), num_id, ilvl)  # type: ignore[attr-defined]


def _field_paragraph(document: object) -> None:
    """全年办理案件{MERGEFIELD → 12}件。 with a complex field (instruction text must not leak)."""
    paragraph = document.add_paragraph("全年办理行政处罚案件")  # type: ignore[attr-defined]
    for kind, text in (("begin", None), (None, " MERGEFIELD 案件数 "), ("separate", None),
                       (None, "12"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text.startswith(" "):
            instr = OxmlElement("w:instrText")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    paragraph.add_run("件。")


def make_report_docx(path: Path) -> Path:
    document = Document()
    document.add_paragraph("示例乡2024年度法治政府建设情况报告")
    document.add_paragraph("中共示例县委、示例县人民政府：")
    document.add_paragraph("2024年，示例乡扎实推进法治政府建设。现将有关情况报告如下：")
    num_id = list_definition(document)
    _numbered(document, "2024年度推进法治政府建设的主要举措和成效", num_id, 0)
    _numbered(document, "坚持党的领导", num_id, 1)
    soft = document.add_paragraph("乡党委把法治建设纳入全局工作，")
    soft.add_run().add_break()
    soft.add_run("统筹谋划、一体推进。")
    _numbered(document, "健全领导机制。成立依法治乡委员会。", num_id, 2)
    _numbered(document, "落实学法制度。全年会前学法10次。", num_id, 2)
    _numbered(document, "严格规范公正文明执法", num_id, 1)
    _field_paragraph(document)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "执法人员持证率100%。"
    table.cell(0, 1).text = "案卷评查合格率100%。"
    _numbered(document, "存在的不足和原因", num_id, 0)
    document.add_paragraph("执法力量仍然不足。")
    _numbered(document, "2025年度推进法治政府建设的主要安排", num_id, 0)
    document.add_paragraph("持续深化依法行政。")
    document.add_paragraph("特此报告。")
    document.add_paragraph("示例乡人民政府")
    document.add_paragraph("2025年1月20日")
    document.save(str(path))
    return path


def test_docx_with_automatic_list_numbering(tmp_path: Path) -> None:
    text = read_docx(make_report_docx(tmp_path / "报告.docx"))
    assert "一、2024年度推进法治政府建设的主要举措和成效" in text.split("\n")
    assert "（二）严格规范公正文明执法" in text.split("\n")
    assert "MERGEFIELD" not in text and "全年办理行政处罚案件12件。" in text
    imported = import_file(tmp_path / "报告.docx")
    detected = imported.detected
    assert imported.source == "Word 文档"
    assert (detected.unit_name, detected.year, detected.addressee) == ("示例乡", 2024, "中共示例县委、示例县人民政府")
    assert [c.role for c in detected.chapters] == [
        ChapterRole.MEASURES, ChapterRole.SHORTCOMINGS, ChapterRole.NEXT_YEAR]
    blocks = detected.chapters[0].blocks
    assert [(b.kind, b.heading) for b in blocks] == [
        (BlockKind.SECTION, "坚持党的领导"), (BlockKind.ITEM, "健全领导机制。"), (BlockKind.ITEM, "落实学法制度。"),
        (BlockKind.SECTION, "严格规范公正文明执法")]
    assert blocks[0].body == "乡党委把法治建设纳入全局工作，统筹谋划、一体推进。"  # soft break joined
    assert blocks[3].body.split("\n") == [
        "全年办理行政处罚案件12件。", "执法人员持证率100%。", "案卷评查合格率100%。"]  # table cells kept
    assert (detected.closing, detected.signatories, detected.date) == (
        "特此报告。", ("示例乡人民政府",), dt.date(2025, 1, 20))


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return path


def _document_xml(body: str, prolog: str = "") -> bytes:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    return f'<?xml version="1.0"?>{prolog}<w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>'.encode()


def test_external_entities_are_never_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    body = "<w:p><w:r><w:t>标题&xxe;结束</w:t></w:r></w:p>"
    path = _zip(tmp_path / "xxe.docx", {"word/document.xml": _document_xml(body, prolog)})
    try:
        text = read_docx(path)
    except ImportFileError:
        return  # refusing the file is fine too
    assert "机密" not in text and text.startswith("标题") and text.endswith("结束")


@pytest.mark.parametrize(("name", "make", "message"), [
    ("坏.docx", lambda p: p.write_bytes(b"this is not a zip file at all"), "已损坏"),
    ("空.docx", lambda p: p.write_bytes(b""), "空文件"),
    ("加密.docx", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), "密码"),
    ("无正文.docx", lambda p: _zip(p, {"word/styles.xml": b"<x/>"}), "没有 Word 正文"),
    ("坏XML.docx", lambda p: _zip(p, {"word/document.xml": b"<w:document><w:body>"}), "无法解析"),
])
def test_bad_docx_files_get_a_clear_message(tmp_path: Path, name: str, make: object, message: str) -> None:
    path = tmp_path / name
    make(path)  # type: ignore[operator]
    with pytest.raises(ImportFileError, match=message):
        import_file(path)


def test_truncated_docx_is_refused(tmp_path: Path) -> None:
    good = make_report_docx(tmp_path / "好.docx").read_bytes()
    bad = tmp_path / "截断.docx"
    bad.write_bytes(good[: len(good) // 2])
    with pytest.raises(ImportFileError, match="损坏"):
        import_file(bad)


def test_zip_bomb_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_reader, "MAX_PART_BYTES", 200_000)
    body = "<w:p><w:r><w:t>" + "法" * 300_000 + "</w:t></w:r></w:p>"
    path = _zip(tmp_path / "炸弹.docx", {"word/document.xml": _document_xml(body)})
    assert path.stat().st_size < 50_000
    with pytest.raises(ImportFileError, match="过大"):
        import_file(path)


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_binary_word_files_are_asked_to_be_saved_as_docx(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"去年的报告{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(ImportFileError, match=r"另存为.*\.docx"):
        import_file(path)


def test_numbering_from_the_paragraph_style(tmp_path: Path) -> None:
    """Headings numbered through their style (as WPS and many templates do) are recognised too."""
    document = Document()
    num_id = list_definition(document)
    for style_name, ilvl in (("Heading 1", 0), ("Heading 2", 1)):
        num_pr = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", str(ilvl)), ("w:numId", num_id)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            num_pr.append(child)
        document.styles[style_name].element.get_or_add_pPr().append(num_pr)
    document.add_paragraph("石桥镇2023年度法治政府建设情况报告")
    document.add_paragraph("主要举措和成效", style="Heading 1")
    document.add_paragraph("坚持依法决策", style="Heading 2")
    document.add_paragraph("重大事项均经合法性审查。")
    document.add_paragraph("严格规范执法", style="Heading 2")
    document.add_paragraph("执法人员持证上岗。")
    document.add_paragraph("存在的不足和原因", style="Heading 1")
    document.add_paragraph("执法力量不足。")
    path = tmp_path / "样式编号.docx"
    document.save(str(path))
    assert read_docx(path).split("\n")[1:5] == ["一、主要举措和成效", "（一）坚持依法决策", "重大事项均经合法性审查。",
                                                "（二）严格规范执法"]
    detected = import_file(path).detected
    assert [c.title for c in detected.chapters] == ["主要举措和成效", "存在的不足和原因"]
    assert [b.heading for b in detected.chapters[0].blocks] == ["坚持依法决策", "严格规范执法"]


def test_the_sample_pasted_into_word_imports_like_the_text(tmp_path: Path) -> None:
    from fazhi_desktop.core.structure import detect_text
    from tests.helpers import sample_path

    text = sample_path().read_text(encoding="utf-8")
    document = Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "千佛镇.docx"
    document.save(str(path))
    assert import_file(path).detected == detect_text(text)
