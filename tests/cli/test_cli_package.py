"""pack / unpack on the command line: round trip between two data files, no silent overwrite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import run_cli as run


def test_pack_on_one_pc_unpack_on_another(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pc1, pc2 = str(tmp_path / "pc1.db"), str(tmp_path / "pc2.db")
    assert run(capsys, "--db", pc1, "--demo", "list")[0] == 0
    code, out, err = run(capsys, "--db", pc1, "pack", "--unit", "示例镇", "--year", "2025",
                         "-o", str(tmp_path / "示例"))
    assert code == 0, err
    package = tmp_path / "示例.fzbg"
    assert package.exists()
    code, out, err = run(capsys, "--db", pc2, "unpack", str(package))
    assert code == 0 and "已导入" in out, err
    shown = [json.loads(run(capsys, "--db", db, "show", "--unit", "示例镇", "--year", "2025", "--json")[1])
             for db in (pc1, pc2)]
    for data in shown:
        data.pop("id")
    assert shown[0] == shown[1]

    code, _, err = run(capsys, "--db", pc2, "unpack", str(package))
    assert code == 2 and "已经存在" in err and "--replace" in err
    code, out, err = run(capsys, "--db", pc2, "unpack", str(package), "--replace")
    assert code == 0 and "已备份原报告" in out
    assert list((tmp_path / "backups").glob("pc2-*-数据包覆盖前.db"))


@pytest.mark.parametrize(("content", "message"), [(b"", "不是本程序的数据包"), (b"PK\x03\x04xx", "不是本程序的数据包")])
def test_bad_packages_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.fzbg"
    bad.write_bytes(content)
    code, _, err = run(capsys, "--db", str(tmp_path / "x.db"), "unpack", str(bad))
    assert code == 2 and message in err
    code, _, err = run(capsys, "--db", str(tmp_path / "x.db"), "unpack", str(tmp_path / "missing.fzbg"))
    assert code == 2 and "找不到文件" in err
