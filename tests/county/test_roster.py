"""The roster: pasted names, a .txt, a CSV or XLSX column; kinds inferred and editable."""

from __future__ import annotations

from pathlib import Path

import pytest

from fazhi_desktop.core.county.roster import RosterEntry, parse_rows, parse_text
from fazhi_desktop.core.model import UnitKind
from tests.helpers import run_cli as run

T, S, D = UnitKind.TOWNSHIP, UnitKind.STREET, UnitKind.DEPARTMENT


def test_pasted_names_numbered_full_names_and_a_title_line() -> None:
    parsed = parse_text("渠县2025年度报送单位名单\n1. 千佛镇人民政府\n2、石桥街道办事处\n3.县司法局，县级部门\n\n"
                        "千佛镇\n柳树村\n青龙乡\t乡镇\n")
    assert parsed.entries == (RosterEntry("千佛镇", T, "inferred"), RosterEntry("石桥街道", S, "inferred"),
                              RosterEntry("县司法局", D, "given"), RosterEntry("柳树村", T, "default"),
                              RosterEntry("青龙乡", T, "given"))
    assert parsed.notes == ("第1行“渠县2025年度报送单位名单”不像单位名称，已跳过", "“千佛镇”重复出现，只保留一次",
                            "“柳树村”的类型无法从名称看出，暂按乡镇，请核对")


def test_a_table_with_a_name_and_a_kind_column() -> None:
    rows = [["序号", "单位名称", "类型"], ["1", "千佛镇", ""], ["2", "县公安局", "部门"], ["3", "新区", "县级部门"],
            ["4", "石桥街道", "社区"], ["", "合计", ""]]
    parsed = parse_rows(rows)
    assert parsed.entries == (RosterEntry("千佛镇", T, "inferred"), RosterEntry("县公安局", D, "given"),
                              RosterEntry("新区", D, "given"), RosterEntry("石桥街道", S, "inferred"))
    assert parsed.notes[0].startswith("第5行：单位类型应为：乡镇、街道、县级部门、县政府（不是“社区”）")
    with pytest.raises(ValueError, match="表头中没有“部门名称”这一列"):
        parse_rows(rows, "部门名称")
    assert [e.name for e in parse_rows([["a", "千佛镇"], ["b", "县财政局"]], 2).entries] == ["千佛镇", "县财政局"]


