"""resources/export/gbt9704.docx: made by build_scripts/make_docx_template.py, and what it leaves out."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from lxml import etree

from build_scripts.make_docx_template import TEMPLATE, build_template
from fazhi_desktop.export import ExportOptions, export_docx
from fazhi_desktop.export.fonts import FontRole, map_from_installed
from fazhi_desktop.resources import resource_path
from tests.export.conftest import NS, w
from tests.export.reports import long_report

LEFT_OUT = ("docProps/thumbnail.jpeg", "word/stylesWithEffects.xml", "word/numbering.xml",
            "word/webSettings.xml", "customXml/item1.xml")


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _canonical(name: str, blob: bytes) -> bytes:
    if not name.endswith((".xml", ".rels")):
        return blob
    return etree.tostring(etree.fromstring(blob), method="c14n")


def test_committed_template_is_what_the_script_makes(tmp_path: Path) -> None:
    assert resource_path("export", "gbt9704.docx") == TEMPLATE
    fresh = tmp_path / "fresh.docx"
    build_template().save(str(fresh))
    committed, made = _parts(TEMPLATE), _parts(fresh)
    assert sorted(committed) == sorted(made)
    changed = [name for name in committed if _canonical(name, committed[name]) != _canonical(name, made[name])]
    assert changed == [], "run: python -m build_scripts.make_docx_template"


def test_template_holds_the_page_and_no_python_docx_leftovers() -> None:
    parts = _parts(TEMPLATE)
    assert not set(LEFT_OUT) & set(parts)
    doc = etree.fromstring(parts["word/document.xml"])
    assert doc.find(".//w:body/w:p", NS) is None  # an empty body
    size = doc.find(".//w:sectPr/w:pgSz", NS)
    assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")
    assert doc.find(".//w:sectPr/w:docGrid", NS).get(w("linePitch")) == "579"
    styles = etree.fromstring(parts["word/styles.xml"])
    ids = {s.get(w("styleId")) for s in styles.findall("w:style", NS)}
    assert ids == {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}
    assert b"Theme" not in parts["word/styles.xml"].replace(b"themeFontLang", b"")
    settings = etree.fromstring(parts["word/settings.xml"])
    assert settings.find("w:savePreviewPicture", NS) is None
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    assert b"python-docx" not in parts["docProps/core.xml"]
    assert b"Macintosh" not in parts["docProps/app.xml"]


def test_an_export_is_small_clean_and_dated_today(tmp_path: Path) -> None:
    fonts = map_from_installed(["仿宋", "黑体", "楷体", "方正小标宋简体", "宋体", "Times New Roman"])
    assert fonts[FontRole.FANGSONG] == "仿宋"
    out = export_docx(long_report(), tmp_path / "r.docx", ExportOptions(fonts=fonts, imprint=True)).path
    parts = _parts(out)
    assert not set(LEFT_OUT) & set(parts)
    assert len(parts["word/styles.xml"]) < 60_000  # was 350 KB with python-docx's unused styles
    core = parts["docProps/core.xml"].decode()
    assert f">{dt.datetime.now(dt.UTC).year}-" in core and "2013-12-23" not in core
    styles = etree.fromstring(parts["word/styles.xml"])
    ids = {s.get(w("styleId")) for s in styles.findall("w:style", NS)}
    used = {el.get(w("val")) for name, blob in parts.items() if name.startswith("word/") and name.endswith(".xml")
            for el in etree.fromstring(blob).iter(w("pStyle"))}
    assert used and used <= ids
    # the font map of this export, not the template's canonical one, is in the defaults
    default_fonts = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert default_fonts.get(w("eastAsia")) == "仿宋"
