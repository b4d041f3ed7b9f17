"""Subcommands pack and unpack: one report as a single .fzbg file, for another PC or the county."""

from __future__ import annotations

import argparse
from pathlib import Path

from fazhi_desktop import oserrors
from fazhi_desktop.commands.context import CliContext, CliError, add_unit_year
from fazhi_desktop.filewrite import FileWriteError, write_atomic


def run_pack(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.core.package import SUFFIX, pack

    report = ctx.report(args.unit, args.year)
    assert report.id is not None
    values = ctx.store.indicator_values(report.id)
    custom = ctx.store.catalog_for_report(report.id).indicators  # what its own indicators are called
    target = Path(args.output)
    if target.suffix.lower() != SUFFIX:
        target = target.with_name(target.name + SUFFIX)
    try:
        write_atomic(target, pack(report, values, custom=custom))
    except FileWriteError as exc:
        raise CliError(f"{exc}，未打包。") from exc
    ctx.print(f"已打包：{report.title} → {target}")
    return 0


def run_unpack(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.core.package import PackageError, custom_indicators, read_manifest, unpack_all

    source = Path(args.file)
    if source.is_dir():
        raise CliError(f"{source} 是一个文件夹，请给出 .fzbg 数据包文件。")
    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise CliError(f"找不到文件：{source}") from None
    except OSError as exc:
        raise CliError(f"无法读取 {source}（{oserrors.reason(exc)}）") from exc
    try:
        read_manifest(data)
        report, values = unpack_all(data)  # every field checked (core.package_check) before anything is written
        custom = custom_indicators(data)
    except PackageError as exc:
        raise CliError(str(exc)) from exc
    from fazhi_desktop.storage.replace import rehearse, store_unpacked

    rehearse(report, values, custom)  # stored once into an empty database in memory: the file is not touched yet
    store = ctx.store
    existing = store.find_report_id(report.unit.short_name, report.year)
    if existing is not None and not args.replace:
        raise CliError(f"{report.unit.short_name}{report.year}年度的报告已经存在，未导入。"
                       "如确要用数据包覆盖，请加 --replace（覆盖前会自动备份）。")
    backup = ctx.session.backup("数据包覆盖前") if existing is not None else None
    created = store_unpacked(store, report, values, existing, custom)  # one transaction: all of it or nothing
    if backup is not None:
        ctx.print(f"已备份原报告到 {backup}")
    ctx.print(f"已导入：{created.title}（含 {sum(1 for v in values.values() if v.state.value)} 项数据指标）")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pack", help="把一个报告打成数据包（.fzbg），便于换电脑或报送",
                       description="把一个单位某年度的报告打成一个 .fzbg 数据包文件。")
    add_unit_year(p)
    p.add_argument("-o", "--output", required=True, metavar="文件", help="数据包文件名，如 千佛镇2021.fzbg")
    p.set_defaults(func=run_pack)

    p = sub.add_parser("unpack", help="导入 .fzbg 数据包", description="导入数据包；已有同单位同年度报告时不覆盖。")
    p.add_argument("file", metavar="文件", help=".fzbg 数据包")
    p.add_argument("--replace", action="store_true", help="覆盖已有的同单位同年度报告（覆盖前自动备份）")
    p.set_defaults(func=run_unpack, writes=True)
