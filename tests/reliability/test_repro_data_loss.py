"""Issue 17, items 2–4: commands that lost data (item 1, typing, is in tests/ui/test_autosave_ceiling.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fazhi_desktop.storage import migrations
from fazhi_desktop.storage.connection import Db
from fazhi_desktop.storage.repository import ReportStore
from tests.reliability import disks
from tests.reliability.material import Material, cli, place
from tests.reliability.test_package_fuzz import _parts, signed


def test_2_unpack_replace_checks_the_package_before_deleting_anything(material: Material, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    db = place(material, tmp_path / "data")
    report, figures = _parts(material.package)
    report["chapters"][0]["blocks"][0]["heading"] = {"标题": "是一个对象"}
    bad = tmp_path / "坏.fzbg"
    bad.write_bytes(signed(report, figures))
    before = disks.snapshot(db)
    code, out, err = cli(capsys, db, "unpack", str(bad), "--replace")
    assert code == 2 and "heading" in err and "Traceback" not in err
    assert "已备份原报告" not in out  # nothing happened, so nothing was said to have happened
    assert disks.snapshot(db) == before and not (db.parent / "backups").exists()
    assert "千佛镇\t2021" in cli(capsys, db, "list")[1]


def _foreign_with_reports(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE reports (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO reports (title) VALUES ('别人的数据')")
    conn.commit()
    conn.close()


def test_3_restore_refuses_any_file_that_is_not_a_good_backup_of_ours(material: Material, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    db = place(material, tmp_path / "data")
    foreign = tmp_path / "别的程序.db"
    _foreign_with_reports(foreign)
    foreign_bytes = foreign.read_bytes()
    ours_bad = tmp_path / "年份不对.db"  # ours by its mark, but with a year no report can have
    conn = sqlite3.connect(ours_bad)
    sqlite3.connect(db).backup(conn)
    conn.execute("UPDATE reports SET year = 1899")
    conn.commit()
    conn.close()
    nan = tmp_path / "数值不对.db"
    conn = sqlite3.connect(nan)
    sqlite3.connect(db).backup(conn)
    conn.execute("UPDATE indicator_values SET value = 'NaN' WHERE value IS NOT NULL")
    conn.commit()
    conn.close()
    before = disks.snapshot(db)
    for candidate, said in ((foreign, "不是本程序的数据文件"), (ours_bad, "数据有误"), (nan, "数据有误")):
        code, _out, err = cli(capsys, db, "restore", str(candidate))
        assert code == 2 and said in err and "不能用来恢复" in err, err
        assert disks.snapshot(db) == before
    assert foreign.read_bytes() == foreign_bytes and not foreign.with_name(foreign.name + "-wal").exists()
    assert cli(capsys, db, "list")[0] == 0 and cli(capsys, db, "set", "--unit", "千佛镇", "--year", "2021",
                                                    "note=恢复后仍能修改")[0] == 0
    # a real backup restores, and the automatic 恢复前 copy restores back again
    code, out, _err = cli(capsys, db, "restore", str(material.backup))
    assert code == 0 and disks.snapshot(db)["reports"][0][-1] == "备份里的附注"
    safety = out.strip().rsplit(" ", 1)[-1]
    code, out, err = cli(capsys, db, "restore", safety)
    assert code == 0, err
    assert disks.snapshot(db)["reports"][0][-1] == "恢复后仍能修改"
    assert not list(db.parent.glob(".*.tmp")) and not list((db.parent / "backups").glob("*-wal"))


def test_3_a_backup_from_before_the_mark_restores_and_is_marked(material: Material, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Backups made by earlier versions carry no application id: they are recognised by their tables."""
    db = place(material, tmp_path / "data")
    legacy = tmp_path / "fazhi-20250101-080000-手动.db"
    old = Db(sqlite3.connect(legacy))
    from sqlite_utils import Migrations

    plain = Migrations(migrations.SET_NAME)
    for step in migrations._steps:
        if step.__name__ < "m005":  # the migrations that existed before the mark
            plain()(step)
    plain.apply(old.utils)  # as the previous version did it: no application id, no user_version
    with old.conn:  # the unit as that version stored it (its table had no kind yet)
        old.conn.execute("INSERT INTO units (short_name) VALUES ('旧版本镇')")
    old.close()
    code, _out, err = cli(capsys, db, "restore", str(legacy))
    assert code == 0, err
    after = disks.snapshot(db)
    assert [u[1] for u in after["units"]] == ["旧版本镇"]
    assert after["application_id"] == 0x465A4247 and after["user_version"] == migrations.schema_version()


def test_4_set_writes_every_field_or_none(material: Material, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """The third of three fields fails (as a kill or a full disk would): the first two are not kept."""
    from fazhi_desktop.storage.chapters import WriteError

    db = place(material, tmp_path / "data")
    before = disks.snapshot(db)
    real = ReportStore.update_report_field
    calls: list[str] = []

    def third_fails(self: ReportStore, report_id: int, key: str, value: object) -> None:
        calls.append(key)
        if len(calls) == 3:
            raise WriteError("保存失败：磁盘空间已满。刚才的修改没有写入，已保存的内容完好；请处理后重试。")
        real(self, report_id, key, value)

    monkeypatch.setattr(ReportStore, "update_report_field", third_fails)
    code, _out, err = cli(capsys, db, "set", "--unit", "千佛镇", "--year", "2021", "note=N78", "addressee=A78",
                          "closing=C78")
    assert code == 2 and "磁盘空间已满" in err and calls == ["note", "addressee", "closing"]
    assert disks.snapshot(db) == before


def test_4_data_edits_are_one_transaction_too(material: Material, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """--add, --import-csv and --set together: a bad value in --set keeps the others out as well."""
    db = place(material, tmp_path / "data")
    before = disks.snapshot(db)
    code, out, err = cli(capsys, db, "data", "--unit", "千佛镇", "--year", "2021", "--add", "法治讲座:场",
                         "--import-csv", str(material.csv), "--set", "受理矛盾纠纷=-3")
    assert code == 2 and "负数" in err and "已添加" not in out
    assert disks.snapshot(db) == before
