"""The §11 checklist of gbt9704.md, item by item, on the demo report's XML."""

from __future__ import annotations

import re

from lxml import etree

from tests.export.conftest import NS, Parts, style_of, text_of, w

THEMES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
FANGSONG = {"仿宋_GB2312", "仿宋", "方正仿宋_GBK", "华文仿宋"}
BODY_STYLES = {"GwBody", "GwHeading1", "GwHeading2", "GwHeading3", "GwHeading4"}


def attr(el: etree._Element | None, name: str) -> str | None:
    return None if el is None else el.get(w(name))


def runs_with_text(p: etree._Element) -> list[etree._Element]:
    return [r for r in p.findall("w:r", NS) if r.find("w:t", NS) is not None]


def body_paras(parts: Parts) -> list[etree._Element]:
    return [p for p in parts.paragraphs() if style_of(p) in BODY_STYLES and text_of(p)]


def test_page_size_margins_and_type_area(demo_parts: Parts) -> None:  # items 1–3, 9
    sect = demo_parts.D.find(".//w:sectPr", NS)
    size, mar = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    assert (attr(size, "w"), attr(size, "h"), attr(size, "orient")) == ("11906", "16838", None)
    m = {k: int(attr(mar, k)) for k in ("top", "left", "right", "bottom", "gutter", "footer")}
    assert (m["top"], m["left"], m["right"], m["bottom"], m["gutter"]) == (2098, 1587, 1474, 1984, 0)
    assert 11906 - m["left"] - m["right"] == 8845 and 16838 - m["top"] - m["bottom"] == 12756
    assert 1380 <= m["footer"] <= 1460


def test_grid_method_b(demo_parts: Parts) -> None:  # items 4–6
    grid = demo_parts.D.find(".//w:sectPr/w:docGrid", NS)
    assert attr(grid, "type") == "lines" and attr(grid, "linePitch") == "579"
    assert attr(grid, "charSpace") is None
    assert 12756 // 579 == 22
    spacings = [int(attr(r.find("w:rPr/w:spacing", NS), "val"))
                for p in body_paras(demo_parts) for r in runs_with_text(p)]
    # every 三号 run is condensed by 0.25 pt, but for the few characters of a line whose break is forced
    # (see export/linebreak.py): at most 2 pt more, never less
    assert all(v == -5 or 0 < v + 5 <= 40 for v in spacings)
    assert spacings.count(-5) > 0.8 * len(spacings)
    pitch = 16 * 20 - 5
    assert 8845 // pitch == 28


def test_odd_even_footers_settings(demo_parts: Parts) -> None:  # items 7, 8
    even = demo_parts.T.find("w:evenAndOddHeaders", NS)
    assert even is not None and attr(even, "val") in (None, "1", "true")
    assert demo_parts.T.find("w:mirrorMargins", NS) is None
    sect = demo_parts.D.find(".//w:sectPr", NS)
    assert sect.find("w:titlePg", NS) is None
    kinds = sorted(attr(f, "type") for f in sect.findall("w:footerReference", NS))
    assert kinds == ["default", "even"]


def test_defaults_and_normal_style(demo_parts: Parts) -> None:  # items 10–13
    rpr = demo_parts.S.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    fonts = rpr.find("w:rFonts", NS)
    assert attr(fonts, "eastAsia") == "仿宋_GB2312"
    assert all(attr(fonts, t) is None for t in THEMES)
    assert attr(rpr.find("w:sz", NS), "val") == "32"
    normal = demo_parts.S.find("w:style[@w:styleId='Normal']", NS)
    assert attr(normal.find("w:rPr/w:sz", NS), "val") == "32"
    after = attr(demo_parts.S.find("w:docDefaults/w:pPrDefault//w:spacing", NS), "after")
    assert after in (None, "0")
    assert attr(demo_parts.T.find("w:themeFontLang", NS), "eastAsia") == "zh-CN"
    assert attr(rpr.find("w:lang", NS), "eastAsia") == "zh-CN"


