"""Subcommands that look after the data file: backup, backups, restore, diagnose."""

from __future__ import annotations

import argparse
from pathlib import Path

from fazhi_desktop.commands.context import CliContext, CliError


def run_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.storage import backups
    from fazhi_desktop.storage.database import backup_dir_for

    folder = Path(args.output) if args.output else None
    if folder is not None and not folder.is_dir():
        raise CliError(f"文件夹不存在：{folder}")
    made = backups.make_backup(ctx.store.db, ctx.db_path, "手动", folder=folder)
    if folder is None:
        backups.rotate(backup_dir_for(ctx.db_path))
    ctx.print(f"已备份到 {made}")
    return 0


def run_backups(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.storage import backups
    from fazhi_desktop.storage.database import backup_dir_for

    found = backups.list_backups(backup_dir_for(ctx.db_path))
    if not found:
        ctx.print("还没有备份。")
    for b in found:
        state = f"{b.report_count} 份报告" if b.ok else "已损坏，不能恢复"
        ctx.print(f"{b.created:%Y-%m-%d %H:%M:%S}\t{b.reason}\t{state}\t{b.path}")
    return 0


def run_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    source = Path(args.file)
    if source.is_dir():
        raise CliError(f"{source} 是一个文件夹，请给出备份文件（.db）。")
    if not source.is_file():
        raise CliError(f"找不到备份文件：{source}")
    if source.resolve() == ctx.db_path.resolve():
        raise CliError("不能用数据文件本身来恢复，请选择 backups 文件夹中的一个备份。")
    safety = ctx.session.restore(source)  # checked completely in a temporary copy before anything changes
    ctx.print(f"已从 {source.name} 恢复；恢复前的数据另存为 {safety}")
    return 0


def run_diagnose(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.diagnostics import diagnostics_zip
    from fazhi_desktop.filewrite import FileWriteError, write_atomic

    target = Path(args.output)
    data = ctx.store.db.snapshot() if args.with_db else None
    try:
        write_atomic(target, diagnostics_zip(ctx.db_path.parent / "logs", data, ctx.db_path.name))
    except FileWriteError as exc:
        raise CliError(f"{exc}，未导出诊断信息。") from exc
    ctx.print(f"诊断信息已写入 {target}" + ("（含数据文件）" if data else "（不含数据文件）"))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="立即备份数据文件（可备份到 U 盘等任意文件夹）")
    p.add_argument("-o", "--output", metavar="文件夹", help="备份到此文件夹（默认：数据文件旁的 backups 文件夹）")
    p.set_defaults(func=run_backup)

    p = sub.add_parser("backups", help="列出备份（时间、原因、报告份数）")
    p.set_defaults(func=run_backups)

    p = sub.add_parser("restore", help="从备份恢复（恢复前先自动备份当前数据）")
    p.add_argument("file", metavar="备份文件")
    p.set_defaults(func=run_restore, writes=True)

    p = sub.add_parser("diagnose", help="导出诊断信息（日志和版本；默认不含数据文件）")
    p.add_argument("-o", "--output", required=True, metavar="文件", help="诊断信息 zip 文件")
    p.add_argument("--with-db", action="store_true", help="同时附上数据文件（含报告内容，请确认后再发送）")
    p.set_defaults(func=run_diagnose)
