"""Subcommand ``preview``: the report's printed pages as PNG images, one per page, drawn from the same
page plan as the Word file and the PDF (for scripts, tests and a quick look)."""

from __future__ import annotations

import argparse
from pathlib import Path

from fazhi_desktop.commands.context import CliContext, CliError, add_unit_year, int_in_range
from fazhi_desktop.commands.export_options import add_layout_options, drawing, font_notes, layout_options


def _dpi(text: str) -> int:
    return int_in_range(text, 20, 600, "分辨率应为整数：{}", "分辨率应在 20 到 600 之间：{}")


def run_preview(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.export.pageproblems import page_marks
    from fazhi_desktop.export.preflight import preflight

    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise CliError(f"-o 应是一个文件夹：{folder}")
    report = ctx.report(args.unit, args.year)
    plan = preflight(report, layout_options(args, ctx, report))
    writer = drawing("png_writer")
    try:
        written = writer.write_pngs(plan, folder, args.dpi)
    except OSError as exc:
        from fazhi_desktop import oserrors

        raise CliError(f"无法写入图片（{oserrors.reason(exc)}）：{folder}") from exc
    for warning in plan.warnings:
        ctx.print(f"注意：{warning}")
    for note in plan.notes:
        ctx.print(f"提示：{note}")
    for mark in page_marks(plan):
        ctx.print(f"第{mark.page}页：{mark.message}")
    font_notes(ctx)
    ctx.print(f"已生成 {len(written)} 页预览图片（{args.dpi} dpi）：{folder}")
    for path in written:
        ctx.print(f"  {path.name}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("preview", help="把报告的每一页画成 PNG 图片（与导出的 Word、PDF 同样的版面）",
                       description="按导出的版面（GB/T 9704，每页 22 行、每行 28 字）把报告的每一页画成一张 PNG 图片，"
                       "含版头、版记、页码和印章位置（半透明红圈）。")
    add_unit_year(p)
    p.add_argument("-o", "--output", required=True, metavar="文件夹", help="图片写到此文件夹（page-01.png …）")
    p.add_argument("--dpi", type=_dpi, default=100,
                   help="分辨率（每英寸点数，默认 100；A4 在 100 dpi 时 827×1169 像素）")
    add_layout_options(p)
    p.set_defaults(func=run_preview)
