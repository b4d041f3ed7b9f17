"""Subcommand ``export``: the report as a GB/T 9704 Word file, the same pages as a PDF (``--pdf``), and the
web version as HTML."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from fazhi_desktop.commands.context import CliContext, CliError, add_unit_year
from fazhi_desktop.commands.export_options import add_layout_options, drawing, font_notes, layout_options

if TYPE_CHECKING:
    from fazhi_desktop.core.model import Report
    from fazhi_desktop.export.options import ExportOptions


def _paths(args: argparse.Namespace) -> tuple[Path | None, Path | None, Path | None]:
    out = Path(args.output) if args.output else None
    pdf = Path(args.pdf) if args.pdf else None
    html = Path(args.html) if args.html else None
    if out is None and pdf is None:
        raise CliError("请用 -o 指定 Word 文件，或用 --pdf 指定 PDF 文件（也可两个都给）")
    if out is not None and out.suffix.lower() != ".docx":
        raise CliError(f"输出文件应以 .docx 结尾：{out}")
    if pdf is not None and pdf.suffix.lower() != ".pdf":
        raise CliError(f"PDF 文件应以 .pdf 结尾：{pdf}")
    if html is not None and html.suffix.lower() not in (".html", ".htm"):
        raise CliError(f"网页文件应以 .html 结尾：{html}")
    return out, pdf, html


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.export.options import ExportError, TargetLockedError

    out, pdf, html = _paths(args)
    report = ctx.report(args.unit, args.year)
    options = layout_options(args, ctx, report)
    kind = "网页公开版" if args.web else "Word 文件"
    try:
        if out is not None:
            from fazhi_desktop.export.docx_export import export_docx  # python-docx: only for the Word file

            result = export_docx(report, out, options, html_path=html)
            warnings, notes, pages = result.warnings, result.notes, result.pages
        else:
            from fazhi_desktop.export.preflight import preflight

            plan = preflight(report, options)
            warnings, notes, pages = plan.warnings, plan.notes, plan.pages
        if pdf is not None:
            pdf_pages = _write_pdf(ctx, report, options, pdf)
    except TargetLockedError as exc:
        raise CliError(f"文件正被打开，请关闭 Word/WPS 或 PDF 阅读器后重试，或另存为 {exc.suggestion}") from exc
    except ExportError as exc:
        raise CliError(str(exc)) from exc
    for warning in warnings:
        ctx.print(f"注意：{warning}")
    for note in notes:
        ctx.print(f"提示：{note}")
    # the pre-flight's count is the page count LibreOffice renders (tests/render); Word/WPS follow the same rules
    if out is not None:
        ctx.print(f"已导出{kind}：{out}（约 {pages} 页）")
        if html is not None:
            ctx.print(f"已导出网页：{html}")
    if pdf is not None:
        font_notes(ctx)
        ctx.print(f"已导出PDF{'（网页公开版）' if args.web else ''}：{pdf}（{pdf_pages} 页）")
    return 0


def _write_pdf(ctx: CliContext, report: Report, options: ExportOptions, path: Path) -> int:
    """The PDF from the same page plan as the Word file (Qt loads only here)."""
    from fazhi_desktop.export.preflight import preflight

    writer = drawing("pdf_writer")
    plan = preflight(report, options)
    writer.write_pdf(path, plan, writer.info_for(report))
    return plan.pages


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="导出符合 GB/T 9704-2012 的 Word 文件（或同样版面的 PDF）",
                       description="把报告导出为符合 GB/T 9704-2012《党政机关公文格式》的 Word 文件"
                       "（A4，每页 22 行、每行 28 字，页码“— 1 —”），可直接打印盖章；--pdf 按同样的版面生成 PDF"
                       "（嵌入字体，不需要 Word、WPS 或 LibreOffice）。")
    add_unit_year(p)
    p.add_argument("-o", "--output", metavar="文件.docx", help="输出的 Word 文件")
    p.add_argument("--pdf", metavar="文件.pdf", help="同时（或只）导出 PDF：与 Word 文件同样的页面，供打印和网上公开")
    add_layout_options(p)
    p.add_argument("--html", metavar="文件.html", help="同时导出网页公开版 HTML 文件")
    p.set_defaults(func=run_export)
