"""The command line: new/list/show/copy-year/set, exit codes and Chinese messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from fazhi_desktop.cli import main
from tests.helpers import run_cli as run


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "x.db")


def test_new_then_show_prints_numbered_outline(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "--db", db, "new", "--unit", "千佛镇", "--year", "2021")
    assert code == 0 and "千佛镇2021年度法治政府建设情况报告" in out
    code, out, _ = run(capsys, "--db", db, "show", "--unit", "千佛镇", "--year", "2021")
    lines = out.splitlines()
    assert code == 0
    assert lines[0] == "千佛镇2021年度法治政府建设情况报告"
    assert "一、2021年度推进法治政府建设的主要举措和成效" in lines
    assert "  （十）加强法治队伍和法治能力建设" in lines
    assert "四、2022年度推进法治政府建设的主要安排" in lines
    last_section = lines.index("  （十）加强法治队伍和法治能力建设")
    assert lines.index("二、2021年度推进法治政府建设存在的不足和原因") > last_section


def test_show_json_is_complete_and_stable(capsys: pytest.CaptureFixture[str], db: str) -> None:
    run(capsys, "--db", db, "new", "--unit", "千佛镇", "--year", "2021", "--template", "principal-first")
    code, out, _ = run(capsys, "--db", db, "show", "--unit", "千佛镇", "--year", "2021", "--json")
    data = json.loads(out)
    assert code == 0 and data["format"] == 1
    assert data["title"] == "千佛镇2021年度法治政府建设情况报告"
    assert data["unit"]["full_name"] == "千佛镇人民政府"
    assert data["chapters"][0]["role"] == "principal_duty" and data["chapters"][0]["number"] == "一、"
    block = data["chapters"][1]["blocks"][9]
    assert block == {"kind": "section", "level": 2, "number": "（十）", "heading": "加强法治队伍和法治能力建设",
                     "run_in": False, "internal": False, "body": ""}
    assert data["date"] is None and data["number_chapters"] is True and data["signatories"] == ["千佛镇人民政府"]


def test_set_fields_and_show_them(capsys: pytest.CaptureFixture[str], db: str) -> None:
    run(capsys, "--db", db, "new", "--unit", "千佛镇", "--year", "2021")
    code, out, err = run(capsys, "--db", db, "set", "--unit", "千佛镇", "--year", "2021", "date=2022-01-10",
                         "addressee=县委、县人民政府", "signatories=中共千佛镇委员会，千佛镇人民政府",
                         "seal=unsealed", "title=关于2021年度法治政府建设情况的报告", "status=定稿")
    assert code == 0, err
    assert "成文日期：2022年1月10日" in out and "印章：不加盖印章" in out
    data = json.loads(run(capsys, "--db", db, "show", "--unit", "千佛镇", "--year", "2021", "--json")[1])
    assert data["date"] == "2022-01-10" and data["seal"] == "unsealed" and data["status"] == "定稿"
    assert data["signatories"] == ["中共千佛镇委员会", "千佛镇人民政府"]
    assert data["title"] == "关于2021年度法治政府建设情况的报告"
    assert "定稿" in data["status_dates"]


@pytest.mark.parametrize(
    ("assignment", "message"),
    [("colour=red", "没有字段“colour”"), ("date=2022-02-30", "日期不存在"), ("date=明年", "日期格式不正确"),
     ("seal=maybe", "sealed"), ("signatories=甲,乙,丙", "最多两个"), ("status=完成", "草稿、审核"),
     ("novalue", "字段=值")],
)
def test_bad_set_values_exit_2_and_change_nothing(capsys: pytest.CaptureFixture[str], db: str,
                                                  assignment: str, message: str) -> None:
    run(capsys, "--db", db, "new", "--unit", "千佛镇", "--year", "2021")
    before = run(capsys, "--db", db, "show", "--unit", "千佛镇", "--year", "2021", "--json")[1]
    code, _out, err = run(capsys, "--db", db, "set", "--unit", "千佛镇", "--year", "2021", "addressee=改了", assignment)
    assert code == 2 and message in err and "Traceback" not in err
    assert err.count("\n") == 1  # one line
    assert run(capsys, "--db", db, "show", "--unit", "千佛镇", "--year", "2021", "--json")[1] == before


def test_copy_year_and_list(capsys: pytest.CaptureFixture[str], db: str) -> None:
    run(capsys, "--db", db, "new", "--unit", "千佛镇", "--year", "2021")
    code, out, _ = run(capsys, "--db", db, "copy-year", "--unit", "千佛镇", "--from", "2021", "--to", "2022")
    assert code == 0 and "2022" in out
    code, out, _ = run(capsys, "--db", db, "list")
    assert out.splitlines() == ["千佛镇\t2022\t草稿\t千佛镇2022年度法治政府建设情况报告",
                                "千佛镇\t2021\t草稿\t千佛镇2021年度法治政府建设情况报告"]
    code, _, err = run(capsys, "--db", db, "copy-year", "--unit", "千佛镇", "--from", "2021", "--to", "2022")
    assert code == 2 and "已经存在" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["show", "--unit", "千佛镇", "--year", "2021"], "没有单位"),
     (["show", "--unit", "千佛镇"], "缺少必需的参数"),
     (["new", "--unit", "千佛镇", "--year", "二〇二一"], "年度应为四位数字"),
     (["new", "--unit", "千佛镇", "--year", "2021", "--template", "nope"], "没有模板"),
     (["frobnicate"], "无效的选项")],
)
def test_usage_errors_exit_2_with_chinese_line(capsys: pytest.CaptureFixture[str], db: str,
                                               argv: list[str], message: str) -> None:
    with pytest.raises(SystemExit) as info:  # argparse-level errors exit through SystemExit
        code = main(["--db", db, *argv])
        raise SystemExit(code)
    err = capsys.readouterr().err
    assert info.value.code == 2 and message in err and "Traceback" not in err


def test_corrupt_database_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    code, _, err = run(capsys, "--db", str(bad), "list")
    assert code == 2 and "不是本程序的数据文件" in err
    assert bad.read_bytes() == b"not a database at all" * 100


def test_help_is_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("用法：") and "选项" in out and "显示此帮助信息并退出" in out


def test_demo_database_has_the_complete_report(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "--db", db, "--demo", "show", "--unit", "示例镇", "--year", "2025")
    assert code == 0 and "（十）加强法治队伍和法治能力建设" in out and "2026年1月16日" in out
    code, out, _ = run(capsys, "--db", db, "--demo", "list")  # idempotent
    assert len(out.splitlines()) == 1 and out.startswith("示例镇\t2025\t定稿")


def test_python_dash_m_is_the_same_command(tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    subprocess.run([sys.executable, "-m", "fazhi_desktop", "--db", db, "new", "--unit", "千佛镇", "--year", "2021"],
                   check=True, capture_output=True)
    done = subprocess.run([sys.executable, "-m", "fazhi_desktop", "--db", db, "show", "--unit", "千佛镇",
                           "--year", "2021"], capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 0 and "（一）坚持党的领导，压紧压实法治建设责任" in done.stdout
    bad = subprocess.run([sys.executable, "-m", "fazhi_desktop", "--db", db, "show", "--unit", "无此镇",
                          "--year", "2021"], capture_output=True, text=True, encoding="utf-8")
    assert bad.returncode == 2 and bad.stderr.startswith("错误：") and "Traceback" not in bad.stderr


def test_db_in_a_folder_that_does_not_exist_yet(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "新U盘" / "报告数据" / "fazhi.db"
    code, _, err = run(capsys, "--db", str(db), "new", "--unit", "千佛镇", "--year", "2021")
    assert code == 0, err
    assert db.exists()
