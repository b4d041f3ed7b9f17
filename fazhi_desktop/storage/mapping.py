"""Rows ↔ core dataclasses, generated from core.schema so columns and fields cannot drift apart."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole, SealMode, Status, Unit, UnitKind
from fazhi_desktop.core.schema import REPORT_FIELDS, UNIT_FIELDS, FieldKind, FieldSpec


def to_column(spec: FieldSpec, value: Any) -> Any:
    """A report or unit field's value as stored in SQLite."""
    if spec.kind is FieldKind.DATE:
        return value.isoformat() if value else None
    if spec.kind is FieldKind.LIST:
        return json.dumps(list(value), ensure_ascii=False)
    if spec.kind is FieldKind.BOOL:
        return int(bool(value))
    if spec.kind in (FieldKind.SEAL, FieldKind.STATUS, FieldKind.UNIT_KIND):
        return str(value.value)
    return str(value)


def from_column(spec: FieldSpec, raw: Any) -> Any:
    """The inverse of :func:`to_column`."""
    if spec.kind is FieldKind.DATE:
        return dt.date.fromisoformat(raw) if raw else None
    if spec.kind is FieldKind.LIST:
        return tuple(json.loads(raw or "[]"))
    if spec.kind is FieldKind.BOOL:
        return bool(raw)
    if spec.kind is FieldKind.SEAL:
        return SealMode(raw)
    if spec.kind is FieldKind.STATUS:
        return Status(raw)
    if spec.kind is FieldKind.UNIT_KIND:
        return UnitKind(raw) if raw else UnitKind.TOWNSHIP
    return raw if raw is not None else ""


def report_columns(report_fields: dict[str, Any]) -> dict[str, Any]:
    """Columns for the report fields given by key."""
    by_key = {f.key: f for f in REPORT_FIELDS}
    return {key: to_column(by_key[key], value) for key, value in report_fields.items()}


def report_fields_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments for :class:`~fazhi_desktop.core.model.Report` from a reports row."""
    fields = {f.attr: from_column(f, row[f.key]) for f in REPORT_FIELDS}
    dates = json.loads(row.get("status_dates") or "{}")
    fields["status_dates"] = tuple(
        (Status(k), dt.date.fromisoformat(v)) for k, v in dates.items()
    )
    return fields


def status_dates_column(pairs: tuple[tuple[Status, dt.date], ...]) -> str:
    return json.dumps({s.value: d.isoformat() for s, d in pairs}, ensure_ascii=False)


def unit_from_row(row: dict[str, Any]) -> Unit:
    return Unit(id=row["id"], **{f.attr: from_column(f, row[f.key]) for f in UNIT_FIELDS})


def unit_columns(unit: Unit) -> dict[str, Any]:
    return {f.key: to_column(f, getattr(unit, f.attr)) for f in UNIT_FIELDS}


def chapter_from_row(row: dict[str, Any], blocks: tuple[Block, ...]) -> Chapter:
    return Chapter(
        id=row["id"], role=ChapterRole(row["role"]), title=row["title"], lead=row["lead"],
        blocks=blocks,
    )


def block_from_row(row: dict[str, Any]) -> Block:
    return Block(
        id=row["id"], kind=BlockKind(row["kind"]), heading=row["heading"], body=row["body"],
        run_in=bool(row["run_in"]), internal=bool(row["internal"]),
    )


def block_columns(block: Block) -> dict[str, Any]:
    return {
        "kind": block.kind.value, "heading": block.heading, "body": block.body,
        "run_in": int(block.run_in), "internal": int(block.internal),
    }
