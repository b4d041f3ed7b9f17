"""Paragraph and run properties are built once per shape and copied: the copies must be independent
and identical to a fresh build."""

from __future__ import annotations

from lxml import etree

from fazhi_desktop.export.flow import Para, PStyle, Run, blank
from fazhi_desktop.export.fonts import FontRole, canonical_map
from fazhi_desktop.export.paragraphs import RunStyle, _build_para_props, para_element


def _xml(el: etree._Element) -> bytes:
    return etree.tostring(el)


def test_same_shape_paragraphs_get_equal_but_separate_properties() -> None:
    style = RunStyle(canonical_map())
    first = para_element(Para(PStyle.BODY, (Run("第一段。"),)), style)
    second = para_element(Para(PStyle.BODY, (Run("第二段，"), Run("加粗", FontRole.HEITI, bold=True))), style)
    ppr1, ppr2 = first[0], second[0]
    assert ppr1 is not ppr2 and _xml(ppr1) == _xml(ppr2)
    assert _xml(ppr1) == _xml(_build_para_props(Para(PStyle.BODY), RunStyle(canonical_map())))
    ppr1.append(etree.Element("marker"))  # changing one paragraph leaves the others alone
    third = para_element(Para(PStyle.BODY, (Run("第三段。"),)), style)
    assert b"marker" not in _xml(third[0]) and b"marker" not in _xml(ppr2)
    runs = second.findall("{*}r")
    assert len(runs) == 2 and _xml(runs[0][0]) != _xml(runs[1][0])  # 仿宋 vs 黑体 bold


def test_shapes_differ_by_every_property_but_text() -> None:
    style = RunStyle(canonical_map())
    shapes = [Para(PStyle.BODY), Para(PStyle.BODY, keep_next=True), Para(PStyle.H1), blank(),
              Para(PStyle.BODY, right_chars=4), Para(PStyle.BODY, page_break_before=True)]
    built = {_xml(para_element(p, style)[0]) for p in shapes}
    assert len(built) == len(shapes)
    assert len(style.built) >= len(shapes)