def test_body_paragraph_format(demo_parts: Parts) -> None:  # items 14–17
    paras = [p for p in body_paras(demo_parts) if style_of(p) == "GwBody"]
    assert len(paras) > 20
    pitches = []
    for before, p in zip([None, *paras], paras, strict=False):
        sp = p.find("w:pPr/w:spacing", NS)
        assert (attr(sp, "lineRule"), attr(sp, "before"), attr(sp, "after")) == ("exact", "0", "0")
        pitches.append(int(attr(sp, "line")))
        ind = p.find("w:pPr/w:ind", NS)
        continued = before is not None and attr(before.find("w:pPr/w:jc", NS), "val") == "distribute"
        if continued:  # the rest of a paragraph split at a page boundary: no new first-line indent
            assert attr(ind, "firstLineChars") == "0"
        else:
            assert attr(ind, "firstLineChars") == "200" and abs(int(attr(ind, "firstLine")) - 632) <= 10
        assert attr(ind, "left") in (None, "0") and attr(ind, "leftChars") in (None, "0")
        # "distribute": the part of a paragraph left on the page before the 落款's (sealplan.py): its last
        # line is a full line and must be justified like the rest
        assert attr(p.find("w:pPr/w:jc", NS), "val") in ("both", "distribute")
        body_runs = [r for r in runs_with_text(p)
                     if attr(r.find("w:rPr/w:rFonts", NS), "eastAsia") in FANGSONG]
        assert body_runs, text_of(p)
        for r in body_runs:
            rpr = r.find("w:rPr", NS)
            assert attr(rpr.find("w:sz", NS), "val") == "32"
            for tag in ("b", "i", "u", "highlight"):
                assert rpr.find(f"w:{tag}", NS) is None
            assert attr(rpr.find("w:color", NS), "val") in (None, "000000", "auto")
    # one grid line, but on the one page whose pitch 7.3.5.5 adjusts for the 落款 (26–38 pt)
    assert pitches.count(579) > 0.7 * len(pitches) and all(520 <= v <= 760 for v in pitches)


def test_no_theme_attribute_with_a_literal_name(demo_parts: Parts) -> None:  # item 18
    for root in (demo_parts.D, demo_parts.S, demo_parts.F1, demo_parts.F2):
        for rf in root.iter(w("rFonts")):
            assert not any(attr(rf, t) for t in THEMES), etree.tostring(rf)


def test_title(demo_parts: Parts) -> None:  # items 19, 20
    titles = [p for p in demo_parts.paragraphs() if style_of(p) == "GwTitle" and text_of(p)]
    assert text_of(titles[0]) == "示例镇2025年度法治政府建设情况报告"
    for p in titles:
        assert attr(p.find("w:pPr/w:jc", NS), "val") == "center"
        ind = p.find("w:pPr/w:ind", NS)
        assert attr(ind, "firstLine") in (None, "0") and attr(ind, "firstLineChars") in (None, "0")
        for r in runs_with_text(p):
            assert attr(r.find("w:rPr/w:rFonts", NS), "eastAsia") == "方正小标宋简体"
            assert attr(r.find("w:rPr/w:sz", NS), "val") == "44"
            assert r.find("w:rPr/w:b", NS) is None
        text = text_of(p)
        assert len(text) <= 20 + text.count("2") and not re.search(r"[，。、；：！？]$", text)


def _leading(p: etree._Element) -> tuple[str, str]:
    r = runs_with_text(p)[0]
    return attr(r.find("w:rPr/w:rFonts", NS), "eastAsia"), attr(r.find("w:rPr/w:sz", NS), "val")


