"""Collecting what arrived: matched by title and content, imported with the received date, originals kept;
corrupt, duplicated, mislabelled, wrong-year, unmatched and conflicting files listed with a Chinese reason."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from fazhi_desktop.core.model import Status
from fazhi_desktop.county.collect import collect
from fazhi_desktop.storage.county import CountyStore
from fazhi_desktop.storage.database import open_database
from fazhi_desktop.storage.repository import ReportStore
from tests.county.conftest import Folder
from tests.county.fixture import LATE, NOT_SENT, ON_TIME, ROSTER, YEAR
from tests.helpers import run_cli as run


def _outcomes(out: str) -> dict[str, tuple[str, str]]:
    """{file name: (outcome, unit)} from collect's lines 【结果】文件 → 单位：说明."""
    found = {}
    for line in out.splitlines():
        if not line.startswith("【"):
            continue
        outcome, rest = line[1:].split("】", 1)
        name = rest.split("：", 1)[0]
        unit = ""
        if " → " in name:
            name, unit = name.split(" → ")
        found[name] = (outcome, unit)
    return found


def test_collect_the_fixture_folder(capsys: pytest.CaptureFixture[str], county_files: Folder,
                                    tmp_path: Path) -> None:
    db = str(tmp_path / "县.db")
    assert run(capsys, "--db", db, "county", "roster", str(county_files.roster), "--county", "安平县")[0] == 0
    code, out, err = run(capsys, "--db", db, "county", "collect", str(county_files.first), "--year", "2025",
                         "--received", "2026-02-27")
    assert code == 1, err  # some files were refused
    expected = {s.name: (s.outcome, s.unit) for s in county_files.sent_first}
    got = _outcomes(out)
    assert {k: v[0] for k, v in got.items()} == {k: v[0] for k, v in expected.items()}
    assert {k: v[1] for k, v in got.items() if v[0] in ("已导入", "原件已保存")} == {
        k: v[1] for k, v in expected.items() if v[0] in ("已导入", "原件已保存")}
    lines = out.splitlines()
    assert ("【已导入】石桥镇（修改）.docx → 白马镇：文件名写的是“石桥镇”，内容是白马镇的报告，已按内容归入白马镇"
            in lines)  # mislabelled: matched by its content
    assert "【未导入】青龙乡2024年度报告.docx：这是2024年度的报告（据标题），与本次收取的2025年度不符" in lines
    assert ("【重复】南河街道报告 - 副本.txt：与本次的“南河街道2025年度法治政府建设情况报告.txt”完全相同，未重复导入"
            in lines)
    assert "【未匹配】柳树村法治报告.docx：标题、落款和开头段中都没有名单上的单位名称" in lines
    conflict = [line for line in lines if line.startswith("【待选择】")]
    head = "和平乡本次有2个不同的文件（和平乡报告.docx、和平乡报告（定稿）.docx），请选定一个导入；此文件"
    assert [line.split("：", 1)[0] for line in conflict] == ["【待选择】和平乡报告.docx → 和平乡",
                                                           "【待选择】和平乡报告（定稿）.docx → 和平乡"]
    told = [line.split("：", 1)[1] for line in conflict]  # each version with what tells it from the other
    assert all(re.fullmatch(rf"{re.escape(head)}(\d+)字，\d+月\d+日\d\d:\d\d修改", t) for t in told), told
    assert int(re.findall(r"(\d+)字", told[1])[0]) == int(re.findall(r"(\d+)字", told[0])[0]) + 1  # 明显成效
    assert "【未导入】~$千佛镇报告.docx：这是 Word/WPS 打开文档时留下的临时文件，不是报告" in lines
    assert "【未导入】三汇镇（不完整）.fzbg：这不是本程序的数据包（.fzbg），或文件已损坏。" in lines
    assert any(line.startswith("【未导入】损坏的报告.docx：损坏的报告.docx 已损坏或不是 Word 文档") for line in lines)
    assert any(line.startswith("【未导入】扫描件.pdf：扫描件.pdf 是 PDF 文件，不能直接导入") for line in lines)
    assert any(line.startswith("【未导入】旧格式.doc：旧格式.doc 是旧版 Word 文档（.doc）") for line in lines)
    assert lines[-2] == ("共36个文件：已导入25个，原件已保存1个，重复1个，未匹配1个，待选择2个，未导入6个。"
                         "收到日期：2026-02-27。")
    # collecting the same folder again imports nothing twice
    code, out, _ = run(capsys, "--db", db, "county", "collect", str(county_files.first), "--year", "2025",
                       "--received", "2026-02-28")
    again = _outcomes(out)
    assert code == 1 and again["千佛镇2025年度法治政府建设情况报告.fzbg"][0] == "重复"
    assert "已导入" not in {v[0] for v in again.values()}


