"""Subcommand data: show, set, export and import the 数据指标 of a report."""

from __future__ import annotations

import argparse

from fazhi_desktop.commands.context import CliContext, add_unit_year


def run_data(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.commands.data_run import run_data as run  # the indicator modules load only here

    ctx.writes = bool(args.set or args.import_csv or args.add)  # showing or exporting never takes the lock
    return run(args, ctx)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("data", help="查看、填写、导出或导入数据指标",
                       description="数据指标：不带参数时按分组显示；比率由计数自动计算。")
    add_unit_year(p)
    p.add_argument("--set", nargs="+", metavar="指标=值", help="填写数值，如 受理矛盾纠纷=186 调解成功=181；"
                   "“未发生”“不适用”也可")
    p.add_argument("--csv", metavar="文件", help="导出为 CSV（UTF-8，Excel 可直接打开）")
    p.add_argument("--import-csv", metavar="文件", help="从 CSV 导入（UTF-8 或 GBK；有错误时一项也不导入）")
    p.add_argument("--add", metavar="名称:单位", help="为本单位添加自定义指标")
    p.add_argument("--all", action="store_true", help="显示全部指标（包括未填写的）")
    p.set_defaults(func=run_data)
