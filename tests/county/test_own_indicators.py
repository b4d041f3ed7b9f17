"""The units' own indicators (自设指标) at the county: each township adds its own rows on its own PC (so its
``custom_1`` means something else than the next one's), sends a package; the county's figures table makes
one column of the rows with the same name and unit, sums the counts, and marks the columns as the units'
own; the county's own report sums them too, traceable to the units."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

from fazhi_desktop.core.indicators import IndicatorKind, IndicatorValue, ValueState
from fazhi_desktop.storage.database import open_database
from fazhi_desktop.storage.repository import ReportStore
from tests.county.fixture import YEAR
from tests.helpers import run_cli as run

# (unit, [(name:unit, value)]): 石桥镇 writes 普法宣传活动 with a space, and 法治讲座 also counted in 次
OWN = {
    "千佛镇": [("法治讲座:场", "12"), ("普法宣传活动:次", "30"), ("调解员培训:人次", "5")],
    "石桥镇": [("法治讲座:次", "3"), ("法治讲座:场", "8"), ("普法宣传 活动:次", "20")],
    "县司法局": [("法治讲座:场", "4")],
    "白马镇": [],
}


def _township(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> Path:
    """The unit's own data file and its package, made with the commands a clerk uses."""
    db = str(tmp_path / "各单位" / f"{name}.db")
    (tmp_path / "各单位").mkdir(exist_ok=True)
    assert run(capsys, "--db", db, "new", "--unit", name, "--year", str(YEAR))[0] == 0
    assert run(capsys, "--db", db, "data", "--unit", name, "--year", str(YEAR), "--set",
               "受理矛盾纠纷=100", "调解成功=95")[0] == 0
    for number, (label_unit, value) in enumerate(OWN[name], start=1):
        code, out, err = run(capsys, "--db", db, "data", "--unit", name, "--year", str(YEAR), "--add", label_unit,
                             "--set", f"custom_{number}={value}")  # (by code: 石桥镇 has two 法治讲座)
        assert code == 0 and f"代码 custom_{number}" in out, err
    if name == "白马镇":  # an own figure in 万元 stored as money here, as a count elsewhere: shown, not summed
        store = ReportStore(open_database(Path(db), journal="delete"))
        unit = store.find_unit(name)
        assert unit is not None and unit.id is not None
        ind = store.add_custom_indicator(unit.id, "普法经费", "万元", kind=IndicatorKind.MONEY)
        report_id = store.find_report_id(name, YEAR)
        assert report_id is not None
        store.set_indicator_value(report_id, IndicatorValue(ind.key, Decimal("2.5"), ValueState.VALUE))
        store.db.close()
    package = tmp_path / "收到" / f"{name}{YEAR}.fzbg"
    package.parent.mkdir(exist_ok=True)
    code, _, err = run(capsys, "--db", db, "pack", "--unit", name, "--year", str(YEAR), "-o", str(package))
    assert code == 0, err
    return package


