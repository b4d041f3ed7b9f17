"""county status and county table on the fixture county: states, deadlines, sums and recomputed rates."""

from __future__ import annotations

import csv
import io
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from tests.county.fixture import CONTRADICTING, INVALID_FIGURE, NOT_SENT, PACKAGES, ROSTER, figures_for
from tests.helpers import run_cli as run


def test_status_lines(county_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", county_db, "county", "status", "--year", "2025", "--today", "2026-03-20")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "2025年度法治政府建设情况报告报送情况（报送截止2026年3月1日，公开截止2026年4月1日）"
    assert lines[1] == "应报送30个单位：已收到27个（按时25个，逾期2个），未收到3个；已公开0个"
    rows = {line.split("\t")[0]: line.split("\t") for line in lines[3:]}
    assert list(rows) == ROSTER  # roster order
    assert rows["千佛镇"][:4] == ["千佛镇", "乡镇", "2月27日收到，按时（共2个文件）", "未公开，距截止还有12天"]
    assert rows["金鸡乡"][2] == "3月9日收到，逾期8天"
    assert rows["太平镇"] == ["太平镇", "乡镇", "未收到，已逾期19天"]
    assert rows["石桥镇"][6] == "错误2"  # 《民法总则》 and 《合同法》
    assert rows["青龙乡"][-1] == "过时提法：十九大精神"
    assert rows["龙潭镇"][-1] == "缺少：存在的不足和原因"
    assert rows[CONTRADICTING][-1] == "数据矛盾1处"
    assert rows["白马镇"][4:6] == ["6页", "2491字"]


def test_status_json_sorting_and_kind(county_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--db", county_db, "county", "published", "千佛镇", "--year", "2025", "--on",
               "2026-04-03")[1] == "千佛镇2025年度报告：4月3日公开，逾期2天\n"
    code, out, _ = run(capsys, "--db", county_db, "county", "status", "--year", "2025", "--today", "2026-04-10",
                       "--json", "--kind", "乡镇", "--sort", "late")
    data = json.loads(out)
    assert code == 0 and data["summary"] == "应报送30个单位：已收到27个（按时25个，逾期2个），未收到3个；已公开1个"
    units = data["units"]
    assert {u["kind"] for u in units} == {"乡镇"} and len(units) == 15
    assert [u["unit"] for u in units[:4]] == ["太平镇", "和平乡", "金鸡乡", "千佛镇"]  # most days late first
    assert units[0]["overdue_days"] == 40 and units[2]["late_days"] == 8
    qianfo = units[3]
    assert (qianfo["received"], qianfo["published"], qianfo["publish_late_days"]) == ("2026-02-27", "2026-04-03", 2)
    assert qianfo["state"] == "已公开" and qianfo["files"][1] == "千佛镇报告（Word版）.docx"
    code, out, _ = run(capsys, "--db", county_db, "county", "status", "--year", "2025", "--json", "--sort", "errors")
    first = json.loads(out)["units"][0]
    assert first["errors"] == max(u["errors"] or 0 for u in json.loads(out)["units"])


def _pct(num: int, den: int) -> str:
    value = (Decimal(num) / Decimal(den) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = format(value, "f")
    return (text.rstrip("0").rstrip(".") if "." in text else text) + "%"


def _expected() -> dict[str, int]:
    accepted = resolved = 0
    for index, name in enumerate(ROSTER):
        if name in PACKAGES:
            values = figures_for(index, name)
            accepted += int(values["disputes_accepted"].value or 0)
            resolved += int(values["disputes_resolved"].value or 0)
    return {"accepted": accepted, "resolved": resolved}


def test_table_csv_sums_and_recomputed_rates(county_db: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", county_db, "county", "table", "--year", "2025", "-o",
                         str(tmp_path / "汇总.csv"))
    assert code == 0, err
    assert out.splitlines()[0] == "已导出汇总表：" + str(tmp_path / "汇总.csv") + "（30个单位，69项指标）"
    assert f"提示：{INVALID_FIGURE}的法律援助案件有误：法律援助案件是计数，应为整数（单位：件），未计入合计" in out
    rows = list(csv.reader(io.StringIO((tmp_path / "汇总.csv").read_bytes().decode("utf-8-sig"))))
    header = rows[0]
    by_name = {r[0]: dict(zip(header, r, strict=False)) for r in rows[1:] if len(r) > 1}
    total = by_name["合计（收到27个，有数据10个）"]
    expected = _expected()
    assert total["受理矛盾纠纷（件）"] == str(expected["accepted"])
    assert total["调解成功（件）"] == str(expected["resolved"])
    assert total["调解成功率（%）"] == _pct(expected["resolved"], expected["accepted"])
    units = [by_name[n] for n in PACKAGES]
    average = sum(Decimal(u["调解成功率（%）"].rstrip("%✗")) for u in units) / len(units)
    assert _pct(expected["resolved"], expected["accepted"]) != f"{average:.1f}%"  # pooled, never averaged
    assert total["法律援助案件（件）"] == str(23 * (len(PACKAGES) - 1))  # the invalid one is left out
    assert by_name[INVALID_FIGURE]["法律援助案件（件）"] == "2.5✗"
    assert by_name[INVALID_FIGURE]["数据问题"] == "法律援助案件：法律援助案件是计数，应为整数（单位：件）。"
    assert by_name[CONTRADICTING]["调解成功率（%）"].endswith("✗")
    assert by_name["太平镇"]["报送"] == "未收到" and by_name["太平镇"]["受理矛盾纠纷（件）"] == ""
    assert by_name["乡镇小计（收到13个，有数据3个）"]["类型"] == "" and by_name["街道小计（收到3个，有数据2个）"]
    without = [n for n in ROSTER if n not in PACKAGES and n not in NOT_SENT and n != "和平乡"]
    assert (f"提示：{'、'.join(without)}报来的是 Word 或文本文件，没有数据指标，不在合计之中"
            "（可在其报告的“数据指标”中补填，或请其报送 .fzbg 数据包）") in out.splitlines()
    assert total["便民服务群众满意度（%）"] == ""  # typed percentages are not totalled
    assert [r[0] for r in rows[1:4]] == ["千佛镇", "石桥镇", "青龙乡"]


def test_table_xlsx_read_back_with_openpyxl(county_db: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "汇总.xlsx"
    assert run(capsys, "--db", county_db, "county", "table", "--year", "2025", "-o", str(path))[0] == 0
    ws = load_workbook(path).active
    assert ws.title == "2025年度汇总"
    assert ws["A1"].value == "安平县2025年度法治政府建设主要数据汇总表"
    assert ws.freeze_panes == "B4"  # the header row and the unit column stay in view
    header = [c.value for c in ws[3]]
    assert header[:4] == ["单位", "类型", "报送", "党委会（专题会）研究法治建设（次）"]
    col = {name: i + 1 for i, name in enumerate(header)}
    rows = {ws.cell(r, 1).value: r for r in range(4, ws.max_row + 1)}
    total = rows["合计（收到27个，有数据10个）"]
    expected = _expected()
    accepted = ws.cell(total, col["受理矛盾纠纷（件）"])
    assert accepted.value == expected["accepted"] and accepted.number_format == "#,##0"
    rate = ws.cell(total, col["调解成功率（%）"])
    assert rate.number_format == "0.0%"
    assert rate.value == pytest.approx(float(_pct(expected["resolved"], expected["accepted"])[:-1]) / 100)
    fines = ws.cell(total, col["罚没金额（万元）"])
    assert fines.number_format == "#,##0.00" and fines.value == pytest.approx(8.65 * len(PACKAGES))
    bad = ws.cell(rows[INVALID_FIGURE], col["法律援助案件（件）"])
    assert bad.value == 2.5 and bad.fill.fgColor.rgb.endswith("FFC7CE") and "应为整数" in bad.comment.text
    assert ws.cell(total, 1).font.bold
    assert ws.column_dimensions["A"].width >= 12 and ws.column_dimensions["D"].width >= 9
    assert ws.cell(rows["太平镇"], col["报送"]).value == "未收到"


def test_table_docx_holds_every_column(county_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from docx import Document

    path = tmp_path / "汇总.docx"
    assert run(capsys, "--db", county_db, "county", "table", "--year", "2025", "-o", str(path))[0] == 0
    doc = Document(str(path))
    headers = [cell.text for table in doc.tables for cell in table.rows[0].cells[1:]]
    assert len(headers) == 69 and headers[0] == "党委会（专题会）研究法治建设（次）"
    assert all(len(t.columns) <= 5 for t in doc.tables)  # fits the 156 mm type area
    assert doc.tables[0].rows[-1].cells[0].text == "合计（收到27个，有数据10个）"
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.top_margin.mm) == 37


def test_the_countys_own_report_from_its_units(county_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", county_db, "new", "--unit", "安平县", "--kind", "县政府", "--year", "2025",
                         "--from-units")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == "已新建：安平县2025年度法治政府建设情况报告（县政府，模板：法定五部分（推荐））"
    expected = _expected()
    assert f"  受理矛盾纠纷：{expected['accepted']}件（由10个单位汇总）" in lines
    assert (f"  调解成功率：{_pct(expected['resolved'], expected['accepted'])}"
            "（由合计的调解成功÷受理矛盾纠纷计算）") in lines
    from fazhi_desktop.storage.database import open_database
    from fazhi_desktop.storage.repository import ReportStore

    store = ReportStore(open_database(Path(county_db), journal="delete"))
    report_id = store.find_report_id("安平县", 2025)
    assert report_id is not None
    value = store.indicator_values(report_id)["disputes_accepted"]
    assert value.source.startswith("千佛镇 100；") and value.note == "由10个单位汇总"  # traceable to each unit
    assert store.indicator_values(report_id)["legal_aid_cases"].value == 23 * 9
    assert store.load_report(report_id).addressee == "市委、市人民政府"
    store.db.close()
    code, out, _ = run(capsys, "--db", county_db, "county", "status", "--year", "2025", "--json")
    assert "安平县" not in {u["unit"] for u in json.loads(out)["units"]}  # the county is not one of its units
