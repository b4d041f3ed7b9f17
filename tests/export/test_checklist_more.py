"""§11 checklist items that need other reports than the demo: 26 and 28 (one organ), 38 (版记 section)."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

from lxml import etree

from fazhi_desktop.core.model import Report, SealMode
from fazhi_desktop.export import ExportOptions, export_docx
from fazhi_desktop.export.geometry import text_cells
from tests.export.conftest import NS, R, read_parts, style_of, text_of, w
from tests.export.reports import length_variant


def _signature(parts_paragraphs: list[etree._Element]) -> tuple[list[etree._Element], etree._Element,
                                                               etree._Element]:
    i = next(i for i, p in enumerate(parts_paragraphs) if style_of(p) == "GwDate")
    blanks = []
    j = i - 2
    while not text_of(parts_paragraphs[j]):
        blanks.append(parts_paragraphs[j])
        j -= 1
    return blanks, parts_paragraphs[i - 1], parts_paragraphs[i]


def test_item_26_sealed_single_organ(demo_report: Report, tmp_path: Path) -> None:
    path = tmp_path / "one.docx"
    export_docx(replace(demo_report, signatories=("示例镇人民政府",)), path)
    _, organ, date = _signature(read_parts(path).paragraphs())
    w_date, w_organ = text_cells(text_of(date)), text_cells(text_of(organ))
    assert organ.find("w:pPr/w:jc", NS).get(w("val")) == "right"
    assert organ.find("w:pPr/w:ind", NS).get(w("rightChars")) == str(round(100 * (4 + (w_date - w_organ) / 2)))
    assert date.find("w:pPr/w:ind", NS).get(w("rightChars")) == "400"


def test_item_28_unsealed(demo_report: Report, tmp_path: Path) -> None:
    path = tmp_path / "unsealed.docx"
    export_docx(replace(demo_report, signatories=("示例镇人民政府",), seal=SealMode.UNSEALED), path)
    blanks, organ, date = _signature(read_parts(path).paragraphs())
    w_date, w_organ = text_cells(text_of(date)), text_cells(text_of(organ))
    organ_right = 100 * max(2, w_date - w_organ + 4)
    assert len(blanks) == 1
    assert organ.find("w:pPr/w:ind", NS).get(w("rightChars")) == str(round(organ_right))
    date_right = organ_right + 100 * (w_organ - 2 - w_date)
    assert date.find("w:pPr/w:ind", NS).get(w("rightChars")) == str(round(date_right))


def test_item_38_the_blank_and_imprint_pages_are_an_unnumbered_section(tmp_path: Path) -> None:
    """Text ending on a full even page: the 版记 section starts on the next page, unnumbered, with a real
    blank page (an empty paragraph) before the 版记 page."""
    path = tmp_path / "even.docx"
    for k in range(20, 60):  # the first length whose text fills page 2 too far for the 版记
        text_only = export_docx(length_variant(k), path)
        result = export_docx(length_variant(k), path, ExportOptions(imprint=True))
        if text_only.pages == 2 and result.pages == 4:
            break
    assert any("空白页" in n for n in result.notes)
    with zipfile.ZipFile(path) as z:
        doc = etree.fromstring(z.read("word/document.xml"))
        rels = {r.get("Id"): r.get("Target") for r in etree.fromstring(z.read("word/_rels/document.xml.rels"))}
        sections = doc.findall(".//w:sectPr", NS)
        assert len(sections) == 2
        last = sections[-1]
        assert last.find("w:type", NS).get(w("val")) == "nextPage"
        body = doc.find("w:body", NS)
        breaks = [p for p in body.findall("w:p", NS) if p.find("w:pPr/w:pageBreakBefore", NS) is not None]
        assert breaks, "the 版记 page starts after a real blank page"
        refs = last.findall("w:footerReference", NS)
        assert sorted(r.get(w("type")) for r in refs) == ["default", "even"]
        for ref in refs:
            footer = etree.fromstring(z.read("word/" + rels[ref.get(f"{{{R}}}id")]))
            assert footer.find(".//w:instrText", NS) is None and footer.find(".//w:fldSimple", NS) is None
