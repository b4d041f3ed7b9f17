"""How ``county status|published|review|table`` run (loaded only when used; the parsers are in county_cmd)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from fazhi_desktop.commands.context import CliContext, CliError
from fazhi_desktop.commands.county_run import county_of
from fazhi_desktop.core.county.status import UnitStatus, board, summary


def _kind(text: str | None):  # type: ignore[no-untyped-def]
    if text is None:
        return None
    from fazhi_desktop.core.units import parse_kind

    try:
        return parse_kind(text)
    except ValueError as exc:
        raise CliError(str(exc)) from exc


def status_row(line: UnitStatus) -> list[str]:
    """The columns ``county status`` prints for one unit."""
    m = line.metrics
    figures = ["", "", "", ""] if m is None else [
        f"{m.pages}页", f"{m.chars}字", f"错误{m.errors}", f"警告{m.warnings}"]
    problems = []
    if m is not None and m.missing:
        problems.append("缺少：" + "、".join(m.missing))
    if m is not None and m.stale:
        problems.append("过时提法：" + "、".join(m.stale))
    if m is not None and m.contradictions:
        problems.append(f"数据矛盾{m.contradictions}处")
    return [line.unit.short_name, line.unit.kind.value, line.submit_text(), line.publish_text(), *figures,
            "；".join(problems)]


def run_status(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.county.board import status_lines

    county = county_of(ctx)
    if not county.roster() and not county.report_ids(args.year):
        raise CliError("名单中还没有单位，也没有该年度的报告。请先用 county roster 导入名单。")
    lines = status_lines(county, args.year, args.today, save=not ctx.session.read_only)
    shown = board(lines, _kind(args.kind), args.sort)
    if args.json:
        data = {"year": args.year, "today": (args.today or dt.date.today()).isoformat(),
                "summary": summary(lines), "units": [s.to_dict() for s in shown]}
        ctx.print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    after = args.year + 1
    ctx.print(f"{args.year}年度法治政府建设情况报告报送情况（报送截止{after}年3月1日，公开截止{after}年4月1日）")
    ctx.print(summary(lines))
    ctx.print()
    for line in shown:
        ctx.print("\t".join(status_row(line)).rstrip("\t"))
    return 0


def run_published(args: argparse.Namespace, ctx: CliContext) -> int:
    report_id = ctx.report_id(args.unit, args.year)
    on = args.on or dt.date.today()
    if on <= dt.date(args.year, 12, 31):
        raise CliError(f"公开日期 {on.isoformat()} 不晚于{args.year}年12月31日，请核对")
    county_of(ctx).mark_published(report_id, on)
    late = (on - dt.date(args.year + 1, 4, 1)).days
    verdict = f"逾期{late}天" if late > 0 else "按时"
    ctx.print(f"{args.unit}{args.year}年度报告：{on.month}月{on.day}日公开，{verdict}")
    return 0


def run_review(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.county.review_notes import write_review_notes

    if args.office:  # remembered for next time: this takes the lock, unless another program holds it
        from fazhi_desktop.storage.errors import ReadOnlyError
        from fazhi_desktop.storage.lock import LockedError

        ctx.writes = True
        try:
            ctx.session  # noqa: B018 - opened here to learn whether the name can be kept
        except (LockedError, ReadOnlyError):
            ctx.writes = False
            ctx.print("提示：数据文件正被其他程序使用或不能写入，落款机关这次照用，但不会记住。")
    county = county_of(ctx)
    if args.office and not ctx.session.read_only:
        county.set_office_name(args.office)
    folder = Path(args.output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"无法创建文件夹 {folder}（{exc.strerror or exc}）") from exc
    try:
        written = write_review_notes(county, args.year, folder, args.unit, args.with_info, args.date,
                                     args.office)
    except (ValueError, OSError) as exc:
        raise CliError(str(exc)) from exc
    for item in written:
        ctx.print(f"{item.unit}：{item.path.name}（{item.summary}）")
    ctx.print(f"已生成{len(written)}份审核意见，在 {folder}")
    return 0


def run_table(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.county.figures_table import write_table

    out = Path(args.output)
    if out.suffix.lower() not in (".xlsx", ".csv", ".docx"):
        raise CliError(f"汇总表应为 .xlsx、.csv 或 .docx 文件：{out.name}")
    from fazhi_desktop.export.options import ExportError

    try:
        table = write_table(county_of(ctx), args.year, out)
    except (ValueError, OSError, ExportError) as exc:
        raise CliError(str(exc)) from exc
    units = sum(1 for r in table.rows if not r.total)
    ctx.print(f"已导出汇总表：{out}（{units}个单位，{len(table.columns)}项指标）")
    for note in table.notes:
        ctx.print(f"提示：{note}")
    return 0
