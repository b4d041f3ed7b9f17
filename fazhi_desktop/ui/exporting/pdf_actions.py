"""导出PDF from the window: the pages the preview shows, with the options shared with the preview and
the Word export, into a PDF file chosen by the clerk (written whole or not at all; a file open in a PDF
reader is not touched and the free name beside it is offered), then open it or its folder."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from fazhi_desktop.export.atomic import write_atomic
from fazhi_desktop.export.options import ExportError, TargetLockedError
from fazhi_desktop.export.preflight import preflight
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.common.long_task import Cancelled, run_long
from fazhi_desktop.ui.exporting.export_choices import ExportChoices
from fazhi_desktop.ui.exporting.export_inputs import LAST_DIR_KEY, default_path, options_for, statistics_attachments

if TYPE_CHECKING:
    from fazhi_desktop.export.fonts import DrawFont, FontRole
    from fazhi_desktop.export.preflight import Preflight
    from fazhi_desktop.ui.preview.pdf_writer import PdfInfo
    from fazhi_desktop.ui.window.main_window import MainWindow


def _draw(plan: Preflight, info: PdfInfo, chosen: dict[FontRole, DrawFont], _should_stop: Callable[[], bool]
          ) -> bytes:
    """The PDF in memory, drawn in the long task's thread (its own fonts, its own painter); written to the
    file afterwards in the window's thread, so a cancelled export writes nothing."""
    from fazhi_desktop.ui.preview.page_fonts import PageFonts
    from fazhi_desktop.ui.preview.pdf_writer import pdf_bytes

    return pdf_bytes(plan, info, PageFonts(chosen))


def _save(data: bytes, tmp: Path) -> None:
    tmp.write_bytes(data)


def export_pdf(window: MainWindow, choices: ExportChoices) -> Path | None:
    """Ask for the file and write the PDF; the path written, or None."""
    from fazhi_desktop.ui.preview.page_fonts import shared_fonts
    from fazhi_desktop.ui.preview.pdf_writer import info_for

    view = window.view
    if view.report_id is None:
        return None
    window.autosaver.flush()
    report = view.report()
    if choices.report_id != report.id:
        choices.reset(report)
    request = choices.request
    attachments = statistics_attachments(window.store, report, window) if request.data_table else ()
    if attachments is None:
        return None
    name = default_path(report, window.settings)
    if request.web:
        name = name.with_name(f"{name.stem}（公开版）{name.suffix}")
    path = Dialogs.ask_save_file(window, "导出PDF", name.with_suffix(".pdf"), "PDF 文件 (*.pdf)")
    if path is None:
        return None
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    plan = preflight(report, options_for(request, attachments))
    chosen, info = shared_fonts().chosen, info_for(report)
    try:
        data = run_long(window, f"正在导出 {path.name} ……", partial(_draw, plan, info, chosen), abandon=True)
    except Cancelled:
        return None
    while True:
        try:
            write_atomic(path, partial(_save, data))
            break
        except TargetLockedError as exc:
            if not Dialogs.confirm(window, "文件正被打开", f"{path.name} 正在 PDF 阅读器中打开，无法覆盖。\n\n"
                                   f"是否另存为 {exc.suggestion.name}？"):
                return None
            path = exc.suggestion
        except ExportError as exc:
            Dialogs.warn(window, "导出PDF失败", str(exc))
            return None
    window.settings.setValue(LAST_DIR_KEY, str(path.parent))
    window.statusBar().showMessage(f"已导出PDF：{path}", 10000)
    notes = "".join(f"\n· {m}" for m in shared_fonts().messages())
    kind = "网页公开版 PDF" if request.web else "PDF"
    choice = Dialogs.export_done(window, f"已导出{kind}：{path}\n共 {plan.pages} 页，与预览中的页面相同。"
                                 + (f"\n\n提示：{notes}" if notes else ""))
    if choice:
        from fazhi_desktop.ui.datafile.data_actions import open_folder, open_path

        open_path(path) if choice == "file" else open_folder(path.parent)
    return path
