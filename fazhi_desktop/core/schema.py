"""The report's fields, declared once.

The storage mapping (columns), the command line (``set FIELD=VALUE``), the JSON format and the
基本信息 form are all generated from :data:`REPORT_FIELDS` and :data:`UNIT_FIELDS`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from fazhi_desktop.core.model import SealMode, Status, UnitKind


class FieldKind(StrEnum):
    TEXT = "text"  # one line
    MULTILINE = "multiline"
    DATE = "date"
    LIST = "list"  # tuple of strings (signatories)
    BOOL = "bool"
    SEAL = "seal"
    STATUS = "status"
    UNIT_KIND = "unit_kind"  # 乡镇、街道、县级部门、县政府


class FieldValueError(ValueError):
    """A value the user typed that does not fit the field; the message is Chinese."""


@dataclass(frozen=True)
class FieldSpec:
    """One report field (基本信息, 落款, 版头, 版记, 状态): its key, label, kind and form group."""

    key: str  # name on the command line, in JSON and the storage column
    label: str  # Chinese label for forms and messages
    kind: FieldKind
    group: str  # form group: 基本信息 / 落款 / 版头 / 版记 / 状态
    hint: str = ""
    max_len: int = 0  # 0: no limit

    @property
    def attr(self) -> str:
        """The attribute of :class:`~fazhi_desktop.core.model.Report` (or Unit) it maps to."""
        return self.key


REPORT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("title_override", "标题", FieldKind.TEXT, "基本信息", "留空则自动生成", 80),
    FieldSpec("addressee", "主送机关", FieldKind.TEXT, "基本信息", "如：县委、县人民政府", 80),
    FieldSpec("opening", "开头段", FieldKind.MULTILINE, "基本信息"),
    FieldSpec("closing", "结束语", FieldKind.TEXT, "基本信息", "如：特此报告。", 40),
    FieldSpec("number_chapters", "章标题编号（一、二、）", FieldKind.BOOL, "基本信息"),
    FieldSpec("signatories", "落款机关", FieldKind.LIST, "落款", "一个或两个机关（联合行文），用逗号分隔"),
    FieldSpec("date", "成文日期", FieldKind.DATE, "落款", "如：2022-01-10"),
    FieldSpec("seal", "印章", FieldKind.SEAL, "落款", "sealed（加盖印章）或 unsealed（不加盖印章）"),
    FieldSpec("note", "附注", FieldKind.TEXT, "落款", "如：此件公开发布；联系人：张三，电话：1234567（可不填）", 80),
    FieldSpec("issuer_mark", "发文机关标志", FieldKind.TEXT, "版头", "如：千佛镇人民政府文件", 40),
    FieldSpec("doc_number", "发文字号", FieldKind.TEXT, "版头", "如：千府报〔2022〕3号", 40),
    FieldSpec("signer", "签发人", FieldKind.TEXT, "版头", "上行文须标注签发人", 20),
    FieldSpec("imprint_cc", "抄送", FieldKind.TEXT, "版记", "如：县委全面依法治县委员会办公室", 120),
    FieldSpec("imprint_printer", "印发机关", FieldKind.TEXT, "版记", "如：千佛镇党政综合办公室", 40),
    FieldSpec("imprint_date", "印发日期", FieldKind.DATE, "版记"),
    FieldSpec("status", "状态", FieldKind.STATUS, "状态", "草稿、审核、定稿、已报送、已公开"),
)

UNIT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("short_name", "单位简称", FieldKind.TEXT, "单位", "如：千佛镇", 30),
    FieldSpec("full_name", "单位全称", FieldKind.TEXT, "单位", "如：千佛镇人民政府", 40),
    FieldSpec("party_name", "党委名称", FieldKind.TEXT, "单位", "如：中共千佛镇委员会", 40),
    FieldSpec("default_addressee", "默认主送机关", FieldKind.TEXT, "单位", "", 80),
    FieldSpec("default_cc", "默认抄送", FieldKind.TEXT, "单位", "", 120),
    FieldSpec("kind", "单位类型", FieldKind.UNIT_KIND, "单位", "乡镇、街道、县级部门或县政府"),
)

# Short names accepted on the command line for the same fields.
ALIASES = {"title": "title_override", "cc": "imprint_cc", "printer": "imprint_printer"}

_FIELDS_BY_KEY = {f.key: f for f in REPORT_FIELDS}


def report_field(key: str) -> FieldSpec:
    """The spec for ``key`` (aliases accepted); KeyError when there is none."""
    return _FIELDS_BY_KEY[ALIASES.get(key, key)]


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"),
    re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"),
    re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$"),
)

_TRUE = {"1", "true", "yes", "on", "是", "编号"}
_FALSE = {"0", "false", "no", "off", "否", "不编号"}
_SEAL = {"sealed": SealMode.SEALED, "盖章": SealMode.SEALED, "加盖印章": SealMode.SEALED,
         "unsealed": SealMode.UNSEALED, "不盖章": SealMode.UNSEALED, "不加盖印章": SealMode.UNSEALED}


def parse_date(text: str) -> dt.date:
    """Parse 2022-01-10, 2022/1/10, 2022.1.10 or 2022年1月10日."""
    text = text.strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError as exc:
                raise FieldValueError(f"日期不存在：{text}") from exc
    raise FieldValueError(f"日期格式不正确：{text}（应为 2022-01-10 或 2022年1月10日）")


def format_date_cn(value: dt.date) -> str:
    """2022年1月10日: Arabic numerals, no leading zeros (GB/T 9704 7.3.5.1)."""
    return f"{value.year}年{value.month}月{value.day}日"


def split_list(text: str) -> tuple[str, ...]:
    parts = re.split(r"[,，;；|\n]", text)
    return tuple(p.strip() for p in parts if p.strip())


def parse_value(spec: FieldSpec, text: str) -> Any:
    """Turn what the user typed into the field's value; raises FieldValueError (Chinese)."""
    text = text.strip()
    if spec.kind in (FieldKind.TEXT, FieldKind.MULTILINE):
        if spec.kind is FieldKind.TEXT and "\n" in text:
            raise FieldValueError(f"{spec.label}只能是一行文字")
        if spec.max_len and len(text) > spec.max_len:
            raise FieldValueError(f"{spec.label}不能超过{spec.max_len}个字")
        return text
    if spec.kind is FieldKind.DATE:
        return parse_date(text) if text else None
    if spec.kind is FieldKind.LIST:
        names = split_list(text)
        if len(names) > 2:
            raise FieldValueError(f"{spec.label}最多两个（联合行文时为党委和政府）")
        return names
    if spec.kind is FieldKind.BOOL:
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise FieldValueError(f"{spec.label}应为 yes 或 no")
    if spec.kind is FieldKind.SEAL:
        if text.lower() in _SEAL:
            return _SEAL[text.lower()]
        raise FieldValueError(f"{spec.label}应为 sealed（加盖印章）或 unsealed（不加盖印章）")
    if spec.kind is FieldKind.STATUS:
        try:
            return Status(text)
        except ValueError:
            raise FieldValueError(
                f"{spec.label}应为：{'、'.join(s.value for s in Status)}"
            ) from None
    if spec.kind is FieldKind.UNIT_KIND:
        try:
            return UnitKind(text)
        except ValueError:
            raise FieldValueError(f"{spec.label}应为：{'、'.join(k.value for k in UnitKind)}") from None
    raise AssertionError(spec.kind)


