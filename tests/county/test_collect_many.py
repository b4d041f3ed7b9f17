"""A folder of 80 files as they pile up at the county: 60 good reports in three formats (five of them named
after another unit) and 20 bad ones — corrupt, truncated, tampered, empty, duplicated, of the wrong year."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from fazhi_desktop.storage.county import CountyStore
from fazhi_desktop.storage.database import open_database
from fazhi_desktop.storage.repository import ReportStore
from tests.county.fixture import DEPARTMENTS, _write, report_for
from tests.helpers import run_cli as run

FIRST = "东西南北上下前后新老"
SECOND = "河山桥溪岭"
UNITS = [f"{a}{b}{'镇' if i % 3 else '乡'}" for i, (a, b) in enumerate((a, b) for a in FIRST for b in SECOND)][:50]
UNITS += DEPARTMENTS[:10]


def _tampered(package: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "report.json":
                data = data.replace("特此报告".encode(), "特此汇报".encode())
            target.writestr(info, data)
    return out.getvalue()


@pytest.fixture(scope="module")
def pile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pile") / "收到的文件"
    folder.mkdir()
    for index, name in enumerate(UNITS):
        fmt = ("fzbg", "docx", "txt")[index % 3]
        file_name = f"{name}.{fmt}" if index < 55 else f"{UNITS[index - 55]}（补报）.{fmt}"  # mislabelled
        _write(report_for(name), folder, file_name, fmt, index)
    for n in range(5):  # duplicates under other names
        source = sorted(folder.glob(f"{UNITS[n]}.*"))[0]
        shutil.copy(source, folder / f"副本{n}{source.suffix}")
    for n in range(5):  # reports of the year before
        _write(report_for(UNITS[10 + n], 2024), folder, f"{UNITS[10 + n]}2024年度.{('docx', 'txt')[n % 2]}",
               ("docx", "txt")[n % 2], n)
    good = (folder / f"{UNITS[0]}.fzbg").read_bytes()
    bad = {"坏1.docx": b"PK\x03\x04" + bytes(300), "坏2.fzbg": good[:200], "坏3.fzbg": _tampered(good),
           "坏4.txt": b"", "坏5.txt": bytes(range(256)) * 20, "坏6.docx": "不是Word".encode(),
           "坏7.fzbg": b"PK\x05\x06" + bytes(18), "坏8.txt": "会议通知\n请准时参加。".encode(),
           "照片.jpg": b"\xff\xd8\xff\xe0" + bytes(500), "坏9.doc": b"\xd0\xcf\x11\xe0" + bytes(100)}
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    assert len(list(folder.iterdir())) == 80
    return folder


def test_every_good_file_imported_every_bad_one_listed(pile: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "县.db"
    roster = tmp_path / "名单.txt"
    roster.write_text("\n".join(UNITS), encoding="utf-8")
    assert run(capsys, "--db", str(db), "county", "roster", str(roster), "--county", "安平县")[0] == 0
    code, out, err = run(capsys, "--db", str(db), "county", "collect", str(pile), "--year", "2025",
                         "--received", "2026-02-25")
    assert code == 1, err
    lines = [line for line in out.splitlines() if line.startswith("【")]
    assert len(lines) == 80
    taken = [line for line in lines if line.startswith("【已导入】")]
    refused = [line for line in lines if not line.startswith("【已导入】")]
    assert len(taken) == 60 and len(refused) == 20
    assert all("：" in line and line.split("：", 1)[1].strip() for line in refused)  # each with its reason
    assert sum(1 for line in refused if line.startswith("【重复】")) == 5
    assert sum(1 for line in refused if "与本次收取的2025年度不符" in line) == 5
    for n in range(5):
        expected = (f"【已导入】{UNITS[n]}（补报）.{('fzbg', 'docx', 'txt')[(55 + n) % 3]} → {UNITS[55 + n]}："
                    f"文件名写的是“{UNITS[n]}”，内容是{UNITS[55 + n]}的报告，已按内容归入{UNITS[55 + n]}")
        assert any(line.startswith(expected) for line in lines), expected
    assert out.splitlines()[-2].startswith("共80个文件：已导入60个，重复5个，未导入15个。")
    store = ReportStore(open_database(db, journal="delete"))
    county = CountyStore(store)
    assert len(county.report_ids(2025)) == 60 and sum(len(s) for s in county.submissions(2025).values()) == 60
    assert county.report_ids(2024) == {}  # nothing of the wrong year was stored
    store.db.close()