@pytest.fixture
def county(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    for name in OWN:
        _township(tmp_path, capsys, name)
    db = str(tmp_path / "县.db")
    roster = tmp_path / "名单.txt"
    roster.write_text("\n".join(OWN) + "\n县财政局\n", encoding="utf-8")
    assert run(capsys, "--db", db, "county", "roster", str(roster), "--county", "安平县")[0] == 0
    # last year's 千佛镇 report is here already, with an own indicator of another name under custom_1
    assert run(capsys, "--db", db, "new", "--unit", "千佛镇", "--year", str(YEAR - 1))[0] == 0
    assert run(capsys, "--db", db, "data", "--unit", "千佛镇", "--year", str(YEAR - 1), "--add", "法治夜校:期",
               "--set", "custom_1=7")[0] == 0
    code, out, err = run(capsys, "--db", db, "county", "collect", str(tmp_path / "收到"), "--year", str(YEAR),
                         "--received", "2026-02-26")
    assert code == 0, out + err
    return db


def test_packages_carry_what_the_own_indicators_are(county: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", county, "data", "--unit", "石桥镇", "--year", str(YEAR))
    assert code == 0
    assert "【其他】\n  法治讲座\t3次\n  法治讲座\t8场\n  普法宣传 活动\t20次\n" in out
    # 千佛镇's custom_1 is 法治讲座 in its package, 法治夜校 here: matched by name, nothing overwritten
    assert "【其他】\n  法治讲座\t12场\n  普法宣传活动\t30次\n  调解员培训\t5人次\n" in run(
        capsys, "--db", county, "data", "--unit", "千佛镇", "--year", str(YEAR))[1]
    assert "【其他】\n  法治夜校\t7期\n" in run(capsys, "--db", county, "data", "--unit", "千佛镇", "--year",
                                             str(YEAR - 1))[1]


def test_the_table_makes_one_column_of_the_same_name_and_unit(county: str, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    out_csv, out_xlsx = tmp_path / "汇总.csv", tmp_path / "汇总.xlsx"
    code, out, err = run(capsys, "--db", county, "county", "table", "--year", str(YEAR), "-o", str(out_csv))
    assert code == 0, err
    assert ("提示：标“单位自设”的列是各单位自己添加的指标：名称和计量单位相同的合为一列，计数和金额照样相加"
            in out.splitlines())
    assert "提示：各单位自设的“普法经费（万元）”填写方式不一" not in out  # one unit only: nothing to mix
    rows = list(csv.reader(io.StringIO(out_csv.read_bytes().decode("utf-8-sig"))))
    header = rows[0]
    own = [h for h in header if h.endswith("单位自设）")]
    assert own == ["法治讲座（场，单位自设）", "普法宣传活动（次，单位自设）", "调解员培训（人次，单位自设）",
                   "法治讲座（次，单位自设）", "普法经费（万元，单位自设）"]
    table = {r[0]: dict(zip(header, r, strict=False)) for r in rows[1:] if r and r[0]}
    lectures = [table[u]["法治讲座（场，单位自设）"] for u in ("千佛镇", "石桥镇", "白马镇", "县司法局")]
    assert lectures == ["12", "8", "", "4"]
    assert table["乡镇小计（3个）"]["法治讲座（场，单位自设）"] == "20"
    assert table["合计（4个单位）"]["法治讲座（场，单位自设）"] == "24"
    assert table["合计（4个单位）"]["普法宣传活动（次，单位自设）"] == "50"
    assert table["合计（4个单位）"]["法治讲座（次，单位自设）"] == "3"
    assert table["合计（4个单位）"]["普法经费（万元，单位自设）"] == "2.5"
    assert table["合计（4个单位）"]["受理矛盾纠纷（件）"] == "400"
    assert run(capsys, "--db", county, "county", "table", "--year", str(YEAR), "-o", str(out_xlsx))[0] == 0
    sheet = load_workbook(out_xlsx).active
    titles = [c.value for c in sheet[3]]
    column = titles.index("法治讲座（场，单位自设）") + 1
    cells = {sheet.cell(r, 1).value: sheet.cell(r, column) for r in range(4, sheet.max_row + 1)}
    assert cells["合计（4个单位）"].value == 24 and cells["千佛镇"].number_format == "#,##0"


def test_kinds_that_differ_are_shown_not_summed(county: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """千佛镇 adds 普法经费 in 万元 as a count (``data --add`` makes counts) while 白马镇 has it as money."""
    folder = tmp_path / "补报"
    folder.mkdir()
    db = str(tmp_path / "各单位" / "千佛镇.db")
    assert run(capsys, "--db", db, "data", "--unit", "千佛镇", "--year", str(YEAR), "--add", "普法经费:万元",
               "--set", "普法经费=3")[0] == 0
    assert run(capsys, "--db", db, "pack", "--unit", "千佛镇", "--year", str(YEAR), "-o",
               str(folder / "千佛镇（更正）.fzbg"))[0] == 0
    assert run(capsys, "--db", county, "county", "collect", str(folder), "--year", str(YEAR), "--received",
               "2026-02-28", "--replace")[0] == 0
    code, out, _ = run(capsys, "--db", county, "county", "table", "--year", str(YEAR), "-o", str(tmp_path / "t.csv"))
    assert code == 0
    assert ("提示：各单位自设的“普法经费（万元）”填写方式不一（有的是计数，有的是金额或百分比），合计栏留空"
            in out.splitlines())
    rows = list(csv.reader(io.StringIO((tmp_path / "t.csv").read_bytes().decode("utf-8-sig"))))
    at = rows[0].index("普法经费（万元，单位自设）")
    by_unit = {r[0]: r[at] for r in rows[1:] if len(r) > at}
    assert (by_unit["千佛镇"], by_unit["白马镇"], by_unit["合计（4个单位）"]) == ("3", "2.5", "")


def test_the_county_report_sums_them_traceably(county: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", county, "new", "--unit", "安平县", "--kind", "县政府", "--year",
                         str(YEAR), "--from-units")
    assert code == 0, err
    lines = out.splitlines()
    assert "  法治讲座（单位自设）：24场（由3个单位自设的同名指标汇总）" in lines
    assert "  普法宣传活动（单位自设）：50次（由2个单位自设的同名指标汇总）" in lines
    assert "  受理矛盾纠纷：400件（由4个单位汇总）" in lines
    store = ReportStore(open_database(Path(county), journal="delete"))
    unit = store.find_unit("安平县")
    assert unit is not None and unit.id is not None
    own = {(i.label, i.unit): i for i in store.custom_indicators(unit.id)}
    assert own[("法治讲座", "场")].group == "各单位自设指标"
    report_id = store.find_report_id("安平县", YEAR)
    assert report_id is not None
    value = store.indicator_values(report_id)[own[("法治讲座", "场")].key]
    assert value.value == 24 and value.source == "千佛镇 12；石桥镇 8；县司法局 4"
    store.db.close()