def test_heading_fonts(demo_parts: Parts) -> None:  # items 21–23
    seen = set()
    for p in body_paras(demo_parts):
        text = text_of(p)
        font, size = _leading(p)
        if re.match("^[一二三四五六七八九十]+、", text):
            seen.add(1)
            assert (font, size) == ("黑体", "32") and runs_with_text(p)[0].find("w:rPr/w:b", NS) is None
            assert attr(p.find("w:pPr/w:ind", NS), "firstLineChars") == "200"
        elif re.match("^（[一二三四五六七八九十]+）", text):
            seen.add(2)
            assert font in {"楷体_GB2312", "楷体", "KaiTi"} and size == "32"
        elif re.match(r"^\d+\.|^（\d+）", text):
            seen.add(3)
            assert font in FANGSONG and size == "32"
    assert seen == {1, 2, 3}


def test_run_in_heading_font_only_on_the_heading_sentence(demo_parts: Parts) -> None:
    p = next(p for p in body_paras(demo_parts) if text_of(p).startswith("1.健全领导机制。调整"))
    runs = runs_with_text(p)
    assert text_of(runs[0]) == "1.健全领导机制。" and len(runs) == 2


def test_addressee(demo_parts: Parts) -> None:  # item 24
    p = next(p for p in demo_parts.paragraphs() if style_of(p) == "GwAddressee")
    assert text_of(p) == "中共示例县委、示例县人民政府："
    ind = p.find("w:pPr/w:ind", NS)
    assert attr(ind, "firstLine") == "0" and attr(ind, "left") == "0"
    assert attr(p.find("w:pPr/w:jc", NS), "val") in ("left", "both")


def test_date_and_seal_chain(demo_parts: Parts) -> None:  # items 25, 27, 29
    paras = demo_parts.paragraphs()
    date_i = next(i for i, p in enumerate(paras) if style_of(p) == "GwDate")
    date = paras[date_i]
    assert re.fullmatch(r"\d{4}年[1-9]\d?月[1-9]\d?日", text_of(date)) and text_of(date) == "2026年1月16日"
    assert attr(date.find("w:pPr/w:jc", NS), "val") == "right"
    assert attr(date.find("w:pPr/w:ind", NS), "rightChars") == "400"
    organ = paras[date_i - 1]
    assert style_of(organ) == "GwSignature" and "示例镇人民政府" in text_of(organ)
    blanks = []
    i = date_i - 2
    while not text_of(paras[i]):
        blanks.append(paras[i])
        i -= 1
    last_text = paras[i]
    assert len(blanks) in (1, 2)  # 2 by default; 1 when the pre-flight needed the room
    for p in [last_text, *blanks, organ]:
        assert p.find("w:pPr/w:keepNext", NS) is not None, text_of(p)
    assert all("此页无正文" not in text_of(p) for p in paras)


def test_page_number_footers(demo_parts: Parts) -> None:  # items 30–33
    for footer, side in ((demo_parts.F1, "right"), (demo_parts.F2, "left")):
        p = footer.find("w:p", NS)
        text = "".join(t.text or "" for t in p.iter(w("t")))
        assert re.fullmatch("\u2014 ?\\d+ ?\u2014", text)
        kinds = [el.get(w("fldCharType")) if el.tag == w("fldChar") else "instr"
                 for el in p.iter(w("fldChar"), w("instrText"))]
        assert kinds == ["begin", "instr", "separate", "end"]
        assert p.find(".//w:instrText", NS).text.strip() == "PAGE"
        assert attr(p.find("w:pPr/w:jc", NS), "val") == side
        ind = p.find("w:pPr/w:ind", NS)
        assert 270 <= int(attr(ind, side)) <= 330 and attr(ind, "firstLine") == "0"
        for r in p.findall("w:r", NS):
            rf = r.find("w:rPr/w:rFonts", NS)
            assert attr(rf, "ascii") == attr(rf, "hAnsi") == attr(rf, "eastAsia") == "宋体"
            assert attr(r.find("w:rPr/w:sz", NS), "val") == "28"