def format_value(spec: FieldSpec, value: Any) -> str:
    """The field's value as text (ISO dates), the inverse of :func:`parse_value`."""
    if value is None:
        return ""
    if spec.kind is FieldKind.DATE:
        return str(value.isoformat())
    if spec.kind is FieldKind.LIST:
        return "，".join(value)
    if spec.kind is FieldKind.BOOL:
        return "yes" if value else "no"
    if spec.kind in (FieldKind.SEAL, FieldKind.STATUS, FieldKind.UNIT_KIND):
        return str(value.value)
    return str(value)


def display_value(spec: FieldSpec, value: Any) -> str:
    """The field's value as a clerk reads it: 2022年1月10日, 加盖印章, 是/否, "（空）"."""
    if value is None or value == "" or value == ():
        return "（空）"
    if spec.kind is FieldKind.DATE:
        return format_date_cn(value)
    if spec.kind is FieldKind.LIST:
        return "，".join(value)
    if spec.kind is FieldKind.BOOL:
        return "是" if value else "否"
    if spec.kind is FieldKind.SEAL:
        return str(value.label)
    return str(value)


def field_keys_help() -> str:
    """One line listing the valid ``set`` fields, for error messages."""
    return "、".join(f"{f.key}（{f.label}）" for f in REPORT_FIELDS)
