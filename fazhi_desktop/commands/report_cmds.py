"""Subcommands on reports: new, list, show, copy-year, set."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from fazhi_desktop.commands.context import CliContext, CliError, add_unit_year, parse_year
from fazhi_desktop.core.model import Status, Unit
from fazhi_desktop.core.schema import (
    REPORT_FIELDS,
    FieldValueError,
    display_value,
    field_keys_help,
    parse_value,
    report_field,
)
from fazhi_desktop.core.templates import DEFAULT_TEMPLATE


def run_new(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.core.templates import load_template, new_report, template_keys

    if args.template not in template_keys():
        raise CliError(f"没有模板“{args.template}”，可选：{'、'.join(template_keys())}")
    from fazhi_desktop.storage.repository import DuplicateReportError

    try:
        with ctx.store.transaction():  # a new unit and its report together, or neither
            unit = _unit(args, ctx)
            report = ctx.store.create_report(new_report(unit, args.year, args.template))
    except DuplicateReportError as exc:
        raise CliError(f"{exc}，可用 show 查看。") from exc
    name = load_template(args.template).name
    ctx.print(f"已新建：{report.title}（{unit.kind.value}，模板：{name}）")
    if args.from_units:  # the county's own report: its figures are its units' totals
        from fazhi_desktop.county.own_report import fill_from_units
        from fazhi_desktop.storage.county import CountyStore

        assert report.id is not None
        try:
            lines = fill_from_units(CountyStore(ctx.store), report.id, args.year)
        except ValueError as exc:
            ctx.store.delete_report(report.id)
            raise CliError(f"{exc}未新建报告。") from exc
        ctx.print(f"数据指标已按各单位{args.year}年度报告汇总预填{len(lines)}项"
                  "（data 命令可查看，来源中列有各单位数值）：")
        for line in lines:
            ctx.print(f"  {line}")
    return 0


def _unit(args: argparse.Namespace, ctx: CliContext) -> Unit:
    """The report's unit: the stored one (its kind changed when --kind says so) or a new one by its kind."""
    from dataclasses import replace

    from fazhi_desktop.core.units import parse_kind, unit_for

    try:
        kind = parse_kind(args.kind) if args.kind else None
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    unit = ctx.store.find_unit(args.unit)
    if unit is None:
        return ctx.store.save_unit(unit_for(args.unit, kind, ctx.store.get_meta("county.name") or ""))
    if kind is not None and unit.kind is not kind:
        unit = ctx.store.save_unit(replace(unit, kind=kind))
    return unit


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    reports = ctx.store.list_reports()
    if not reports:
        ctx.print("还没有报告。可用 new --unit 单位 --year 年度 新建。")
        return 0
    for summary in reports:
        ctx.print(f"{summary.unit}\t{summary.year}\t{summary.status.value}\t{summary.title}")
    return 0


def run_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.core.serialize import outline_lines, report_to_dict

    report = ctx.report(args.unit, args.year)
    if args.json:
        ctx.print(json.dumps(report_to_dict(report), ensure_ascii=False, indent=2))
    else:
        for line in outline_lines(report):
            ctx.print(line)
    return 0


def run_copy_year(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.storage.repository import DuplicateReportError

    source_id = ctx.report_id(args.unit, args.from_year)
    try:
        report = ctx.store.copy_year(source_id, args.to_year)
    except DuplicateReportError as exc:
        raise CliError(f"{exc}，未复制。") from exc
    ctx.print(f"已从{args.from_year}年度复制：{report.title}（草稿）")
    return 0


def _parse_assignment(text: str) -> tuple[str, object]:
    if "=" not in text:
        raise CliError(f"参数应为 字段=值 的形式：{text}。可用字段：{field_keys_help()}")
    key, value = text.split("=", 1)
    try:
        spec = report_field(key.strip())
    except KeyError:
        raise CliError(f"没有字段“{key}”。可用字段：{field_keys_help()}") from None
    try:
        return spec.key, parse_value(spec, value)
    except FieldValueError as exc:
        raise CliError(str(exc)) from exc


def run_set(args: argparse.Namespace, ctx: CliContext) -> int:
    changes = [_parse_assignment(a) for a in args.assignments]  # validate all before writing
    report_id = ctx.report_id(args.unit, args.year)
    with ctx.store.transaction():  # every value or none, even if the program is killed halfway
        for key, value in changes:
            if key == "status":
                assert isinstance(value, Status)
                ctx.store.set_status(report_id, value, dt.date.today())
            else:
                ctx.store.update_report_field(report_id, key, value)
    report = ctx.store.load_report(report_id)
    for key, _ in changes:
        spec = report_field(key)
        ctx.print(f"{spec.label}：{display_value(spec, getattr(report, spec.attr))}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="新建一个单位某年度的报告", description="按模板新建报告（草稿）。")
    add_unit_year(p)
    p.add_argument("--template", default=DEFAULT_TEMPLATE,
                   help="章节模板：statutory（法定五部分，默认）或 principal-first（第一责任人在前）")
    p.add_argument("--kind", metavar="类型", help="单位类型：乡镇、街道、县级部门或县政府（默认按名称推断），"
                   "决定默认的主送机关、落款和措辞")
    p.add_argument("--from-units", action="store_true", help="本县报告用：数据指标预填各单位该年度报告的合计"
                   "（计数相加，比率按合计重新计算），每项注明来自哪些单位")
    p.set_defaults(func=run_new, writes=True)

    p = sub.add_parser("list", help="列出所有单位和年度的报告")
    p.set_defaults(func=run_list)

    p = sub.add_parser("show", help="显示报告提纲（含自动编号）", description="显示报告提纲或完整 JSON。")
    add_unit_year(p)
    p.add_argument("--json", action="store_true", help="以 JSON 输出完整报告（格式稳定，供脚本使用）")
    p.set_defaults(func=run_show)

    p = sub.add_parser("copy-year", help="从上一年度的报告复制出新年度的报告",
                       description="复制结构和正文，标题中的年份顺延，状态为草稿，统计数据留空。")
    p.add_argument("--unit", required=True, help="单位简称")
    p.add_argument("--from", dest="from_year", required=True, type=parse_year, help="复制来源年度")
    p.add_argument("--to", dest="to_year", required=True, type=parse_year, help="新报告年度")
    p.set_defaults(func=run_copy_year, writes=True)

    fields = "；".join(f"{f.key}：{f.label}{'（' + f.hint + '）' if f.hint else ''}" for f in REPORT_FIELDS)
    p = sub.add_parser("set", help="修改报告的字段，如 date=2022-01-10",
                       description=f"修改报告字段（字段=值，可一次写多个）。可用字段：{fields}；"
                       "title 同 title_override。")
    add_unit_year(p)
    p.add_argument("assignments", nargs="+", metavar="字段=值", help="例如 addressee=县委、县人民政府")
    p.set_defaults(func=run_set, writes=True)