def test_received_dates_status_and_originals(county_db: str, county_files: Folder, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    store = ReportStore(open_database(Path(county_db), journal="delete"))
    county = CountyStore(store)
    subs = county.submissions(YEAR)
    received = {store.load_report(s[0].report_id).unit.short_name: s[0].received_on  # type: ignore[arg-type]
                for s in subs.values()}
    assert received["千佛镇"] == ON_TIME and received["金鸡乡"] == LATE and received["县应急管理局"] == LATE
    assert set(ROSTER) - set(received) == NOT_SENT | {"和平乡"}
    report = store.load_report(county.report_ids(YEAR)[store.find_unit("金鸡乡").id])  # type: ignore[index]
    assert report.status is Status.SUBMITTED and dict(report.status_dates)[Status.SUBMITTED] == LATE
    qianfo = subs[store.find_unit("千佛镇").id]  # type: ignore[index]
    assert [s.file_name for s in qianfo] == ["千佛镇2025年度法治政府建设情况报告.fzbg", "千佛镇报告（Word版）.docx"]
    original = (county_files.first / "千佛镇报告（Word版）.docx").read_bytes()
    assert county.content(qianfo[1].id) == original  # kept byte for byte
    assert hashlib.sha256(original).hexdigest() == qianfo[1].sha256
    values = store.indicator_values(qianfo[0].report_id)  # type: ignore[arg-type]
    assert values["disputes_accepted"].value == 100  # the package's 数据指标 came along
    store.db.close()
    code, _, _ = run(capsys, "--db", county_db, "county", "original", "--unit", "千佛镇", "--year", "2025",
                       "-o", str(tmp_path / "原件"))
    assert code == 0 and (tmp_path / "原件" / "2026-02-27-千佛镇报告（Word版）.docx").read_bytes() == original


def test_assign_the_conflicting_and_unmatched_files(county_db: str, county_files: Folder,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    final = county_files.first / "和平乡报告（定稿）.docx"
    code, out, err = run(capsys, "--db", county_db, "county", "assign", str(final), "--unit", "和平乡",
                         "--year", "2025", "--received", "2026-03-02")
    assert code == 0, err
    assert out.splitlines()[0] == "已导入：和平乡报告（定稿）.docx → 和平乡2025年度报告（收到日期 2026-03-02）"
    draft = county_files.first / "和平乡报告.docx"
    code, _, err = run(capsys, "--db", county_db, "county", "assign", str(draft), "--unit", "和平乡", "--year",
                       "2025", "--received", "2026-03-02")
    assert code == 1 and err.startswith(
        "错误：和平乡报告.docx：已有和平乡2025年度的报告（3月2日收到“和平乡报告（定稿）.docx”），未覆盖")
    backups = Path(county_db).parent / "backups"
    before = set(backups.glob("*.db")) if backups.exists() else set()
    code, out, err = run(capsys, "--db", county_db, "county", "assign", str(draft), "--unit", "和平乡", "--year",
                         "2025", "--received", "2026-03-03", "--replace")
    assert code == 0, err
    assert "提示：已替换原有报告（替换前已备份数据文件）" in out
    made = set(backups.glob("*-收取替换前.db")) - before
    assert len(made) == 1  # nothing is overwritten without a backup
    old = sqlite3.connect(made.pop())
    kept = old.execute("SELECT count(*) FROM submissions WHERE file_name = '和平乡报告（定稿）.docx'").fetchone()
    assert kept == (1,)
    old.close()
    code, _, err = run(capsys, "--db", county_db, "county", "assign", str(county_files.first / "柳树村法治报告.docx"),
                       "--unit", "太平镇", "--year", "2025", "--received", "2026-03-03")
    assert code == 0, err  # the clerk knows better: 柳树村's file is 太平镇's report
    code, _, err = run(capsys, "--db", county_db, "county", "assign",
                       str(county_files.first / "青龙乡2024年度报告.docx"), "--unit", "青龙乡", "--year", "2025")
    assert code == 1
    assert err == "错误：青龙乡2024年度报告.docx 是2024年度的报告（据标题），与 --year 2025 不符，未导入。\n"


def test_a_failure_while_storing_leaves_nothing_half_imported(county_files: Folder, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from fazhi_desktop.core.county.roster import parse_text
    from fazhi_desktop.core.units import unit_for
    from fazhi_desktop.storage.chapters import WriteError

    store = ReportStore(open_database(tmp_path / "县.db", journal="delete"))
    county = CountyStore(store)
    county.add_to_roster([unit_for(e.name, e.kind) for e in parse_text("千佛镇\n三汇镇").entries])
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("千佛镇2025年度法治政府建设情况报告.fzbg", "三汇镇2025年度法治政府建设情况报告.fzbg"):
        shutil.copy(county_files.first / name, folder / name)

    def full_disk(*_args: object) -> None:
        raise WriteError("保存失败：磁盘空间已满。刚才的修改没有写入，已保存的内容完好；请处理后重试。")

    monkeypatch.setattr(store, "set_indicator_values", full_disk)
    result = collect(county, [folder], YEAR, ON_TIME)
    assert [(o.outcome.value, o.reason[:9]) for o in result.outcomes] == [("未导入", "保存失败：磁盘空间")] * 2
    assert store.list_reports() == [] and county.submissions(YEAR) == {}  # no report, no file, no status
    monkeypatch.undo()
    assert [o.outcome.value for o in collect(county, [folder], YEAR, ON_TIME).outcomes] == ["已导入", "已导入"]
    store.db.close()


def test_collect_needs_a_roster_and_a_plausible_date(capsys: pytest.CaptureFixture[str], county_files: Folder,
                                                    tmp_path: Path) -> None:
    db = str(tmp_path / "空.db")
    code, _, err = run(capsys, "--db", db, "county", "collect", str(county_files.first), "--year", "2025")
    assert code == 2 and err == "错误：名单中还没有单位。请先导入应报送单位名单（county roster 名单文件）。\n"
    code, _, err = run(capsys, "--db", db, "county", "collect", str(county_files.first), "--year", "2025",
                       "--received", "2025-12-30")
    assert code == 2 and "收到日期 2025-12-30 不晚于2025年12月31日" in err
    assert dt.date(2026, 2, 27) == ON_TIME


def test_department_reports_keep_their_closing_and_signatures(county_db: str) -> None:
    """A department signs as itself (安平县市场监督管理局) or with its 党组; both are read back from Word and text."""
    store = ReportStore(open_database(Path(county_db), journal="delete"))
    county = CountyStore(store)
    by_unit = {store.load_report(r).unit.short_name: store.load_report(r) for r in county.report_ids(YEAR).values()}
    store.db.close()
    expected = {"县市场监督管理局": ("安平县市场监督管理局",),  # .docx
                "县自然资源局": ("安平县自然资源局",),  # .txt
                "县交通运输局": ("中共安平县交通运输局党组", "安平县交通运输局"),  # .docx
                "县生态环境局": ("中共安平县生态环境局党组", "安平县生态环境局")}  # .txt
    for name, signatories in expected.items():
        report = by_unit[name]
        assert (report.closing, report.signatories, report.date) == ("特此报告。", signatories,
                                                                     dt.date(2026, 1, 16)), name
        assert "特此报告" not in report.chapters[-1].blocks[-1].body, name
