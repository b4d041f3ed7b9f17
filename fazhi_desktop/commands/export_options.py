"""What ``export`` and ``preview`` share: the layout options on the command line and the drawn pages
(PDF, PNG), which need Qt and load it only when asked for."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from fazhi_desktop.commands.context import CliContext, CliError
from fazhi_desktop.core.model import Report

if TYPE_CHECKING:
    from types import ModuleType

    from fazhi_desktop.export import ExportOptions


def add_layout_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--red-header", action="store_true", help="加版头（红色发文机关标志、发文字号、签发人）")
    p.add_argument("--imprint", action="store_true", help="加版记（抄送、印发机关和印发日期），排在偶数页末")
    p.add_argument("--unsealed", action="store_true", help="按不加盖印章排落款（默认按报告设置）")
    p.add_argument("--web", action="store_true", help="网页公开版：不含版头、版记和标为内部的内容")
    p.add_argument("--data-table", action="store_true", help="附“主要数据统计表”（由数据指标生成，作为附件）")
    p.add_argument("--fonts", choices=["canonical", "installed"], default="canonical",
                   help="canonical：写入标准字体名（默认）；installed：按本机已安装字体替换并提示")


def layout_options(args: argparse.Namespace, ctx: CliContext, report: Report) -> ExportOptions:
    from fazhi_desktop.export import ExportOptions
    from fazhi_desktop.export.fonts import canonical_map, installed_map
    from fazhi_desktop.export.options import Attachment

    fonts = installed_map() if args.fonts == "installed" else canonical_map()
    attachments: tuple[Attachment, ...] = ()
    if args.data_table:
        from fazhi_desktop.core.indicator_sheet import statistics_sheet
        from fazhi_desktop.export.statistics import statistics_attachment

        assert report.id is not None
        catalog, values = ctx.store.catalog_for_report(report.id), ctx.store.indicator_values(report.id)
        sheet = statistics_sheet(report, catalog, values)
        if sheet.empty:
            raise CliError("还没有填写任何数据指标，无法附统计表。可用 data --set 填写，或去掉 --data-table。")
        attachments = (statistics_attachment(sheet),)
    return ExportOptions(red_header=args.red_header, imprint=args.imprint,
                         sealed=False if args.unsealed else None, web=args.web, fonts=fonts,
                         attachments=attachments)


def drawing(module: str) -> ModuleType:
    """A module of ui/preview (Qt), with a Chinese message when Qt cannot be loaded on this PC; a
    QGuiApplication that needs no display is made first."""
    import importlib

    try:
        headless = importlib.import_module("fazhi_desktop.ui.preview.headless")
        headless.ensure_gui_app()
        return importlib.import_module(f"fazhi_desktop.ui.preview.{module}")
    except (ImportError, OSError) as exc:
        raise CliError(f"无法加载绘图组件（Qt：{exc}），不能生成 PDF 或图片；导出 Word 不受影响。") from exc


def font_notes(ctx: CliContext) -> None:
    """Say which fonts the drawing stands in for (no 仿宋 installed …)."""
    fonts = drawing("page_fonts").shared_fonts()
    for message in fonts.messages():
        ctx.print(f"提示：{message}")
