"""The report data package (.fzbg): one report as a single file, to move it to another PC or send it.

A zip with ``manifest.json`` (format, program version, contents, SHA-256 of each part),
``report.json`` (the stable JSON of core.serialize), ``indicators.json`` (the 数据指标) and, when the
unit filled indicators of its own, ``custom_indicators.json`` (their names and units). Pure functions
over bytes; callers do the file IO.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from typing import Any

from fazhi_desktop import __version__
from fazhi_desktop.core import limits
from fazhi_desktop.core.indicators import Indicator, IndicatorKind, IndicatorValue, value_from_json, value_to_json
from fazhi_desktop.core.model import Report
from fazhi_desktop.core.package_check import SchemaError, check_custom_data, check_report_data, check_values_data
from fazhi_desktop.core.serialize import report_from_dict, report_to_dict

PACKAGE_FORMAT = 1
CUSTOM_PART = "custom_indicators.json"  # the unit's own indicators (optional; since the county's side)
SUFFIX = ".fzbg"
_MAX_PART = 50 * 2**20  # refuse zip bombs: no part of a real package is anywhere near this
DAMAGED = "数据包已损坏（可能在传输或拷贝中出错），未导入。请重新拷贝或让对方重新打包。"
# What decompressing a damaged or hostile zip raises (bad CRC, bad deflate stream, an unknown or
# encrypted compression method, a truncated member); all mean the same to the clerk.
_ARCHIVE_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, ValueError,
                   OSError, LookupError)


class PackageError(ValueError):
    """A package that cannot be read; the message is Chinese, for the user."""


def pack(report: Report, values: Mapping[str, IndicatorValue] | None = None,
         now: dt.datetime | None = None, custom: Sequence[Indicator] = ()) -> bytes:
    """The package bytes of ``report`` and its 数据指标 ``values``; ``custom``: the unit's own indicators
    (what its ``custom_N`` keys mean — those with a value go along, so the county can read them)."""
    body = json.dumps(report_to_dict(report), ensure_ascii=False, indent=1).encode("utf-8")
    figures = json.dumps([value_to_json(v) for v in (values or {}).values()], ensure_ascii=False,
                         indent=1).encode("utf-8")
    own = [{"key": i.key, "label": i.label, "unit": i.unit, "group": i.group, "kind": i.kind.value}
           for i in custom if i.custom and i.key in (values or {})]
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
    parts: dict[str, bytes] = {"report.json": body, "indicators.json": figures}
    if own:  # a part older programs do not know, and skip (format 1 still)
        parts[CUSTOM_PART] = json.dumps(own, ensure_ascii=False, indent=1).encode("utf-8")
        manifest["parts"] = {name: hashlib.sha256(part).hexdigest() for name, part in parts.items()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        for name, part in parts.items():
            archive.writestr(name, part)
    return out.getvalue()


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise PackageError(f"数据包缺少 {name}，文件不完整或不是本程序的数据包。") from None
    if info.file_size > _MAX_PART:
        raise PackageError(f"数据包中的 {name} 大小异常，拒绝打开。")
    try:
        return archive.read(name)
    except _ARCHIVE_ERRORS as exc:
        raise PackageError(DAMAGED) from exc


def _json(body: bytes, name: str) -> Any:
    try:
        return json.loads(body.decode("utf-8"))
    except RecursionError:
        raise PackageError(f"数据包中的 {name} 嵌套层数过深，不是本程序制作的数据包，未导入。") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackageError(f"数据包中的 {name} 不是有效的数据，可能已损坏，未导入。") from exc


def read_manifest(data: bytes) -> dict[str, Any]:
    """The manifest, checked for format version; raises PackageError."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        manifest = json.loads(_read_part(archive, "manifest.json").decode("utf-8"))
    except PackageError:
        raise
    except (*_ARCHIVE_ERRORS, RecursionError) as exc:
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
    parts = manifest.get("parts")
    if not isinstance(parts, dict) or hashlib.sha256(body).hexdigest() != parts.get(name):
        raise PackageError("数据包内容与清单不符（可能在传输中损坏或被改动过），未导入。")
    return body


def unpack_all(data: bytes) -> tuple[Report, dict[str, IndicatorValue]]:
    """The report (without ids) and its 数据指标 values; raises PackageError for damaged, tampered or
    malformed packages (core.package_check: every field typed and in range) before anything is built."""
    manifest = read_manifest(data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ARCHIVE_ERRORS as exc:
        raise PackageError(DAMAGED) from exc
    body = _checked_part(archive, manifest, "report.json")
    parts = manifest.get("parts")
    has_figures = isinstance(parts, dict) and "indicators.json" in parts
    figures = _checked_part(archive, manifest, "indicators.json") if has_figures else b"[]"
    report_data, values_data = _json(body, "report.json"), _json(figures, "indicators.json")
    try:
        check_report_data(report_data)
        check_values_data(values_data)
        report = report_from_dict(report_data)
        limits.check_report(report)
        values = [value_from_json(v) for v in values_data]
    except SchemaError as exc:
        raise PackageError(f"数据包内容有误：{exc}，未导入。") from exc
    except (ValueError, KeyError, TypeError, ArithmeticError) as exc:  # FieldValueError, LimitError …
        raise PackageError(f"数据包内容有误：{exc}，未导入。") from exc
    return report, {v.key: v for v in values}


def custom_indicators(data: bytes) -> tuple[Indicator, ...]:
    """The sending unit's own indicators a package names (empty for packages without any, and for those
    of older versions); raises PackageError like :func:`unpack_all`."""
    manifest = read_manifest(data)
    parts = manifest.get("parts")
    if not isinstance(parts, dict) or CUSTOM_PART not in parts:
        return ()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ARCHIVE_ERRORS as exc:
        raise PackageError(DAMAGED) from exc
    items = _json(_checked_part(archive, manifest, CUSTOM_PART), CUSTOM_PART)
    try:
        check_custom_data(items)
    except SchemaError as exc:
        raise PackageError(f"数据包内容有误：{exc}，未导入。") from exc
    return tuple(Indicator(i["key"], i["label"].strip(), i["unit"].strip(), i.get("group") or "其他",
                           IndicatorKind(i.get("kind", IndicatorKind.COUNT.value)), custom=True) for i in items)


def unpack(data: bytes) -> Report:
    """The report in a package (without ids)."""
    return unpack_all(data)[0]
