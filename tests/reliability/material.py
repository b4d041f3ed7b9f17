"""One data file and the files every writing command needs, made once, for the reliability tests."""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

import pytest

from fazhi_desktop.core.indicators import IndicatorValue, ValueState
from fazhi_desktop.core.package import pack
from fazhi_desktop.core.templates import new_report
from fazhi_desktop.storage.session import open_session

UNIT, YEAR = "千佛镇", "2021"
REPORT_TEXT = """千佛镇2021年度法治政府建设情况报告

县委、县人民政府：
2021年，我镇深入学习贯彻习近平法治思想，现将有关情况报告如下。
一、主要举措和成效
（一）加强组织领导
镇党委召开专题会议4次，研究部署法治建设工作。
（二）推进依法决策
重大行政决策全部经过合法性审查。
二、存在的不足和原因
普法宣传的针对性还不够强。
三、下一年度主要安排
继续推进法治政府建设。
"""


@dataclass(frozen=True)
class Material:
    db: Path  # the data file every case starts from
    text: Path  # a .txt report for import --replace
    package: Path  # a .fzbg of the same unit and year with different content, for unpack --replace
    backup: Path  # an older state of the data file, for restore
    csv: Path  # figures for data --import-csv


def write_commands(m: Material) -> dict[str, list[str]]:
    """Every command that writes the data file, ready to run (after ``--db``)."""
    report = ["--unit", UNIT, "--year", YEAR]
    return {
        "new": ["new", "--unit", "东城街道", "--year", "2022"],
        "set": ["set", *report, "note=附注N", "addressee=主送A", "closing=结束语C"],
        "copy-year": ["copy-year", "--unit", UNIT, "--from", YEAR, "--to", "2022"],
        "import": ["import", str(m.text), *report, "--replace"],
        "unpack": ["unpack", str(m.package), "--replace"],
        "restore": ["restore", str(m.backup)],
        "data-set": ["data", *report, "--set", "受理矛盾纠纷=186", "调解成功=181"],
        "data-import-csv": ["data", *report, "--import-csv", str(m.csv)],
        "data-add": ["data", *report, "--add", "法治讲座:场"],
        "check-fix": ["check", *report, "--fix"],
    }


def make_material(root: Path) -> Material:
    db = root / "base" / "fazhi.db"
    session = open_session(db, daily_backup=False)
    store = session.store
    report = store.create_report(new_report(store.ensure_unit(UNIT), int(YEAR)))
    assert report.id is not None
    store.update_report_field(report.id, "opening", "我镇大力开展法制宣传教育，推进依法行政。")  # check --fix
    store.set_indicator_value(report.id, IndicatorValue("disputes_accepted", Decimal(100), ValueState.VALUE))
    backup = root / "older.db"
    older = sqlite3.connect(backup)
    session.db.conn.backup(older)
    older.execute("UPDATE reports SET note = '备份里的附注'")
    older.commit()
    older.close()
    other = store.load_report(report.id)
    packaged = replace(other, closing="数据包里的结束语", note="数据包里的附注")
    package = root / "千佛镇2021.fzbg"
    package.write_bytes(pack(packaged, store.indicator_values(report.id)))
    session.close(backup=False)
    text = root / "报告.txt"
    text.write_text(REPORT_TEXT, encoding="utf-8")
    figures = root / "数据.csv"
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["代码", "指标", "单位", "数值", "上年", "备注", "来源"])
    writer.writerow(["disputes_accepted", "受理矛盾纠纷", "件", "120", "", "", ""])
    figures.write_text(out.getvalue(), encoding="utf-8")
    return Material(db, text, package, backup, figures)


def place(m: Material, folder: Path) -> Path:
    """A fresh copy of the data file in ``folder``; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "fazhi.db"
    shutil.copyfile(m.db, target)
    return target


def cli(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    """Run the command line on ``db``: (exit code, stdout, stderr)."""
    from fazhi_desktop.cli import main

    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err
