"""导出Word from the window: default file name, the file-in-use case, and what to do afterwards."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QWidget

from fazhi_desktop.core.indicator_sheet import statistics_sheet
from fazhi_desktop.core.model import Report
from fazhi_desktop.export import ExportError, ExportOptions, ExportResult, TargetLockedError, export_docx
from fazhi_desktop.export.fonts import canonical_map, installed_map
from fazhi_desktop.export.options import Attachment
from fazhi_desktop.export.preflight import preflight
from fazhi_desktop.export.statistics import statistics_attachment
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.common.long_task import Cancelled, run_long
from fazhi_desktop.ui.datafile.data_actions import open_folder, open_path
from fazhi_desktop.ui.exporting.export_dialog import Estimate, ExportDialog, ExportRequest

LAST_DIR_KEY = "export/last_dir"


def safe_file_name(title: str) -> str:
    """The title without the characters Windows forbids in file names."""
    return re.sub(r'[\\/:*?"<>|\r\n\t]+', "", title).strip() or "报告"


def default_path(report: Report, settings: QSettings) -> Path:
    """``{title}.docx`` in the last folder used, else 文档 (Documents), else the desktop, else the home
    folder: always one that exists."""
    from fazhi_desktop.ui.common.file_dialog import existing_folder

    last = str(settings.value(LAST_DIR_KEY, "") or "")
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return existing_folder(last, documents) / f"{safe_file_name(report.title)}.docx"


def options_for(request: ExportRequest, attachments: tuple[Attachment, ...] = ()) -> ExportOptions:
    return ExportOptions(red_header=request.red_header, imprint=request.imprint, sealed=request.sealed,
                         web=request.web, cjk_digits=request.cjk_digits,
                         fonts=installed_map() if request.installed_fonts else canonical_map(),
                         attachments=attachments)


def statistics_attachments(store: ReportStore, report: Report, parent: QWidget | None
                           ) -> tuple[Attachment, ...] | None:
    """The 数据指标 table as an 附件; None (after saying why) when no figure is filled in."""
    assert report.id is not None
    sheet = statistics_sheet(report, store.catalog_for_report(report.id), store.indicator_values(report.id))
    if sheet.empty:
        Dialogs.warn(parent, "无法附统计表", "还没有填写任何数据指标。请先在“数据指标”页填写，或不勾选“附统计表”。")
        return None
    return (statistics_attachment(sheet),)


def _quiet_statistics(store: ReportStore, report: Report) -> tuple[Attachment, ...]:
    assert report.id is not None
    sheet = statistics_sheet(report, store.catalog_for_report(report.id), store.indicator_values(report.id))
    return () if sheet.empty else (statistics_attachment(sheet),)


def estimate_for(store: ReportStore, report: Report) -> Estimate:
    """The dialog's pre-flight: pages and warnings for the options ticked (the canonical font names: the
    layout does not depend on which fonts are installed)."""
    def estimate(request: ExportRequest) -> tuple[int, tuple[str, ...]]:
        attachments = _quiet_statistics(store, report) if request.data_table and report.id is not None else ()
        plan = preflight(report, replace(options_for(request, attachments), fonts=canonical_map()))
        return plan.pages, plan.warnings
    return estimate


def _export_in_thread(report: Report, path: Path, options: ExportOptions,
                      should_stop: Callable[[], bool]) -> ExportResult:
    return export_docx(report, path, options, should_stop=should_stop)


def write(report: Report, request: ExportRequest, parent: QWidget | None,
          attachments: tuple[Attachment, ...] = (), failures: list[str] | None = None) -> ExportResult | None:
    """Export; when Word/WPS holds the file, offer the free name next to it. None: nothing written (why,
    when it failed rather than was cancelled, is added to ``failures``)."""
    path = request.path
    while True:
        work = partial(_export_in_thread, report, path, options_for(request, attachments))
        try:
            return run_long(parent, f"正在导出 {path.name} ……", work)
        except Cancelled:
            Dialogs.inform(parent, "已取消导出", "已取消导出，原有文件未改动。")
            return None
        except TargetLockedError as exc:
            if not Dialogs.confirm(parent, "文件正被打开",
                                   f"{path.name} 正在 Word 或 WPS 中打开，无法覆盖。\n\n"
                                   f"是否另存为 {exc.suggestion.name}？"):
                return None
            path = exc.suggestion
        except (ExportError, OSError) as exc:
            Dialogs.warn(parent, "导出失败", f"{exc}\n\n导出对话框会再次打开，已选的选项都保留，可换个位置再导出。")
            if failures is not None:
                failures.append(str(exc))
            return None


def check_summary(store: ReportStore, report: Report, parent: QWidget | None = None) -> str:
    """The check run before every export, in one line for the dialog (it does not block the export)."""
    from fazhi_desktop.core.checks import Severity, severity_counts
    from fazhi_desktop.ui.checks.check_actions import run_checks

    if report.id is None:
        return ""
    try:
        counts = severity_counts(run_checks(store, report.id, parent)[1])
    except Cancelled:
        return "导出前检查已取消。"
    if not any(counts.values()):
        return "导出前检查：未发现问题。"
    parts = "、".join(f"{s.value}{counts[s]}处" for s in Severity if counts[s])
    hint = "建议先到“检查”页处理错误，也可以直接导出。" if counts[Severity.ERROR] else "可以直接导出。"
    return f"导出前检查：{parts}。{hint}"


def export_report(store: ReportStore, report: Report, settings: QSettings,
                  parent: QWidget | None) -> ExportResult | None:
    """The whole 导出Word flow: ask, write, tell what happened, open the file or folder if wanted."""
    summary = check_summary(store, report, parent)
    estimate = estimate_for(store, report)
    request: ExportRequest | None = None
    result: ExportResult | None = None
    failures: list[str] = []
    while result is None:  # after a failure the dialog comes back with the clerk's choices
        default = default_path(report, settings)
        request = (ExportDialog.ask(parent, report, default, summary, estimate=estimate) if request is None else
                   ExportDialog.ask(parent, report, default, summary, previous=request, estimate=estimate))
        if request is None:
            return None
        attachments: tuple[Attachment, ...] = ()
        if request.data_table:
            table = statistics_attachments(store, report, parent)
            if table is None:
                continue
            attachments = table
        tries = len(failures)
        result = write(report, request, parent, attachments, failures)
        if result is None and len(failures) == tries:
            return None  # cancelled, not failed
    settings.setValue(LAST_DIR_KEY, str(result.path.parent))
    notes = "\n".join(f"· {n}" for n in result.notes)
    warnings = "\n".join(f"· {w}" for w in result.warnings)
    text = (f"已导出：{result.path}\n约 {result.pages} 页。" + (f"\n\n注意：\n{warnings}" if warnings else "")
            + (f"\n\n提示：\n{notes}" if notes else ""))
    choice = Dialogs.export_done(parent, text)
    if choice == "file":
        open_path(result.path)
    elif choice == "folder":
        open_folder(result.path.parent)
    return result
