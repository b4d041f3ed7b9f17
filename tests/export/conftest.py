"""Shared helpers for the export tests: build once, read parts with zipfile + lxml."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from fazhi_desktop.core.model import Report
from fazhi_desktop.export import Attachment, AttachmentTable, ExportOptions, export_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}


def w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass
class Parts:
    """document.xml (D), styles.xml (S), settings.xml (T), default/even footers (F1/F2)."""

    D: etree._Element
    S: etree._Element
    T: etree._Element
    F1: etree._Element
    F2: etree._Element
    fonts: etree._Element

    def paragraphs(self) -> list[etree._Element]:
        return self.D.findall(".//w:body/w:p", NS)


def text_of(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))


def style_of(p: etree._Element) -> str:
    el = p.find("w:pPr/w:pStyle", NS)
    return "" if el is None else el.get(w("val"))


def read_parts(path: Path) -> Parts:
    with zipfile.ZipFile(path) as z:
        def xml(name: str) -> etree._Element:
            return etree.fromstring(z.read(name))

        doc = xml("word/document.xml")
        rels = xml("word/_rels/document.xml.rels")
        targets = {r.get("Id"): r.get("Target") for r in rels}
        sect = doc.find(".//w:sectPr", NS)  # the first section: the body text
        refs = {ref.get(w("type")): targets[ref.get(f"{{{R}}}id")]
                for ref in sect.findall("w:footerReference", NS)}
        return Parts(doc, xml("word/styles.xml"), xml("word/settings.xml"),
                     xml("word/" + refs["default"]), xml("word/" + refs["even"]), xml("word/fontTable.xml"))


def statistics_attachment() -> Attachment:
    table = AttachmentTable(("项目", "数量", "备注"),
                            (("行政处罚案件", "46", "含简易程序12件"), ("行政复议案件", "0", ""),
                             ("行政诉讼案件", "1", "零败诉")), "单位：件", (3, 1, 2))
    return Attachment("示例镇2025年度行政执法和行政争议情况统计表", ("数据截至2025年12月31日。",), table)


@pytest.fixture(scope="session")
def demo_parts(tmp_path_factory: pytest.TempPathFactory) -> Parts:
    from fazhi_desktop.core.serialize import report_from_dict
    from fazhi_desktop.resources import load_json

    report: Report = report_from_dict(load_json("demo", "demo-report.json"))
    path = tmp_path_factory.mktemp("demo") / "demo.docx"
    export_docx(report, path, ExportOptions(red_header=True, imprint=True,
                                            attachments=(statistics_attachment(),)))
    return read_parts(path)
