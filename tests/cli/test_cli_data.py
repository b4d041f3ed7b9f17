"""The data command: set, show with last year, CSV export and import (UTF-8 BOM and GBK)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_cli as run


def test_set_show_and_last_year(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    run(capsys, "--db", db, "new", "--unit", "千佛镇", "--year", "2021")
    code, out, err = run(capsys, "--db", db, "data", "--unit", "千佛镇", "--year", "2021", "--set",
                         "受理矛盾纠纷=150", "disputes_resolved=141", "litigation_lost=0", "litigation_concluded=2")
    assert code == 0, err
    assert "调解成功率（计算）\t94%" in out and "零败诉" in out
    run(capsys, "--db", db, "copy-year", "--unit", "千佛镇", "--from", "2021", "--to", "2022")
    code, out, _ = run(capsys, "--db", db, "data", "--unit", "千佛镇", "--year", "2022", "--set", "受理矛盾纠纷=186")
    assert "受理矛盾纠纷\t186件\t上年 150件\t+36" in out


def test_bad_values_and_contradictions(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    run(capsys, "--db", db, "new", "--unit", "千佛镇", "--year", "2021")
    code, _, err = run(capsys, "--db", db, "data", "--unit", "千佛镇", "--year", "2021", "--set", "调解成功=-1")
    assert code == 2 and "负数" in err
    code, _, err = run(capsys, "--db", db, "data", "--unit", "千佛镇", "--year", "2021", "--set", "无此指标=1")
    assert code == 2 and "没有指标" in err
    code, out, _ = run(capsys, "--db", db, "data", "--unit", "千佛镇", "--year", "2021", "--set",
                       "受理矛盾纠纷=100", "调解成功=120")
    assert code == 1 and "错误：调解成功（120）大于受理矛盾纠纷（100）" in out


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk"])
def test_csv_export_then_import_elsewhere(capsys: pytest.CaptureFixture[str], tmp_path: Path, encoding: str) -> None:
    db = str(tmp_path / "x.db")
    run(capsys, "--db", db, "--demo", "list")
    csv_path = tmp_path / "data.csv"
    assert run(capsys, "--db", db, "data", "--unit", "示例镇", "--year", "2025", "--csv", str(csv_path))[0] == 0
    csv_path.write_bytes(csv_path.read_bytes().decode("utf-8-sig").encode(encoding))
    other = str(tmp_path / "y.db")
    run(capsys, "--db", other, "new", "--unit", "示例镇", "--year", "2025")
    code, _, err = run(capsys, "--db", other, "data", "--unit", "示例镇", "--year", "2025",
                       "--import-csv", str(csv_path))
    assert code == 0, err
    shown = [run(capsys, "--db", d, "data", "--unit", "示例镇", "--year", "2025")[1] for d in (db, other)]
    assert shown[1].endswith(shown[0]) and "调解成功率（计算）\t97.3%" in shown[0]


def test_check_compares_text_with_the_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    code, out, _ = run(capsys, "--db", db, "--demo", "check", "--unit", "示例镇", "--year", "2025")
    assert code == 0 and "未发现问题" in out
    run(capsys, "--db", db, "data", "--unit", "示例镇", "--year", "2025", "--set", "调解成功=180")
    code, out, _ = run(capsys, "--db", db, "check", "--unit", "示例镇", "--year", "2025")
    assert "“调解成功181件”" in out and "180件不一致" in out


def test_export_with_the_statistics_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import docx
    from docx.oxml.ns import qn

    db, out = str(tmp_path / "x.db"), tmp_path / "报告.docx"
    run(capsys, "--db", db, "new", "--unit", "千佛镇", "--year", "2021")
    code, _, err = run(capsys, "--db", db, "export", "--unit", "千佛镇", "--year", "2021", "-o", str(out),
                       "--data-table")
    assert code == 2 and "还没有填写任何数据指标" in err and not out.exists()
    run(capsys, "--db", db, "data", "--unit", "千佛镇", "--year", "2021", "--set", "受理矛盾纠纷=150", "调解成功=141")
    code, _, err = run(capsys, "--db", db, "export", "--unit", "千佛镇", "--year", "2021", "-o", str(out),
                       "--data-table")
    assert code == 0, err
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert "附件：千佛镇2021年度法治政府建设主要数据统计表" in texts
    cells = [[c.text for c in row.cells] for row in document.tables[-1].rows]
    assert cells[0] == ["序号", "类别", "指标", "数值", "备注"]
    # the 类别 cells of a group are one merged cell (python-docx reads the merged text on every row)
    assert ["3", "矛盾纠纷化解", "调解成功率", "94%", ""] in cells
    merges = [tc.tcPr.find(qn("w:vMerge")) for tc in document.tables[-1]._tbl.iter(qn("w:tc"))
              if tc.tcPr is not None]
    assert sum(m is not None for m in merges) == 3  # restart + two continuing