def test_roster_command_from_an_xlsx_column_then_kind_edits(capsys: pytest.CaptureFixture[str],
                                                            tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in (["渠县报送单位"], ["序号", "单位", "备注"], [1, "千佛镇", ""], [2, "县司法局", "牵头"],
                [3, "石桥街道", None], [4, "县委办公室", ""]):
        sheet.append(row)
    book.save(tmp_path / "名单.xlsx")
    db = str(tmp_path / "县.db")
    code, out, err = run(capsys, "--db", db, "county", "roster", str(tmp_path / "名单.xlsx"), "--county", "渠县")
    assert code == 0, err  # the title row above the header is not a name
    assert out.splitlines() == ["本县名称：渠县", "名单：读入4个单位，新加入4个，已在名单中0个。",
                                "  千佛镇\t乡镇（按名称推断）", "  县司法局\t县级部门（按名称推断）",
                                "  石桥街道\t街道（按名称推断）", "  县委办公室\t县级部门（按名称推断）",
                                "类型有误时可用 county kind 单位 类型 修改。"]
    code, out, _ = run(capsys, "--db", str(tmp_path / "b.db"), "county", "roster", str(tmp_path / "名单.xlsx"),
                       "--column", "单位", "--county", "渠县")
    assert code == 0 and "名单：读入4个单位，新加入4个" in out
    assert run(capsys, "--db", db, "county", "kind", "千佛镇", "街道")[0] == 0  # the clerk corrects a kind …
    code, out, _ = run(capsys, "--db", db, "county", "roster", str(tmp_path / "名单.xlsx"))
    assert code == 0  # … and importing the list again keeps it
    assert out.startswith("名单：读入4个单位，新加入0个，已在名单中4个。\n  千佛镇\t街道（沿用原有类型，已在名单中）")
    code, out, _ = run(capsys, "--db", str(tmp_path / "b.db"), "county", "roster")
    assert out.splitlines() == ["1\t千佛镇\t乡镇\t千佛镇人民政府", "2\t县司法局\t县级部门\t渠县司法局",
                                "3\t石桥街道\t街道\t石桥街道办事处", "4\t县委办公室\t县级部门\t中共渠县县委办公室"]
    assert run(capsys, "--db", str(tmp_path / "b.db"), "county", "kind", "千佛镇", "街道")[1] == "千佛镇：街道\n"
    code, _, err = run(capsys, "--db", str(tmp_path / "b.db"), "county", "kind", "千佛镇", "村")
    assert code == 2 and err == "错误：单位类型应为：乡镇、街道、县级部门、县政府（不是“村”）\n"
    code, out, _ = run(capsys, "--db", str(tmp_path / "b.db"), "county", "roster", "--remove", "县委办公室")
    assert out.splitlines()[0] == "已从名单中移除：县委办公室（报告和收到的文件都保留）" and len(out.splitlines()) == 4


def test_roster_files_that_cannot_be_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "县.db")
    (tmp_path / "坏.xlsx").write_bytes(b"PK\x03\x04 not really")
    code, _, err = run(capsys, "--db", db, "county", "roster", str(tmp_path / "坏.xlsx"))
    assert code == 2 and err == "错误：坏.xlsx 不是有效的 Excel（.xlsx）文件，或已经损坏，无法读取。\n"
    (tmp_path / "名单.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    code, _, err = run(capsys, "--db", db, "county", "roster", str(tmp_path / "名单.xls"))
    assert code == 2 and "旧版 Excel 文件，请在 Excel/WPS 中另存为 .xlsx 或 .csv" in err
    (tmp_path / "名单.csv").write_bytes("单位,类型\n千佛镇,乡镇\n县财政局,\n".encode("gbk"))
    code, out, _ = run(capsys, "--db", db, "county", "roster", str(tmp_path / "名单.csv"))
    assert code == 0 and "  千佛镇\t乡镇（按表中类型）" in out and "  县财政局\t县级部门（按名称推断）" in out


def test_a_roster_as_offices_keep_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """An .xlsx with a merged title, 序号/单位名称/单位类型/联系人/电话, names with 人民政府 and stray spaces,
    a blank line and a 合计 line; and the same list exported by WPS as CSV (GBK, CRLF, a quoted comma)."""
    from openpyxl import Workbook

    from tests.county.fixture import ROSTER

    book = Workbook()
    sheet = book.active
    sheet.merge_cells("A1:E1")
    sheet["A1"] = "安平县2025年度法治政府建设情况报告报送单位名单"
    sheet.append(["序号", "单位名称", "单位类型", "联系人", "联系电话"])
    for number, name in enumerate(ROSTER, start=1):
        shown = f"{name}人民政府" if number % 4 == 0 and name.endswith(("镇", "乡")) else name
        kind = "县级部门" if number == 27 else ""
        sheet.append([number, f" {shown} " if number == 5 else shown, kind, f"张{number}", 13800000000 + number])
    sheet.append([None] * 5)
    sheet.append(["合计", f"{len(ROSTER)}个单位", None, None, None])
    book.save(tmp_path / "名单.xlsx")
    db = str(tmp_path / "县.db")
    code, out, err = run(capsys, "--db", db, "county", "roster", str(tmp_path / "名单.xlsx"))
    assert code == 0, err
    assert out.splitlines()[0] == "名单：读入30个单位，新加入30个，已在名单中0个。"
    assert "提示：第34行是合计行，已跳过" in out.splitlines()
    assert "  县交通运输局\t县级部门（按表中类型）" in out.splitlines()
    listed = run(capsys, "--db", db, "county", "roster")[1].splitlines()
    assert [line.split("\t")[1] for line in listed] == ROSTER
    quoted = '"牵头,配合"'
    lines = ["序号,单位,类型,备注",
             *(f"{n},{name},,{quoted if n == 3 else ''}" for n, name in enumerate(ROSTER, start=1))]
    (tmp_path / "名单.csv").write_bytes("\r\n".join(lines).encode("gbk") + b"\r\n")
    code, out, err = run(capsys, "--db", str(tmp_path / "另.db"), "county", "roster", str(tmp_path / "名单.csv"))
    assert code == 0, err
    assert out.splitlines()[0] == "名单：读入30个单位，新加入30个，已在名单中0个。"
    assert "提示" not in out
