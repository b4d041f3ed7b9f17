"""The report as plain JSON-ready data (``show --json``) and as an indented outline (``show``).

The JSON format is stable: scripts and tests rely on it. Numbers are included as derived values.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from fazhi_desktop.core.model import Report
from fazhi_desktop.core.numbering import block_numbers, chapter_number
from fazhi_desktop.core.schema import (
    REPORT_FIELDS,
    UNIT_FIELDS,
    FieldKind,
    FieldSpec,
    format_date_cn,
    format_value,
)

FORMAT_VERSION = 1


def report_to_dict(report: Report) -> dict[str, Any]:
    """All fields of the report, its unit and its chapters with derived numbering."""
    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "id": report.id,
        "unit": {f.key: getattr(report.unit, f.attr) for f in UNIT_FIELDS},
        "year": report.year,
        "title": report.title,
    }
    for spec in REPORT_FIELDS:
        data[spec.key] = json_value(spec, getattr(report, spec.attr))
    data["status_dates"] = {s.value: d.isoformat() for s, d in report.status_dates}
    data["chapters"] = []
    for index, chapter in enumerate(report.chapters):
        numbers = block_numbers(chapter.blocks)
        data["chapters"].append(
            {
                "number": chapter_number(index) if report.number_chapters else "",
                "title": chapter.title,
                "role": chapter.role.value,
                "lead": chapter.lead,
                "blocks": [
                    {
                        "kind": block.kind.value,
                        "level": block.level if block.kind.numbered else None,
                        "number": number,
                        "heading": block.heading,
                        "run_in": block.run_in,
                        "internal": block.internal,
                        "body": block.body,
                    }
                    for block, number in zip(chapter.blocks, numbers, strict=True)
                ],
            }
        )
    return data


def json_value(spec: FieldSpec, value: Any) -> Any:
    """A field's value in the JSON format: lists, booleans and null stay typed; dates are ISO."""
    if isinstance(value, tuple):
        return list(value)
    if spec.kind is FieldKind.BOOL:
        return bool(value)
    if value is None:
        return None
    return format_value(spec, value)


def _preview(text: str, width: int = 30) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width] + "……"


def outline_lines(report: Report) -> list[str]:
    """A human-readable outline with the derived numbering, one line per heading."""
    lines = [report.title, ""]
    if report.addressee:
        lines.append(f"{report.addressee}：")
    if report.opening:
        lines.append(f"  {_preview(report.opening, 40)}")
    for index, chapter in enumerate(report.chapters):
        number = chapter_number(index) if report.number_chapters else ""
        lines.append(f"{number}{chapter.title}")
        if chapter.lead:
            lines.append(f"    {_preview(chapter.lead)}")
        for block, num in zip(chapter.blocks, block_numbers(chapter.blocks), strict=True):
            indent = "  " * (block.level - 1) if block.kind.numbered else "      "
            if block.kind.numbered:
                lines.append(f"{indent}{num}{block.heading or _preview(block.body)}")
            else:
                lines.append(f"{indent}{_preview(block.body)}")
    lines.append("")
    if report.closing:
        lines.append(report.closing)
    lines.extend(report.signatories)
    if report.date:
        lines.append(format_date_cn(report.date))
    return lines


def report_from_dict(data: dict[str, Any]) -> Report:
    """A report (without ids) from :func:`report_to_dict` output or a hand-written data file."""
    from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole, Status, Unit
    from fazhi_desktop.core.schema import parse_date, parse_value

    unit_data = data["unit"]
    unit = Unit(**{f.attr: unit_data.get(f.key, "") for f in UNIT_FIELDS if f.kind is not FieldKind.UNIT_KIND})
    if unit_data.get("kind"):
        kind_spec = next(f for f in UNIT_FIELDS if f.kind is FieldKind.UNIT_KIND)
        unit = replace(unit, kind=parse_value(kind_spec, str(unit_data["kind"])))
    else:  # a package made before units had a kind: inferred from the name
        from fazhi_desktop.core.units import infer_kind

        unit = replace(unit, kind=infer_kind(unit.short_name) or unit.kind)
    fields: dict[str, Any] = {}
    for spec in REPORT_FIELDS:
        if spec.key not in data:
            continue
        raw = data[spec.key]
        if isinstance(raw, list):
            fields[spec.attr] = tuple(raw)
        elif isinstance(raw, bool):
            fields[spec.attr] = raw
        elif raw is not None:
            fields[spec.attr] = parse_value(spec, str(raw))
    chapters = []
    for ch in data.get("chapters", []):
        blocks = tuple(
            Block(kind=BlockKind(b.get("kind", "section")), heading=b.get("heading", ""),
                  body=b.get("body", ""), run_in=bool(b.get("run_in", False)),
                  internal=bool(b.get("internal", False)))
            for b in ch.get("blocks", [])
        )
        chapters.append(Chapter(role=ChapterRole(ch["role"]), title=ch["title"],
                                lead=ch.get("lead", ""), blocks=blocks))
    dates = tuple(
        (Status(k), parse_date(v)) for k, v in data.get("status_dates", {}).items()
    )
    return Report(unit=unit, year=int(data["year"]), chapters=tuple(chapters),
                  status_dates=dates, **fields)