def test_attachment_note_and_page(demo_parts: Parts) -> None:  # items 34, 35
    paras = demo_parts.paragraphs()
    i = next(i for i, p in enumerate(paras) if text_of(p).startswith("附件："))
    assert text_of(paras[i - 1]) == "" and text_of(paras[i - 2]) != ""
    assert not re.search(r"[，。、；：]$", text_of(paras[i]))
    label = next(p for p in paras if style_of(p) == "GwAttachLabel")
    assert text_of(label) == "附件" and label.find("w:pPr/w:pageBreakBefore", NS) is not None
    assert _leading(label) == ("黑体", "32")
    title = paras[paras.index(label) + 2]
    assert style_of(title) == "GwTitle" and attr(title.find("w:pPr/w:jc", NS), "val") == "center"


def test_tables(demo_parts: Parts) -> None:  # items 36, 37
    tables = demo_parts.D.findall(".//w:body/w:tbl", NS)
    assert len(tables) == 2
    for tbl in tables:
        width = tbl.find("w:tblPr/w:tblW", NS)
        assert attr(width, "type") == "dxa" and int(attr(width, "w")) <= 8845
        for p in tbl.iter(w("p")):
            sp = p.find("w:pPr/w:spacing", NS)
            assert not (attr(sp, "lineRule") == "exact" and int(attr(sp, "line")) >= 560)
            ind = p.find("w:pPr/w:ind", NS)
            assert attr(ind, "firstLine") == "0" or int(attr(ind, "hanging")) > 0  # 抄送 hangs
    imprint = tables[-1]
    borders = imprint.find("w:tblPr/w:tblBorders", NS)
    for side in ("top", "bottom"):
        assert (attr(borders.find(f"w:{side}", NS), "val"), attr(borders.find(f"w:{side}", NS), "sz")) == \
            ("single", "8")
    assert attr(imprint.find(".//w:tcBorders/w:top", NS), "sz") == "6"
    texts = [text_of(tc) for tc in imprint.iter(w("tc"))]
    assert texts[0] == "抄送：示例县委全面依法治县委员会办公室。"
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日印发$", texts[-1])
    for r in imprint.iter(w("r")):
        if r.find("w:t", NS) is not None:
            assert attr(r.find("w:rPr/w:sz", NS), "val") == "28"
            assert attr(r.find("w:rPr/w:rFonts", NS), "eastAsia") in FANGSONG


def test_font_names_and_alt_names(demo_parts: Parts) -> None:  # items 39, 40
    for root in (demo_parts.D, demo_parts.S):
        for rf in root.iter(w("rFonts")):
            name = attr(rf, "eastAsia")
            assert name is None or len(name) < 32
    alt = {attr(f, "name"): attr(f.find("w:altName", NS), "val") for f in demo_parts.fonts.findall("w:font", NS)}
    assert alt["仿宋_GB2312"] == "仿宋" and alt["楷体_GB2312"] == "楷体"


def test_named_styles_for_restyling(demo_parts: Parts) -> None:
    names = {attr(s.find("w:name", NS), "val") for s in demo_parts.S.findall("w:style", NS)}
    assert {"公文标题", "一级标题", "二级标题", "三级标题", "正文", "落款", "成文日期", "附件说明", "版记"} <= names


def test_red_header(demo_parts: Parts) -> None:
    paras = demo_parts.paragraphs()
    mark = next(p for p in paras if text_of(p) == "示例镇人民政府文件")
    assert style_of(mark) == "GwIssuerMark"
    rpr = runs_with_text(mark)[0].find("w:rPr", NS)
    assert attr(rpr.find("w:color", NS), "val") == "FF0000" and int(attr(rpr.find("w:sz", NS), "val")) <= 72
    number = next(p for p in paras if text_of(p).startswith("示府报〔2026〕2号"))
    assert text_of(number).endswith("签发人：王明")
    rule = next(p for p in paras if p.find("w:pPr/w:pBdr/w:bottom", NS) is not None)
    assert attr(rule.find("w:pPr/w:pBdr/w:bottom", NS), "color") == "FF0000"
