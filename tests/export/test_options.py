"""User options: level-3 bold, CJK digits, the user's own title break, seal mode and blank lines."""

from __future__ import annotations

from dataclasses import replace

from fazhi_desktop.core.model import Report, SealMode
from fazhi_desktop.export import ExportOptions, build
from fazhi_desktop.export.flow import PStyle
from tests.export.conftest import NS, w


def _para(built_doc: object, start: str) -> object:
    body = built_doc.element.body  # type: ignore[attr-defined]
    return next(p for p in body.iter(w("p")) if "".join(t.text or "" for t in p.iter(w("t"))).startswith(start))


def test_level3_heading_sentence_bold_only_when_asked(demo_report: Report) -> None:
    plain = _para(build(demo_report).doc, "1.健全领导机制。")
    bold = _para(build(demo_report, ExportOptions(level3_bold=True)).doc, "1.健全领导机制。")
    assert plain.find("w:r/w:rPr/w:b", NS) is None  # type: ignore[attr-defined]
    runs = bold.findall("w:r", NS)  # type: ignore[attr-defined]
    assert runs[0].find("w:rPr/w:b", NS) is not None and runs[1].find("w:rPr/w:b", NS) is None


def test_digits_in_times_new_roman_or_the_cjk_font(demo_report: Report) -> None:
    default = build(demo_report).doc.element.body
    cjk = build(demo_report, ExportOptions(cjk_digits=True)).doc.element.body
    assert {rf.get(w("ascii")) for rf in default.iter(w("rFonts"))} >= {"Times New Roman"}
    body_ascii = {rf.get(w("ascii")) for rf in cjk.iter(w("rFonts")) if rf.get(w("eastAsia")) == "仿宋_GB2312"}
    assert body_ascii == {"仿宋_GB2312"}


def test_the_users_own_title_lines(demo_report: Report) -> None:
    built = build(demo_report, ExportOptions(title_lines=("示例镇", "2025年度法治政府建设情况报告")))
    titles = [p.text for p in built.flow if p.style is PStyle.TITLE]
    assert titles == ["示例镇", "2025年度法治政府建设情况报告"]


def test_seal_mode_override_and_blank_lines(demo_report: Report) -> None:
    single = replace(demo_report, signatories=("示例镇人民政府",))
    sealed = build(single, ExportOptions(seal_blank_lines=1)).flow
    assert [p.style for p in sealed[-3:]] == [PStyle.BLANK, PStyle.SIGNATURE, PStyle.DATE]
    assert sealed[-4].style is not PStyle.BLANK
    unsealed = build(single, ExportOptions(sealed=False)).flow
    assert unsealed[-1].right_chars == 2 and unsealed[-2].right_chars == 3.5
    report_unsealed = build(replace(single, seal=SealMode.UNSEALED)).flow
    assert report_unsealed[-1].right_chars == 2


def test_doc_number_brackets_and_leading_zeros_are_normalised() -> None:
    from fazhi_desktop.export.redheader import doc_number_text, mark_points

    assert doc_number_text("示府报[2026]02号") == "示府报〔2026〕2号"
    assert doc_number_text("示府报（2026）12号") == "示府报〔2026〕12号"
    assert doc_number_text("示府报〔2026〕2号") == "示府报〔2026〕2号"
    assert mark_points("示例镇人民政府文件") == 36  # 小初 when it fits
    assert mark_points("中共示例镇委员会示例镇人民政府联合文件") < 36  # smaller so it fits the line


def test_a_title_typed_with_a_full_stop_loses_it(demo_report: Report) -> None:
    built = build(replace(demo_report, title_override="示例镇2025年度法治政府建设情况报告。"))
    assert [p.text for p in built.flow if p.style is PStyle.TITLE] == ["示例镇2025年度法治政府建设情况报告"]
