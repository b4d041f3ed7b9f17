"""Subcommand ``county``: the county office's side — roster, collect, status, review notes, figures table.

Only the parsers are here; what each runs is in county_run / county_report_run, loaded when used.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any

from fazhi_desktop.commands.context import CliContext, parse_year


def _runner(module: str, name: str) -> Any:
    def run(args: argparse.Namespace, ctx: CliContext) -> int:
        return int(getattr(importlib.import_module(f"fazhi_desktop.commands.{module}"), name)(args, ctx))

    return run


def parse_day(text: str) -> Any:
    from fazhi_desktop.core.schema import FieldValueError, parse_date

    try:
        return parse_date(text)
    except FieldValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _year(p: argparse.ArgumentParser) -> None:
    p.add_argument("--year", required=True, type=parse_year, help="报告年度（所报告的年份），如 2025")


def register(sub: argparse._SubParsersAction) -> None:
    county = sub.add_parser(
        "county", help="县级汇总：名单、收取各单位报告、报送情况、审核意见、数据汇总表",
        description="县委依法治县办用：维护应报送单位名单，收取各乡镇（街道）和县级部门的报告，查看谁按时、"
        "谁逾期、报告有什么问题，生成审核意见，汇总各单位数据。")
    csub = county.add_subparsers(dest="county_command", metavar="操作", required=True, parser_class=type(county))

    p = csub.add_parser("roster", help="导入或查看应报送单位名单", description=(
        "名单文件可以是每行一个单位名称的 .txt，或 .csv/.xlsx 中的一列（表头为“单位”“名称”“单位名称”等；"
        "有“类型”列时按它定类型，否则按名称推断：镇/乡→乡镇，街道→街道，局/委/办…→县级部门）。不带文件时列出名单。"))
    p.add_argument("file", nargs="?", metavar="名单文件", help=".txt、.csv 或 .xlsx")
    p.add_argument("--column", metavar="列", help="单位名称所在列：表头文字或列号（从 1 开始）")
    p.add_argument("--sheet", metavar="工作表", help=".xlsx 中的工作表名称（默认第一个）")
    p.add_argument("--county", metavar="县名", help="本县名称，如 渠县（用于县级部门全称和本县报告）")
    p.add_argument("--remove", nargs="+", metavar="单位", help="从名单中移除这些单位（报告和收到的文件保留）")
    p.set_defaults(func=_runner("county_run", "run_roster"), writes=True)

    p = csub.add_parser("kind", help="修改单位类型（乡镇、街道、县级部门、县政府）")
    p.add_argument("unit", metavar="单位")
    p.add_argument("kind", metavar="类型", help="乡镇、街道、县级部门或县政府")
    p.set_defaults(func=_runner("county_run", "run_kind"), writes=True)

    p = csub.add_parser("collect", help="收取各单位报来的报告（.fzbg/.docx/.txt，可给文件夹）", description=(
        "按标题和内容把每个文件对应到名单上的单位，导入为该年度的报告，记下收到日期，并保存原件。"
        "对不上单位、重复、年度不符、已损坏的文件逐个列出原因；有文件未导入时退出码为 1。"))
    p.add_argument("paths", nargs="+", metavar="文件或文件夹")
    _year(p)
    p.add_argument("--received", type=parse_day, metavar="日期", help="收到日期，如 2026-02-20（默认今天）")
    p.add_argument("--replace", action="store_true", help="单位已有该年度报告时用新文件替换（替换前自动备份数据文件）")
    p.set_defaults(func=_runner("county_run", "run_collect"), writes=True)

    p = csub.add_parser("assign", help="把一个文件指定为某单位的报告（collect 列出的未匹配、待选择的文件）")
    p.add_argument("file", metavar="文件")
    p.add_argument("--unit", required=True, help="单位简称")
    _year(p)
    p.add_argument("--received", type=parse_day, metavar="日期", help="收到日期（默认今天）")
    p.add_argument("--replace", action="store_true", help="替换该单位已有的报告（替换前自动备份数据文件）")
    p.set_defaults(func=_runner("county_run", "run_assign"), writes=True)

    p = csub.add_parser("original", help="取出某单位报来的原件")
    p.add_argument("--unit", required=True, help="单位简称")
    _year(p)
    p.add_argument("-o", "--output", required=True, metavar="文件夹", help="原件写到这个文件夹")
    p.set_defaults(func=_runner("county_run", "run_original"))

    p = csub.add_parser("status", help="各单位报送情况：是否收到、按时或逾期、公开、页数、字数、问题")
    _year(p)
    p.add_argument("--json", action="store_true", help="以 JSON 输出（格式稳定，供脚本使用）")
    p.add_argument("--kind", metavar="类型", help="只看一类单位：乡镇、街道、县级部门")
    p.add_argument("--sort", default="roster", choices=["roster", "name", "kind", "received", "late", "errors",
                                                          "warnings", "pages", "chars"],
                   help="排序：roster 名单顺序（默认）、name 名称、kind 类型、received 收到日期、late 逾期天数、"
                   "errors 错误数、warnings 警告数、pages 页数、chars 字数")
    p.add_argument("--today", type=parse_day, help=argparse.SUPPRESS)  # tests: a fixed "today"
    p.set_defaults(func=_runner("county_report_run", "run_status"))

    p = csub.add_parser("published", help="记录某单位报告的公开日期（4月1日前应公开）")
    p.add_argument("unit", metavar="单位")
    _year(p)
    p.add_argument("--on", type=parse_day, metavar="日期", help="公开日期（默认今天）")
    p.set_defaults(func=_runner("county_report_run", "run_published"), writes=True)

    p = csub.add_parser("review", help="为每个单位生成审核意见（Word，GB/T 9704 版式）")
    _year(p)
    p.add_argument("-o", "--output", required=True, metavar="文件夹", help="审核意见写到这个文件夹")
    p.add_argument("--unit", nargs="+", metavar="单位", help="只为这些单位生成（默认：已收到报告的全部单位）")
    p.add_argument("--office", metavar="名称",
                   help="落款机关（记住，下次默认用它），如 中共渠县委全面依法治县委员会办公室")
    p.add_argument("--with-info", action="store_true", help="也列出“提示”级的问题（默认只列错误和警告）")
    p.add_argument("--date", type=parse_day, metavar="日期", help="成文日期（默认今天）")
    p.set_defaults(func=_runner("county_report_run", "run_review"))

    p = csub.add_parser("table", help="各单位数据指标汇总表（.xlsx、.csv 或 .docx）", description=(
        "行为各单位（按类型分组，附小计和合计），列为任一单位填写过的指标；计数相加，比率用合计的分子÷分母"
        "重新计算（不平均各单位的百分比），填错的数值标出原因且不计入合计。"))
    _year(p)
    p.add_argument("-o", "--output", required=True, metavar="文件", help="汇总.xlsx、汇总.csv 或 汇总.docx")
    p.set_defaults(func=_runner("county_report_run", "run_table"))
