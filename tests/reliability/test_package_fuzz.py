"""Mutated packages (.fzbg): wrong types and values, deep nesting, missing and extra keys, truncation and
bit flips. ``unpack --replace`` always ends with exit 0 or 2, never a traceback or 意外问题; on 2 the data
file is unchanged; what is accepted can be shown, checked and exported.

The JSON mutations re-sign the parts (correct SHA-256 in the manifest), so they reach the schema check
instead of stopping at the hash; the byte mutations exercise the zip and hash layers.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import random
import zipfile
from pathlib import Path
from typing import Any

import pytest

from fazhi_desktop.cli import main
from tests.reliability import disks
from tests.reliability.material import Material, place

CASES_JSON, CASES_BYTES = 100, 45
POOL: list[Any] = [None, True, False, 0, -5, 3.5, 1e308, 10**30, -(10**30), "", "x" * 3000, [], {}, {"a": 1},
                   [1, [2]], "NaN", "Infinity", "-5", "sNaN", "1e30", "1e999999999", "0.00001", "１２", " 5",
                   "2021", "2021-02-30", "0000-01-01", "9999-12-31", "\x00\x07", "草稿", "sealed", "section"]
VALUES = ["NaN", "Infinity", "-Infinity", "-5", "sNaN", "1e30", "1e999999999", "12.34567", "1234567890123",
          "186", "0", "99.5", "100.1", None, 7, 1.5]


DEEP = "__DEEP__"


def _encode(node: Any, depth: int) -> bytes:
    """JSON bytes; the string DEEP becomes ``depth`` nested lists (too deep for json.dumps itself)."""
    text = json.dumps(node, ensure_ascii=False)
    return text.replace(json.dumps(DEEP), "[" * depth + '"底"' + "]" * depth).encode("utf-8")


def signed(report: Any, figures: Any, depth: int = 0) -> bytes:
    body, values = _encode(report, depth), _encode(figures, depth)
    manifest = {"format": 1, "app": "fazhi-desktop", "app_version": "test", "unit": "千佛镇", "year": 2021,
                "parts": {"report.json": hashlib.sha256(body).hexdigest(),
                          "indicators.json": hashlib.sha256(values).hexdigest()}}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
        archive.writestr("report.json", body)
        archive.writestr("indicators.json", values)
    return out.getvalue()


def _paths(node: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [here]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*here, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*here, index))
    return found


def _set(root: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    parent = root
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return root


def _get(root: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        root = root[step]
    return root


def mutate(rng: random.Random, report: Any, figures: Any) -> bytes:
    report, figures = copy.deepcopy(report), copy.deepcopy(figures)
    target = rng.choice(["report", "report", "report", "figures"])
    root = report if target == "report" else figures
    path = rng.choice(_paths(root))
    action = rng.choice(["replace", "replace", "delete", "extra", "wrap", "deep", "year", "value"])
    depth = 0
    if action == "replace":
        root = _set(root, path, copy.deepcopy(rng.choice(POOL)))
    elif action == "delete" and path:
        parent = _get(root, path[:-1])
        del parent[path[-1]]
    elif action == "extra":
        node = _get(root, path)
        if isinstance(node, dict):
            node["未知字段"] = rng.choice(POOL)  # ignored: a newer program may add fields
    elif action == "wrap":
        root = _set(root, path, rng.choice([[_get(root, path)], {"v": _get(root, path)}]))
    elif action == "deep":
        depth = rng.choice([50, 5000, 100_000])
        root = _set(root, path, DEEP)
    elif action == "year":
        report["year"] = rng.choice([-5, 0, 1999, 2000, 2100, 2101, 10**30, "2021", 2021.0, None])
    elif action == "value" and figures:
        figures[rng.randrange(len(figures))]["value"] = rng.choice(VALUES)
    if target == "report":
        report = root
    else:
        figures = root
    return signed(report, figures, depth)


def _parts(package: Path) -> tuple[Any, Any]:
    with zipfile.ZipFile(package) as archive:
        return json.loads(archive.read("report.json")), json.loads(archive.read("indicators.json"))


def _run(capsys: pytest.CaptureFixture[str], db: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _unpack_and_judge(capsys: pytest.CaptureFixture[str], db: Path, package: Path, data: bytes,
                      state: dict[str, Any], rounds: list[int]) -> dict[str, Any]:
    package.write_bytes(data)
    code, _out, err = _run(capsys, db, "unpack", str(package), "--replace")
    assert code in (0, 2), err
    assert "Traceback" not in err and "意外问题" not in err, err
    if code == 2:
        assert len(err.strip().splitlines()) == 1 and err.startswith("错误："), err
        assert disks.snapshot(db) == state  # nothing written
        rounds[1] += 1
        return state
    rounds[0] += 1
    report, _ = _parts(package)  # accepted: so it is a readable package
    unit, year = report["unit"]["short_name"].strip(), str(report["year"])
    for argv in (["show", "--json"], ["data", "--all"], ["check"]):
        code, _out, err = _run(capsys, db, argv[0], "--unit", unit, "--year", year, *argv[1:])
        assert code in (0, 1) and "意外问题" not in err, (argv, err)
    if rounds[0] % 6 == 1:  # an export now and then (it is the slowest of the three)
        code, _out, err = _run(capsys, db, "export", "--unit", unit, "--year", year, "-o",
                               str(package.with_suffix(".docx")))
        assert code == 0, err
    return disks.snapshot(db)


def test_mutated_packages_are_stored_whole_or_refused_cleanly(material: Material, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    db = place(material, tmp_path / "data")
    report, figures = _parts(material.package)
    rng = random.Random(17)
    state = disks.snapshot(db)
    rounds = [0, 0]  # accepted, refused
    package = tmp_path / "变异.fzbg"
    for _ in range(CASES_JSON):
        state = _unpack_and_judge(capsys, db, package, mutate(rng, report, figures), state, rounds)
    valid = material.package.read_bytes()
    for n in range(CASES_BYTES):
        data = bytearray(valid)
        if n % 3 == 0:
            data = data[: rng.randrange(len(data))]
        else:
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        state = _unpack_and_judge(capsys, db, package, bytes(data), state, rounds)
    assert rounds[0] > 10 and rounds[1] > 70, rounds  # both outcomes were exercised


@pytest.mark.parametrize(("where", "value", "said"), [
    ("figure", "NaN", "数据指标"), ("figure", "Infinity", "数据指标"), ("figure", "-5", "数据指标"),
    ("figure", "sNaN", "数据指标"), ("figure", "1e30", "数据指标"), ("figure", "1e999999999", "数据指标"),
    ("year", 10**30, "年度"), ("year", -5, "年度"), ("unit", None, "单位"), ("heading", {"a": 1}, "heading"),
    ("deep", None, "嵌套"), ("zlib", None, "已损坏"),
])
def test_each_known_bad_package_is_one_chinese_line(where: str, value: Any, said: str, material: Material,
                                                    tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 17 items 2, 11, 12: values that used to pass validation or crash with a traceback."""
    db = place(material, tmp_path / "data")
    report, figures = _parts(material.package)
    if where == "figure":
        figures[0]["value"] = value
    elif where == "year":
        report["year"] = value
    elif where == "unit":
        report["unit"] = value
    elif where == "heading":
        report["chapters"][0]["blocks"][0]["heading"] = value
    before = disks.snapshot(db)
    depth = 100_000 if where == "deep" else 0
    data = signed(DEEP if depth else report, figures, depth)
    if where == "zlib":  # scribble over the middle of report.json's compressed stream, headers intact
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = archive.getinfo("report.json")
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
        middle = start + info.compress_size // 2
        data = data[:middle] + bytes(b ^ 0x5A for b in data[middle:middle + 16]) + data[middle + 16:]
    (tmp_path / "坏.fzbg").write_bytes(data)
    code, _out, err = _run(capsys, db, "unpack", str(tmp_path / "坏.fzbg"), "--replace")
    assert code == 2 and said in err and len(err.strip().splitlines()) == 1, err
    assert disks.snapshot(db) == before
    code, out, _err = _run(capsys, db, "list")
    assert "千佛镇\t2021" in out  # the report that would have been replaced is still there
