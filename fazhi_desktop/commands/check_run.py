"""How ``check`` runs (loaded only when the command is used; the parser is in check_cmd)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from fazhi_desktop.commands.context import CliContext, CliError
from fazhi_desktop.core.checks import (
    CheckOptions,
    Finding,
    Severity,
    check_report,
    fix_all,
    fixable,
    has_errors,
    severity_counts,
)
from fazhi_desktop.core.checks.describe import describe_location, finding_to_dict
from fazhi_desktop.core.checks.source import ingest_findings
from fazhi_desktop.core.model import Report

if TYPE_CHECKING:
    from fazhi_desktop.importers.load import Imported


def _read_file(path: Path, year: int | None, unit: str | None) -> tuple[Report, list[Finding], Imported]:
    """A file read exactly as ``import`` reads it (importers.load), and its findings."""
    from fazhi_desktop.importers.errors import ImportFileError
    from fazhi_desktop.importers.load import import_file

    if path.suffix.lower() not in (".txt", ".text", ".docx"):
        raise CliError(f"只能检查 .txt 或 .docx 文件：{path.name}")
    try:
        imported = import_file(path)
    except ImportFileError as exc:
        raise CliError(str(exc)) from exc
    year = year or imported.detected.year
    if year is None:
        raise CliError("无法从标题中识别报告年度，检查文件时请用 --year 指明，如 --year 2021")
    report = imported.report(unit, year)
    return report, ingest_findings(imported.detected.issues, report), imported


def _save_fixes(ctx: CliContext, report_id: int, before: Report, after: Report) -> None:
    """Write the fields the fixes changed back to the store."""
    store = ctx.store
    if after.title != before.title:
        store.update_report_field(report_id, "title_override", after.title_override)
    for key in ("addressee", "opening", "closing"):
        if getattr(after, key) != getattr(before, key):
            store.update_report_field(report_id, key, getattr(after, key))
    for old, new in zip(before.chapters, after.chapters, strict=True):
        if old.id is None:
            continue
        if (old.title, old.lead) != (new.title, new.lead):
            store.update_chapter(old.id, title=new.title, lead=new.lead)
        for old_block, new_block in zip(old.blocks, new.blocks, strict=True):
            if old_block.id is not None and old_block != new_block:
                store.update_block(old_block.id, heading=new_block.heading, body=new_block.body)


def _print_findings(ctx: CliContext, report: Report, findings: list[Finding]) -> None:
    for severity in Severity:
        group = [f for f in findings if f.severity is severity]
        if not group:
            continue
        ctx.print(f"【{severity.value}】{len(group)}处")
        for f in group:
            where = describe_location(f.location, report, with_offset=bool(f.text))
            quoted = f"“{f.text}”：" if f.text.strip() and len(f.text) <= 30 else ""
            fix = ""
            if f.fix is not None:
                fix = f"（可自动修正为“{f.fix}”）" if f.fix else "（可自动删除）"
            ctx.print(f"  {where}　{quoted}{f.message}{fix}")
        ctx.print()


def _summary(findings: list[Finding], fixes_apply: bool = True) -> str:
    counts = severity_counts(findings)
    if not findings:
        return "未发现问题。"
    parts = "、".join(f"{s.value}{counts[s]}处" for s in Severity if counts[s])
    n_fix = len(fixable(findings))
    hint = f"；其中{n_fix}处可用 --fix 自动修正" if n_fix and fixes_apply else ""
    return f"共发现{parts}{hint}。"


def run_check(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.file:
        return _check_file(args, ctx)
    fix = bool(args.writes)
    if not args.unit or args.year is None:
        raise CliError("请用 --unit 和 --year 指明要检查的报告，或给出要检查的 .txt/.docx 文件")
    report_id = ctx.report_id(args.unit, args.year)
    report = ctx.store.load_report(report_id)
    values = ctx.store.indicator_values(report_id)  # the 数据指标 table is checked too, and compared with the text
    options = CheckOptions(figures=(ctx.store.catalog_for_report(report_id), tuple(values.values())))
    fixed_count = 0
    if fix:
        fixed = fix_all(report, options)
        if fixed != report:
            fixed_count = len(fixable(check_report(report, options)))
            with ctx.store.transaction():  # every fix or none, even if the program is killed halfway
                _save_fixes(ctx, report_id, report, fixed)
            report = ctx.store.load_report(report_id)
    findings = check_report(report, options)
    if args.json:
        data = _json(report, findings)
        data["fixed"] = fixed_count
        ctx.print(json.dumps(data, ensure_ascii=False, indent=2))
        return 1 if has_errors(findings) else 0
    ctx.print(f"检查：{report.title}（报告年度 {report.year}）")
    if fix:
        ctx.print(f"已自动修正{fixed_count}处。" if fixed_count else "没有可自动修正的问题。")
    ctx.print()
    _print_findings(ctx, report, findings)
    ctx.print(_summary(findings))
    return 1 if has_errors(findings) else 0


def _json(report: Report, findings: list[Finding]) -> dict[str, object]:
    return {"title": report.title, "year": report.year, "fixed": 0,
            "counts": {s.value: n for s, n in severity_counts(findings).items()},
            "findings": [finding_to_dict(f, report) for f in findings]}


def _check_file(args: argparse.Namespace, ctx: CliContext) -> int:
    """``check FILE``: the file read as ``import`` reads it; what the import would remove or repair is shown."""
    if args.writes:
        raise CliError("--fix 只能用于已保存的报告（--unit 和 --year），不会改动外部文件")
    path = Path(args.file)
    if path.is_dir():
        raise CliError(f"{args.file} 是一个文件夹，请给出要检查的 .txt 或 .docx 文件。")
    if not path.is_file():
        raise CliError(f"找不到文件：{args.file}")
    report, findings, imported = _read_file(path, args.year, args.unit)
    removed = imported.detected.removed
    if args.json:
        data = _json(report, findings)
        data["removed"] = [{"line": r.line, "text": r.text, "reason": r.reason} for r in removed]
        data["notes"] = list(imported.detected.notes)
        ctx.print(json.dumps(data, ensure_ascii=False, indent=2))
        return 1 if has_errors(findings) else 0
    ctx.print(f"检查：{report.title}（报告年度 {report.year}；{path.name}，{imported.source}）")
    ctx.print()
    _print_findings(ctx, report, findings)
    if removed:
        ctx.print(f"读取时删除的行（不属于报告正文，共{len(removed)}行；import --keep 行号 可保留）：")
        for item in removed:
            ctx.print(f"  第{item.line}行［{item.reason}］{item.text}")
        ctx.print()
    ctx.print(_summary(findings, fixes_apply=False))
    return 1 if has_errors(findings) else 0
