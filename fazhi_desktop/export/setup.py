"""A blank GB/T 9704 document: A4 page, margins, line grid, clean defaults and named styles.

python-docx's bundled template is US Letter with theme fonts, 10 pt after every paragraph and a
Japanese theme font language (gbt9704.md §1). The page, settings and theme-free defaults are done
once, by build_scripts/make_docx_template.py, into resources/export/gbt9704.docx (which also leaves
out python-docx's 160 unused styles, its thumbnail and its numbering); an export opens that file and
adds what depends on its options: the fonts of the defaults, the named styles and the font table.
"""

from __future__ import annotations

import datetime as dt

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import SubElement, _Element

from fazhi_desktop.export import geometry as g
from fazhi_desktop.export.flow import STYLES, PStyle, StyleSpec
from fazhi_desktop.export.fonts import FontMap, FontRole
from fazhi_desktop.export.ooxml import (
    child,
    ppr_child,
    rpr_child,
    set_attrs,
    set_flag,
    set_indent,
    set_jc,
    set_line,
    set_run_props,
)
from fazhi_desktop.resources import resource_path

TEMPLATE = "gbt9704.docx"  # in resources/export; made by build_scripts/make_docx_template.py
_ALT_NAMES = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "方正小标宋_GBK"}


def latin_font(fonts: FontMap, role: FontRole, cjk_digits: bool) -> str:
    return fonts[role] if cjk_digits or role is FontRole.SONGTI else fonts[FontRole.LATIN]


def spacing_for(half_points: int) -> int:
    """Run condensing of method B: only 三号 text is condensed (see geometry)."""
    return g.CONDENSE if half_points == g.BODY_HALF_POINTS else 0


def page_setup(doc: DocxDocument) -> None:
    sect = doc.sections[0]._sectPr
    set_attrs(child(sect, "w:pgSz"), w=g.PAGE_W, h=g.PAGE_H)
    set_attrs(child(sect, "w:pgMar"), top=g.MARGIN_TOP, right=g.MARGIN_RIGHT, bottom=g.MARGIN_BOTTOM,
              left=g.MARGIN_LEFT, header=g.HEADER_DISTANCE, footer=g.FOOTER_DISTANCE, gutter=0)
    grid = child(sect, "w:docGrid")
    for attr in list(grid.attrib):
        del grid.attrib[attr]
    set_attrs(grid, type="lines", linePitch=g.LINE)


def document_defaults(doc: DocxDocument, fonts: FontMap, cjk_digits: bool) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    east = fonts[FontRole.FANGSONG]
    set_run_props(rpr, east, latin_font(fonts, FontRole.FANGSONG, cjk_digits), g.BODY_HALF_POINTS, 0)
    # Latin text (digits) in en-US: LibreOffice breaks zh-CN "Latin" text between any two digits.
    set_attrs(rpr_child(rpr, "w:lang"), val="en-US", eastAsia="zh-CN", bidi="ar-SA")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    set_attrs(ppr_child(ppr, "w:spacing"), before=0, after=0, line=240, lineRule="auto")


def strip_theme_fonts(doc: DocxDocument) -> None:
    """No theme font may override a literal name anywhere in styles.xml (done once, in the template)."""
    for rf in doc.styles.element.iter(qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rf.attrib.pop(qn(attr), None)


def document_settings(doc: DocxDocument) -> None:
    settings = doc.settings.element
    set_attrs(child(settings, "w:themeFontLang"), val="en-US", eastAsia="zh-CN")
    doc.settings.odd_and_even_pages_header_footer = True
    # savePreviewPicture: Word would store a thumbnail of the first page in the file.
    for tag in ("w:mirrorMargins", "w:gutterAtTop", "w:savePreviewPicture"):
        for el in settings.findall(qn(tag)):
            settings.remove(el)


def _style_props(ppr: _Element, rpr: _Element, spec: StyleSpec, fonts: FontMap, cjk_digits: bool,
                 bold: bool = False) -> None:
    set_flag(ppr, "w:widowControl", on=False)
    if spec.half_points == g.BODY_HALF_POINTS or spec.font is FontRole.XIAOBIAOSONG:
        set_line(ppr)
    else:
        set_flag(ppr, "w:snapToGrid", on=False)
        set_attrs(ppr_child(ppr, "w:spacing"), before=0, after=0, line=240, lineRule="auto")
    set_indent(ppr, first_chars=spec.first_chars)
    set_jc(ppr, spec.jc)
    if spec.outline is not None:
        set_attrs(ppr_child(ppr, "w:outlineLvl"), val=spec.outline)
    set_run_props(rpr, fonts[spec.font], latin_font(fonts, spec.font, cjk_digits), spec.half_points,
                  spacing_for(spec.half_points), bold=bold)


def _styles(doc: DocxDocument, fonts: FontMap, cjk_digits: bool, level3_bold: bool) -> None:
    normal = doc.styles["Normal"].element
    _style_props(normal.get_or_add_pPr(), normal.get_or_add_rPr(), STYLES[PStyle.BODY], fonts, cjk_digits)
    # Our styles are built with plain lxml, in the schema's order (w:name, w:basedOn, w:qFormat, w:pPr,
    # w:rPr), as python-docx's add_style_of_type would write them, and appended: w:style is the last
    # child of w:styles. python-docx's element classes cost a third of a short report's export here.
    styles = doc.styles.element
    seen: set[str] = set()
    for pstyle, spec in STYLES.items():
        if spec.style_id in seen:
            continue
        seen.add(spec.style_id)
        style = SubElement(styles, qn("w:style"), {qn("w:type"): "paragraph", qn("w:customStyle"): "1",
                                                    qn("w:styleId"): spec.style_id})
        SubElement(style, qn("w:name"), {qn("w:val"): spec.name})
        SubElement(style, qn("w:basedOn"), {qn("w:val"): "Normal"})
        SubElement(style, qn("w:qFormat"))
        ppr, rpr = SubElement(style, qn("w:pPr")), SubElement(style, qn("w:rPr"))
        _style_props(ppr, rpr, spec, fonts, cjk_digits, bold=pstyle is PStyle.H3 and level3_bold)
        if spec.outline is not None or pstyle is PStyle.TITLE:
            set_flag(ppr, "w:keepNext")


def _font_table(doc: DocxDocument, fonts: FontMap) -> None:
    """fontTable.xml entries with w:altName (仿宋_GB2312 → 仿宋), ECMA-376 17.8.3.1."""
    part = next((rel.target_part for rel in doc.part.rels.values()
                 if rel.reltype.endswith("/fontTable")), None)
    if part is None:
        return
    from lxml import etree

    root = etree.fromstring(part.blob)
    for role in FontRole:
        name = fonts[role]
        if root.find(f"{{{root.nsmap['w']}}}font[@{{{root.nsmap['w']}}}name='{name}']") is not None:
            continue
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        if name in _ALT_NAMES:
            set_attrs(child(font, "w:altName"), val=_ALT_NAMES[name])
        if role is not FontRole.LATIN:
            set_attrs(child(font, "w:charset"), val="86")
            set_attrs(child(font, "w:family"), val="auto" if role is FontRole.HEITI else "roman")
        root.append(font)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def new_document(fonts: FontMap, cjk_digits: bool = False, level3_bold: bool = False) -> DocxDocument:
    doc = Document(str(resource_path("export", TEMPLATE)))
    document_defaults(doc, fonts, cjk_digits)
    _styles(doc, fonts, cjk_digits, level3_bold)
    _font_table(doc, fonts)
    props = doc.core_properties
    props.created = props.modified = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    return doc
