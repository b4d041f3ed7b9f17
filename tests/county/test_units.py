"""Units have a kind: inferred from the name, setting 主送机关, 落款 and the template's wording; old files migrate."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fazhi_desktop.core.model import ChapterRole, UnitKind
from fazhi_desktop.core.templates import new_report
from fazhi_desktop.core.units import infer_kind, normalize_name, parse_kind, unit_for
from fazhi_desktop.storage import migrations
from fazhi_desktop.storage.connection import Db
from fazhi_desktop.storage.database import open_database
from fazhi_desktop.storage.repository import ReportStore


@pytest.mark.parametrize(("name", "short", "kind"), [
    ("千佛镇", "千佛镇", UnitKind.TOWNSHIP),
    ("千佛镇人民政府", "千佛镇", UnitKind.TOWNSHIP),
    ("中共千佛镇委员会", "千佛镇", UnitKind.TOWNSHIP),
    ("青龙乡", "青龙乡", UnitKind.TOWNSHIP),
    ("石桥街道办事处", "石桥街道", UnitKind.STREET),
    ("镇江路街道", "镇江路街道", UnitKind.STREET),  # 街道, though it contains 镇
    ("县司法局", "县司法局", UnitKind.DEPARTMENT),
    ("1. 县发展和改革局", "县发展和改革局", UnitKind.DEPARTMENT),
    ("（3）县市场监督管理局", "县市场监督管理局", UnitKind.DEPARTMENT),
    ("县委办公室", "县委办公室", UnitKind.DEPARTMENT),  # 办公室, not 室 of something else
    ("中共渠县司法局党组", "渠县司法局", UnitKind.DEPARTMENT),
    ("经济开发区", "经济开发区", UnitKind.DEPARTMENT),  # 开发区 beats 区
    ("渠县", "渠县", UnitKind.COUNTY),
    ("渠县人民政府", "渠县", UnitKind.COUNTY),
])
def test_kind_is_inferred_from_the_name(name: str, short: str, kind: UnitKind) -> None:
    assert normalize_name(name) == short
    assert infer_kind(name) is kind


def test_a_name_that_says_nothing_has_no_inferred_kind() -> None:
    assert infer_kind("柳树村") is None
    assert unit_for("柳树村").kind is UnitKind.TOWNSHIP  # the default, flagged by the roster


def test_each_kind_sets_its_defaults() -> None:
    town = unit_for("千佛镇")
    assert (town.full_name, town.party_name, town.default_addressee) == ("千佛镇人民政府", "中共千佛镇委员会",
                                                                          "县委、县人民政府")
    street = unit_for("石桥街道")
    assert (street.full_name, street.party_name) == ("石桥街道办事处", "中共石桥街道工作委员会")
    dept = unit_for("县司法局", county="渠县")
    assert (dept.full_name, dept.party_name) == ("渠县司法局", "中共渠县司法局党组")
    assert dept.default_addressee == "县委、县人民政府，市司法局"  # 本级党委政府 and the superior department
    party_organ = unit_for("县委办公室", county="渠县")
    assert party_organ.full_name == party_organ.party_name == "中共渠县县委办公室"
    county = unit_for("渠县")
    assert (county.full_name, county.default_addressee, county.default_cc) == (
        "渠县人民政府", "市委、市人民政府", "市委全面依法治市委员会办公室")


def test_template_wording_follows_the_kind() -> None:
    dept = new_report(unit_for("县司法局", county="渠县"), 2025)
    duty = dept.chapter(ChapterRole.PRINCIPAL_DUTY)
    assert duty is not None and duty.title == "主要负责人履行推进法治建设第一责任人职责情况"
    assert [b.heading for b in duty.blocks][1] == "亲自部署推动，党组（党委）会议专题研究法治建设"
    assert "和县委全面依法治县委员会、上级主管部门的指导下" in dept.opening
    assert (dept.signatories, dept.imprint_printer) == (("渠县司法局",), "渠县司法局办公室")
    town = new_report(unit_for("千佛镇"), 2025)
    town_duty = town.chapter(ChapterRole.PRINCIPAL_DUTY)
    assert town_duty is not None and town_duty.title == "党政主要负责人履行推进法治建设第一责任人职责情况"
    assert town.imprint_printer == "千佛镇党政综合办公室"
    county = new_report(unit_for("渠县"), 2025)
    assert county.opening.startswith("2025年，渠县在市委、市人民政府的坚强领导和市委全面依法治市委员会的指导下")
    assert county.addressee == "市委、市人民政府"


def test_parse_kind_accepts_the_usual_words() -> None:
    assert parse_kind("部门") is UnitKind.DEPARTMENT and parse_kind("镇") is UnitKind.TOWNSHIP
    with pytest.raises(ValueError, match="单位类型应为：乡镇、街道、县级部门、县政府"):
        parse_kind("村")


def test_existing_units_migrate_with_a_kind_from_their_name(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Db(sqlite3.connect(path))
    migrations.apply(old, stop_before="m005_county_units_roster_submissions")
    for name in ("千佛镇", "青龙乡", "石桥街道", "县司法局", "渠县", "柳树村"):
        old.table("units").insert({"short_name": name, "full_name": name})
    old.close()
    store = ReportStore(open_database(path, journal="delete"))
    kinds = {u.short_name: u.kind for u in store.list_units()}
    assert kinds == {"千佛镇": UnitKind.TOWNSHIP, "青龙乡": UnitKind.TOWNSHIP, "石桥街道": UnitKind.STREET,
                     "县司法局": UnitKind.DEPARTMENT, "渠县": UnitKind.COUNTY, "柳树村": UnitKind.TOWNSHIP}
    assert list((tmp_path / "backups").glob("old-*-升级前.db"))  # backed up before the migration
    store.db.close()


def test_a_package_without_a_kind_gets_one_from_its_name() -> None:
    from fazhi_desktop.core.serialize import report_from_dict, report_to_dict

    data = report_to_dict(new_report(unit_for("石桥街道"), 2025))
    del data["unit"]["kind"]
    assert report_from_dict(data).unit.kind is UnitKind.STREET
    data["unit"]["kind"] = "县级部门"
    assert report_from_dict(data).unit.kind is UnitKind.DEPARTMENT
