"""The .fzbg data package: round trip, newer format, damaged and tampered packages."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from fazhi_desktop.core.model import Report
from fazhi_desktop.core.package import PackageError, pack, read_manifest, unpack


def rewrite(data: bytes, name: str, content: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for item in src.namelist():
            dst.writestr(item, content if item == name else src.read(item))
    return out.getvalue()


def test_round_trip(demo_report: Report) -> None:
    data = pack(demo_report)
    assert unpack(data) == demo_report
    manifest = read_manifest(data)
    assert (manifest["unit"], manifest["year"], manifest["format"]) == ("示例镇", 2025, 1)


def test_newer_format_is_refused(demo_report: Report) -> None:
    data = pack(demo_report)
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("manifest.json"))
    manifest["format"] = 99
    manifest["app_version"] = "9.0"
    with pytest.raises(PackageError, match="更新版本"):
        unpack(rewrite(data, "manifest.json", json.dumps(manifest).encode()))


def test_tampered_report_is_refused(demo_report: Report) -> None:
    data = pack(demo_report)
    body = zipfile.ZipFile(io.BytesIO(data)).read("report.json").replace("示例镇".encode(), "改动镇".encode())
    with pytest.raises(PackageError, match="不符"):
        unpack(rewrite(data, "report.json", body))


@pytest.mark.parametrize("data", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_garbage_is_refused(data: bytes) -> None:
    with pytest.raises(PackageError, match="不是本程序的数据包"):
        unpack(data)


def test_zip_without_manifest_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(PackageError, match=r"缺少 manifest\.json"):
        unpack(out.getvalue())
