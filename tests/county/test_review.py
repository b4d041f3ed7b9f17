"""Review notes: one GB/T 9704 Word file per unit, each finding with its place, the text and the correction."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.county.fixture import CONTRADICTING
from tests.helpers import run_cli as run


def _paragraphs(path: Path) -> list[str]:
    """The non-empty paragraphs, a paragraph the export split where a page ends read as one."""
    from docx import Document

    from fazhi_desktop.importers.docx_reader import is_continuation

    out: list[str] = []
    for p in Document(str(path)).paragraphs:
        if out and is_continuation(p._p):
            out[-1] += p.text
        elif p.text.strip():
            out.append(p.text)
    return out


@pytest.fixture
def notes(county_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "审核意见"
    code, out, err = run(capsys, "--db", county_db, "county", "review", "--year", "2025", "-o", str(folder),
                         "--unit", "石桥镇", "龙潭镇", CONTRADICTING, "白马镇", "金鸡乡", "--date", "2026-03-10",
                         "--office", "中共安平县委全面依法治县委员会办公室")
    assert code == 0, err
    assert out.splitlines() == [
        "石桥镇：石桥镇2025年度报告审核意见.docx（问题2处）",
        "白马镇：白马镇2025年度报告审核意见.docx（未发现需要修改的问题）",
        "龙潭镇：龙潭镇2025年度报告审核意见.docx（缺少法定内容1项）",
        "金鸡乡：金鸡乡2025年度报告审核意见.docx（未发现需要修改的问题）",
        f"{CONTRADICTING}：{CONTRADICTING}2025年度报告审核意见.docx（数据问题4处）",
        f"已生成5份审核意见，在 {folder}"]
    return folder


def test_findings_with_place_text_and_correction(notes: Path) -> None:
    paras = _paragraphs(notes / "石桥镇2025年度报告审核意见.docx")
    assert paras[:7] == [
        "关于石桥镇2025年度", "法治政府建设情况报告的审核意见",  # the title, broken by the export
        "中共石桥镇委员会、石桥镇人民政府：",
        "你单位报送的年度法治政府建设情况报告已收悉。经审核，现提出如下意见：",
        "一、报送情况",
        "你单位《石桥镇2025年度法治政府建设情况报告》于2026年2月27日报送，符合3月1日前报送的要求。报告约6页、2514字。",
        "二、需要修改的问题"]
    assert paras[7] == "（一）第一部分“2025年度推进法治政府建设的主要举措和成效”"
    assert paras[8].startswith("1.［错误］（一）坚持党的领导，压紧压… › 正文")
    assert paras[9] == "原文：“严格依照《民法总则》和《合同法》审查村级合同”"
    assert paras[10] == "问题：《民法总则》已于2021年1月1日废止，应引用《民法典》（总则编）。"
    assert paras[11] == "修改建议：应引用《民法典》（总则编）。"
    assert paras[12].startswith("2.［错误］") and paras[15] == "修改建议：应引用《民法典》（合同编）。"
    assert paras[-4:] == ["请对照以上意见修改完善后重新报送，并按规定于2026年4月1日前向社会公开。", "特此反馈。",
                          "中共安平县委全面依法治县委员会办公室", "2026年3月10日"]


def test_missing_parts_data_contradictions_and_clean_reports(notes: Path) -> None:
    missing = _paragraphs(notes / "龙潭镇2025年度报告审核意见.docx")
    at = missing.index("二、缺少的法定内容")
    assert missing[at + 1:at + 3] == [
        "1.缺少法定内容“存在的不足和原因”",
        "修改建议：按《法治政府建设与责任落实督察工作规定》补写这一部分；确无内容的，写明“无”。"]
    data = _paragraphs(notes / f"{CONTRADICTING}2025年度报告审核意见.docx")
    at = data.index("二、数据指标问题")
    assert data[at + 1:at + 4] == ["（一）数据指标表", "1.［错误］调解成功率",
                                   "问题：调解成功（310）大于受理矛盾纠纷（290），调解成功率会超过100%，请核对。"]
    clean = _paragraphs(notes / "白马镇2025年度报告审核意见.docx")
    assert clean[4:8] == ["一、报送情况",
                          "你单位《白马镇2025年度法治政府建设情况报告》于2026年2月27日报送，符合3月1日前报送的要求。"
                          "报告约6页、2491字。", "二、审核结论", "经审核，报告内容完整，未发现需要修改的问题。"]
    assert clean[-4] == "并按规定于2026年4月1日前向社会公开。"
    late = _paragraphs(notes / "金鸡乡2025年度报告审核意见.docx")
    assert late[5] == ("你单位《金鸡乡2025年度法治政府建设情况报告》于2026年3月9日报送，比规定的2026年3月1日逾期8天。"
                       "报告约6页、2491字。")


def test_review_note_prints_on_the_gbt9704_grid(notes: Path, tmp_path: Path) -> None:
    from tests.render.measure import render, skip_reason

    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    pages = render([notes / "石桥镇2025年度报告审核意见.docx"], tmp_path)["石桥镇2025年度报告审核意见"]
    assert len(pages) >= 2
    for page in pages:
        assert len(page.rows) <= 22 and all(row.cells <= 28 for row in page.rows)
        assert page.footer is not None and page.footer.text == f"—{page.number}—"
        assert page.footer_side == ("right" if page.number % 2 else "left")
    text = "".join(page.text() for page in pages)
    assert "《民法总则》已于2021年1月1日废止" in text and "中共安平县委全面依法治县委员会办公室" in text


def test_review_needs_reports(county_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", county_db, "county", "review", "--year", "2025", "-o", str(tmp_path),
                       "--unit", "太平镇")
    assert code == 2 and err == "错误：这些单位没有2025年度的报告：太平镇\n"


def test_the_office_name_is_remembered_unless_another_program_holds_the_file(
        county_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from fazhi_desktop.storage.session import open_session

    office = "安平县司法局"  # not the default (the county's 依法治县办, named from the roster's county)
    window = open_session(Path(county_db), daily_backup=False)  # the window holds the file
    try:
        code, out, err = run(capsys, "--db", county_db, "county", "review", "--year", "2025", "-o",
                             str(tmp_path / "a"), "--unit", "白马镇", "--office", office)
    finally:
        window.close(backup=False)
    assert code == 0, err
    assert out.splitlines()[0] == "提示：数据文件正被其他程序使用或不能写入，落款机关这次照用，但不会记住。"
    assert office in _paragraphs(tmp_path / "a" / "白马镇2025年度报告审核意见.docx")
    code, out, err = run(capsys, "--db", county_db, "county", "review", "--year", "2025", "-o",
                         str(tmp_path / "b"), "--unit", "白马镇")
    assert code == 0 and office not in _paragraphs(tmp_path / "b" / "白马镇2025年度报告审核意见.docx")
    code, out, err = run(capsys, "--db", county_db, "county", "review", "--year", "2025", "-o",
                         str(tmp_path / "c"), "--unit", "白马镇", "--office", office)
    assert code == 0 and "提示" not in out
    code, out, err = run(capsys, "--db", county_db, "county", "review", "--year", "2025", "-o",
                         str(tmp_path / "d"), "--unit", "白马镇")  # remembered from the run before
    assert code == 0 and office in _paragraphs(tmp_path / "d" / "白马镇2025年度报告审核意见.docx")
