"""Subcommand ``export``: the report as a GB/T 9704 Word file (and the web version as HTML)."""

from __future__ import annotations

import argparse
from pathlib import Path

from fazhi_desktop.commands.context import CliContext, CliError, add_unit_year


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.export import ExportError, ExportOptions, TargetLockedError, export_docx
    from fazhi_desktop.export.fonts import canonical_map, installed_map
    from fazhi_desktop.export.options import Attachment

    out = Path(args.output)
    if out.suffix.lower() != ".docx":
        raise CliError(f"输出文件应以 .docx 结尾：{out}")
    html = Path(args.html) if args.html else None
    if html is not None and html.suffix.lower() not in (".html", ".htm"):
        raise CliError(f"网页文件应以 .html 结尾：{html}")
    report = ctx.report(args.unit, args.year)
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
    options = ExportOptions(red_header=args.red_header, imprint=args.imprint,
                            sealed=False if args.unsealed else None, web=args.web, fonts=fonts,
                            attachments=attachments)
    try:
        result = export_docx(report, out, options, html_path=html)
    except TargetLockedError as exc:
        raise CliError(f"文件正被打开，请关闭 Word/WPS 后重试，或另存为 {exc.suggestion}") from exc
    except ExportError as exc:
        raise CliError(str(exc)) from exc
    for warning in result.warnings:
        ctx.print(f"注意：{warning}")
    for note in result.notes:
        ctx.print(f"提示：{note}")
    kind = "网页公开版" if args.web else "Word 文件"
    # the pre-flight's count is the page count LibreOffice renders (tests/render); Word/WPS follow the same rules
    ctx.print(f"已导出{kind}：{result.path}（约 {result.pages} 页）")
    if result.html_path is not None:
        ctx.print(f"已导出网页：{result.html_path}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="导出符合 GB/T 9704-2012 的 Word 文件",
                       description="把报告导出为符合 GB/T 9704-2012《党政机关公文格式》的 Word 文件"
                       "（A4，每页 22 行、每行 28 字，页码“— 1 —”），可直接打印盖章。")
    add_unit_year(p)
    p.add_argument("-o", "--output", required=True, metavar="文件.docx", help="输出的 Word 文件")
    p.add_argument("--red-header", action="store_true", help="加版头（红色发文机关标志、发文字号、签发人）")
    p.add_argument("--imprint", action="store_true", help="加版记（抄送、印发机关和印发日期），排在偶数页末")
    p.add_argument("--unsealed", action="store_true", help="按不加盖印章排落款（默认按报告设置）")
    p.add_argument("--web", action="store_true", help="网页公开版：不含版头、版记和标为内部的内容")
    p.add_argument("--html", metavar="文件.html", help="同时导出网页公开版 HTML 文件")
    p.add_argument("--data-table", action="store_true", help="附“主要数据统计表”（由数据指标生成，作为附件）")
    p.add_argument("--fonts", choices=["canonical", "installed"], default="canonical",
                   help="canonical：写入标准字体名（默认）；installed：按本机已安装字体替换并提示")
    p.set_defaults(func=run_export)
