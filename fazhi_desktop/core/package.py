"""The report data package (.fzbg): one report as a single file, to move it to another PC or send it.

A zip with ``manifest.json`` (format, program version, contents, SHA-256 of each part) and
``report.json`` (the stable JSON of core.serialize). Pure functions over bytes; callers do the file IO.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from collections.abc import Mapping
from typing import Any

from fazhi_desktop import __version__
from fazhi_desktop.core.indicators import IndicatorValue, value_from_json, value_to_json
from fazhi_desktop.core.model import Report
from fazhi_desktop.core.serialize import report_from_dict, report_to_dict

PACKAGE_FORMAT = 1
SUFFIX = ".fzbg"
_MAX_PART = 50 * 2**20  # refuse zip bombs: no part of a real package is anywhere near this


class PackageError(ValueError):
    """A package that cannot be read; the message is Chinese, for the user."""


def pack(report: Report, values: Mapping[str, IndicatorValue] | None = None,
         now: dt.datetime | None = None) -> bytes:
    """The package bytes of ``report`` and its 数据指标 ``values``."""
    body = json.dumps(report_to_dict(report), ensure_ascii=False, indent=1).encode("utf-8")
    figures = json.dumps([value_to_json(v) for v in (values or {}).values()], ensure_ascii=False,
                         indent=1).encode("utf-8")
    manifest = {
        "format": PACKAGE_FORMAT,
        "app": "fazhi-desktop",
        "app_version": __version__,
        "created": (now or dt.datetime.now()).isoformat(timespec="seconds"),
        "unit": report.unit.short_name,
        "year": report.year,
        "parts": {"report.json": hashlib.sha256(body).hexdigest(),
                  "indicators.json": hashlib.sha256(figures).hexdigest()},
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        archive.writestr("report.json", body)
        archive.writestr("indicators.json", figures)
    return out.getvalue()


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise PackageError(f"数据包缺少 {name}，文件不完整或不是本程序的数据包。") from None
    if info.file_size > _MAX_PART:
        raise PackageError(f"数据包中的 {name} 大小异常，拒绝打开。")
    return archive.read(name)


def read_manifest(data: bytes) -> dict[str, Any]:
    """The manifest, checked for format version; raises PackageError."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        manifest = json.loads(_read_part(archive, "manifest.json").decode("utf-8"))
    except PackageError:
        raise
    except (zipfile.BadZipFile, UnicodeDecodeError, ValueError, OSError) as exc:
        raise PackageError("这不是本程序的数据包（.fzbg），或文件已损坏。") from exc
    if not isinstance(manifest, dict) or manifest.get("app") != "fazhi-desktop":
        raise PackageError("这不是本程序的数据包（.fzbg）。")
    fmt = manifest.get("format")
    if not isinstance(fmt, int) or fmt > PACKAGE_FORMAT:
        raise PackageError(
            f"此数据包由更新版本的本程序（{manifest.get('app_version', '未知版本')}）制作，请先升级本程序。"
        )
    return manifest


def _checked_part(archive: zipfile.ZipFile, manifest: dict[str, Any], name: str) -> bytes:
    body = _read_part(archive, name)
    if hashlib.sha256(body).hexdigest() != manifest.get("parts", {}).get(name):
        raise PackageError("数据包内容与清单不符（可能在传输中损坏或被改动过），未导入。")
    return body


def unpack_all(data: bytes) -> tuple[Report, dict[str, IndicatorValue]]:
    """The report (without ids) and its 数据指标 values; raises PackageError for damaged or tampered packages."""
    manifest = read_manifest(data)
    archive = zipfile.ZipFile(io.BytesIO(data))
    body = _checked_part(archive, manifest, "report.json")
    has_figures = "indicators.json" in manifest.get("parts", {})
    figures = _checked_part(archive, manifest, "indicators.json") if has_figures else b"[]"
    try:
        report = report_from_dict(json.loads(body.decode("utf-8")))
        values = [value_from_json(v) for v in json.loads(figures.decode("utf-8"))]
    except (ValueError, KeyError, TypeError, ArithmeticError) as exc:
        raise PackageError(f"数据包中的报告内容无法读取（{exc}），未导入。") from exc
    return report, {v.key: v for v in values}


def unpack(data: bytes) -> Report:
    """The report in a package (without ids)."""
    return unpack_all(data)[0]
