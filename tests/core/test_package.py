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


def test_own_indicators_travel_with_their_names(demo_report: Report) -> None:
    """A unit's ``custom_N`` values are meaningless without their names: the package carries the names of
    those with a value (an optional part older versions skip), checked as strictly as the rest."""
    from decimal import Decimal

    from fazhi_desktop.core.indicators import Indicator, IndicatorKind, IndicatorValue, ValueState
    from fazhi_desktop.core.package import custom_indicators, unpack_all

    own = (Indicator("custom_1", "法治讲座", "场", "其他", custom=True),
           Indicator("custom_2", "普法经费", "万元", "其他", IndicatorKind.MONEY, custom=True),
           Indicator("custom_3", "未填写的", "个", "其他", custom=True))
    values = {"custom_1": IndicatorValue("custom_1", Decimal(12), ValueState.VALUE),
              "custom_2": IndicatorValue("custom_2", Decimal("2.5"), ValueState.VALUE)}
    data = pack(demo_report, values, custom=own)
    assert custom_indicators(data) == own[:2]
    assert unpack_all(data) == (demo_report, values)
    assert "custom_indicators.json" in read_manifest(data)["parts"]
    assert custom_indicators(pack(demo_report, values)) == ()  # an older package: nothing named
    assert zipfile.ZipFile(io.BytesIO(pack(demo_report, values))).namelist() == [
        "manifest.json", "report.json", "indicators.json"]
    names = zipfile.ZipFile(io.BytesIO(data)).read("custom_indicators.json")
    with pytest.raises(PackageError, match="不符"):  # changed after packing
        custom_indicators(rewrite(data, "custom_indicators.json", names.replace("法治讲座".encode(), "讲座".encode())))
    bad = json.dumps([{"key": "custom_1", "label": "法治讲座", "unit": "场", "kind": "weird"}]).encode()
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("manifest.json"))
    import hashlib

    manifest["parts"]["custom_indicators.json"] = hashlib.sha256(bad).hexdigest()
    forged = rewrite(rewrite(data, "custom_indicators.json", bad), "manifest.json", json.dumps(manifest).encode())
    with pytest.raises(PackageError, match="数据包内容有误：第1项自设指标的 kind"):
        custom_indicators(forged)
