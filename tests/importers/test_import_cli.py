"""``fazhi-desktop import`` as a clerk would use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_TXT
from tests.helpers import run_cli as run
from tests.helpers import sample_path


def test_import_the_sample_then_show_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sample_path()
    db = str(tmp_path / "fazhi.db")
    code, out, err = run(capsys, "--db", db, "import", str(SAMPLE_TXT))
    assert code == 0, err
    assert "已导入：千佛镇2021年度法治政府建设情况报告（4 章，10 个小节，11 个条目" in out
    assert "原文缺少编号" in out
    code, out, _ = run(capsys, "--db", db, "show", "--unit", "千佛镇", "--year", "2021", "--json")
    data = json.loads(out)
    assert [c["role"] for c in data["chapters"]] == ["principal_duty", "measures", "shortcomings", "next_year"]
    assert [c["number"] for c in data["chapters"]] == ["一、", "二、", "三、", "四、"]
    assert data["chapters"][3]["blocks"][1]["number"] == "（二）"


def test_dry_run_prints_the_outline_and_writes_nothing(capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    sample_path()
    db = tmp_path / "fazhi.db"
    code, out, _ = run(capsys, "--db", str(db), "import", str(SAMPLE_TXT), "--dry-run")
    assert code == 0
    assert "  （一）强化组织领导，依法执政水平不断提升" in out
    assert "    6.加强突发事件应对能力建设。" in out
    assert "未写入数据文件" in out
    assert not db.exists()


def test_existing_report_is_replaced_only_when_asked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sample_path()
    db = tmp_path / "fazhi.db"
    run(capsys, "--db", str(db), "new", "--unit", "千佛镇", "--year", "2021")
    code, _, err = run(capsys, "--db", str(db), "import", str(SAMPLE_TXT))
    assert code == 2 and "已经存在" in err and "--replace" in err
    code, out, _ = run(capsys, "--db", str(db), "show", "--unit", "千佛镇", "--year", "2021", "--json")
    assert json.loads(out)["chapters"][0]["role"] == "measures"  # the template report is untouched
    code, out, err = run(capsys, "--db", str(db), "import", str(SAMPLE_TXT), "--replace")
    assert code == 0, err
    assert "已用导入内容替换原有的千佛镇2021年度报告" in out
    backup = Path(out.split("替换前的数据文件已备份到：", 1)[1].splitlines()[0])
    assert backup.exists() and backup.parent == db.parent / "backups"
    code, out, _ = run(capsys, "--db", str(db), "show", "--unit", "千佛镇", "--year", "2021", "--json")
    assert json.loads(out)["chapters"][0]["role"] == "principal_duty"
    code, out, _ = run(capsys, "--db", str(backup), "show", "--unit", "千佛镇", "--year", "2021", "--json")
    assert json.loads(out)["chapters"][0]["role"] == "measures"  # the backup holds the old report


def test_unit_and_year_options_and_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sample_path()
    db = str(tmp_path / "fazhi.db")
    text = tmp_path / "无标题.txt"
    text.write_text("一、主要举措和成效\n坚持依法行政。\n二、存在的不足和原因\n人员不足。\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "import", str(text))
    assert code == 2 and "--unit" in err
    code, _, err = run(capsys, "--db", db, "import", str(text), "--unit", "石桥镇")
    assert code == 2 and "--year" in err
    code, out, err = run(capsys, "--db", db, "import", str(text), "--unit", "石桥镇", "--year", "2023")
    assert code == 0, err
    assert "石桥镇2023年度法治政府建设情况报告" in out
    doc = tmp_path / "旧报告.doc"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)
    code, out, err = run(capsys, "--db", db, "import", str(doc))
    assert code == 2 and "另存为" in err and ".docx" in err and "Traceback" not in err
    assert err.count("\n") == 1
    flat = tmp_path / "没有章节.txt"
    flat.write_text("千佛镇2021年度法治政府建设情况报告\n全年工作情况良好。", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "import", str(flat))
    assert code == 2 and "未能" in err and "章节" in err
