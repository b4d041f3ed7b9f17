"""The ``import`` subcommand: read a .docx/.txt report into chapters, sections and items."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from fazhi_desktop.commands.context import CliContext, CliError, parse_year
from fazhi_desktop.core.model import BlockKind, Report, Unit
from fazhi_desktop.core.serialize import outline_lines

if TYPE_CHECKING:  # python-docx and SQLite load when the command runs, not when the parser is built
    from fazhi_desktop.importers.load import Imported


def _unit_and_year(args: argparse.Namespace, imported: Imported) -> tuple[str, int, list[str]]:
    detected = imported.detected
    notes = []
    unit = (args.unit or detected.unit_name or "").strip()
    if not unit:
        raise CliError("无法从标题中识别单位名称，请用 --unit 指定，如 --unit 千佛镇")
    year = args.year or detected.year
    if year is None:
        raise CliError("无法从标题中识别报告年度，请用 --year 指定，如 --year 2021")
    if args.year and detected.year and detected.year != args.year:
        notes.append(f"标题中的年度（{detected.year}）与 --year {args.year} 不一致，请核对")
    if args.unit and detected.unit_name and detected.unit_name != args.unit.strip():
        notes.append(f"标题中的单位（{detected.unit_name}）与 --unit {args.unit} 不一致，请核对")
    return unit, year, notes


def _summary(report: Report) -> str:
    sections = sum(1 for c in report.chapters for b in c.blocks if b.kind is BlockKind.SECTION)
    items = sum(1 for c in report.chapters for b in c.blocks if b.kind in (BlockKind.ITEM, BlockKind.POINT))
    return f"{len(report.chapters)} 章，{sections} 个小节，{items} 个条目"


def _print_notes(ctx: CliContext, imported: Imported, notes: list[str], unit: str, year: int,
                 every_line: bool) -> None:
    for note in [*notes, *imported.detected.notes]:
        ctx.print(f"提示：{note}")
    from fazhi_desktop.core.tables import figure_number

    figures = imported.detected.figures
    if figures:
        pairs = " ".join(f"{f.indicator}={figure_number(f)}" for f in figures)
        ctx.print(f"提示：可把表格中的数字填入数据指标：fazhi-desktop data --unit {unit} --year {year} --set {pairs}")
    removed = imported.detected.removed
    if not removed:
        return
    if every_line:
        ctx.print(f"已删除 {len(removed)} 行（不属于报告正文；要保留某行，导入时加 --keep 行号）：")
        for item in removed:
            ctx.print(f"  第{item.line}行［{item.reason}］{item.text}")
        return
    shown = "；".join(item.text[:20] for item in removed[:5]) + ("……" if len(removed) > 5 else "")
    ctx.print(f"提示：已删除页码、页眉页脚或网页杂项 {len(removed)} 行：{shown}（用 --dry-run 查看每一行及原因）")


def _keep(text: str | None) -> frozenset[int]:
    if not text:
        return frozenset()
    try:
        return frozenset(int(part) for part in text.replace("，", ",").split(",") if part.strip())
    except ValueError:
        raise CliError(f"--keep 应为行号，用逗号分隔，如 --keep 3,15：{text}") from None


def run_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.importers.errors import ImportFileError
    from fazhi_desktop.importers.load import import_file
    from fazhi_desktop.storage.replace import backup_path_for, replace_report

    path = Path(args.file)
    try:
        imported = import_file(path, _keep(args.keep))
    except ImportFileError as exc:
        raise CliError(str(exc)) from exc
    unit_name, year, notes = _unit_and_year(args, imported)
    detected = imported.detected
    if args.dry_run:
        report = detected.to_report(Unit.from_short_name(unit_name), year)
        ctx.print(f"来源：{imported.source}；单位：{unit_name}；年度：{year}；{_summary(report)}")
        ctx.print()
        for line in outline_lines(report):
            ctx.print(line)
        _print_notes(ctx, imported, notes, unit_name, year, every_line=True)
        ctx.print("（试运行：只显示识别结果，未写入数据文件）")
    if not detected.chapters:
        raise CliError(f"未能从 {path.name} 中识别出章节（一、二、……），未导入。可先用 --dry-run 查看识别结果。")
    if args.dry_run:
        return 0
    store = ctx.store
    existing = store.find_report_id(unit_name, year)
    if existing is not None and not args.replace:
        raise CliError(f"{unit_name}{year}年度的报告已经存在，未导入。如要用导入的内容整份替换它，请加 --replace"
                       "（替换前会自动备份数据文件）。")
    if existing is not None:
        unit = store.ensure_unit(unit_name)  # it exists: so does its report
        backup = backup_path_for(ctx.db_path)
        stored = replace_report(store, replace(detected.to_report(unit, year), unit=unit), backup)
        ctx.print(f"已用导入内容替换原有的{unit_name}{year}年度报告：{stored.title}（{_summary(stored)}）")
        ctx.print(f"替换前的数据文件已备份到：{backup}")
    else:
        with store.transaction():  # a new unit and its report together, or neither
            unit = store.ensure_unit(unit_name)
            stored = store.create_report(replace(detected.to_report(unit, year), unit=unit))
        ctx.print(f"已导入：{stored.title}（{_summary(stored)}，来源：{imported.source}）")
    _print_notes(ctx, imported, notes, unit_name, year, every_line=False)
    ctx.print(f"可用 show --unit {unit_name} --year {year} 查看提纲。")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import", help="导入已有报告（.docx 或 .txt），自动识别章节、小节和条目",
        description="导入已有的报告文件（Word .docx 或文本 .txt），自动清理从 PDF/网页复制带来的断行、页码、"
        "多余空格，识别标题、主送机关、开头段、各章及其小节和条目、落款和成文日期。"
        "单位和年度默认取自标题。旧版 .doc 和 WPS 的 .wps 文件请先另存为 .docx。",
    )
    p.add_argument("file", metavar="文件", help="要导入的 .docx 或 .txt 文件")
    p.add_argument("--unit", help="单位简称，如 千佛镇（默认取自标题）")
    p.add_argument("--year", type=parse_year, help="报告年度，如 2021（默认取自标题）")
    p.add_argument("--replace", action="store_true",
                   help="该单位该年度已有报告时，整份替换它（替换前自动备份数据文件）")
    p.add_argument("--dry-run", action="store_true", help="只显示识别出的提纲和删除的每一行，不写入数据文件")
    p.add_argument("--keep", metavar="行号", help="保留清理时会删除的行（行号见 --dry-run），如 --keep 3,15")
    p.set_defaults(func=run_import, writes=True)
