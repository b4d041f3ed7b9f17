"""The ``check`` subcommand: proofread a stored report (or a .txt/.docx file) and optionally fix it."""

from __future__ import annotations

import argparse

from fazhi_desktop.commands.context import CliContext, parse_year


def run_check(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.commands.check_run import run_check as run

    return run(args, ctx)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check", help="检查报告：法规名称、年份用语、编号、标点、错别字、统计数字",
        description="检查已保存的报告（--unit 和 --year），或直接检查一个 .txt/.docx 文件：文件按导入时的方式读取"
        "（年度默认取自标题），并列出导入时会删除的行和会改正的格式。"
        "发现“错误”时退出码为 1，只有警告和提示时为 0。")
    p.add_argument("file", nargs="?", metavar="文件", help="要检查的 .txt 或 .docx 文件（不导入，不改动文件）")
    p.add_argument("--unit", help="单位简称，如 千佛镇")
    p.add_argument("--year", type=parse_year, help="报告年度（所报告的年份），如 2021")
    p.add_argument("--json", action="store_true", help="以 JSON 输出检查结果（格式稳定，供脚本使用）")
    p.add_argument("--fix", dest="writes", action="store_true",
                   help="自动修正可安全修正的问题（如错别字、半角标点、法规名称笔误）并保存")
    p.set_defaults(func=run_check)
