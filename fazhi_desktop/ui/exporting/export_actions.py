"""导出Word from the window: default file name, the file-in-use case, and what to do afterwards."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from fazhi_desktop.core.model import Report
from fazhi_desktop.export import ExportError, ExportOptions, ExportResult, TargetLockedError, export_docx
from fazhi_desktop.export.fonts import canonical_map
from fazhi_desktop.export.options import Attachment
from fazhi_desktop.export.preflight import preflight
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.common.long_task import Cancelled, run_long
from fazhi_desktop.ui.datafile.data_actions import open_folder, open_path
from fazhi_desktop.ui.exporting.export_choices import ExportChoices
from fazhi_desktop.ui.exporting.export_dialog import Estimate, ExportDialog, ExportRequest
from fazhi_desktop.ui.exporting.export_inputs import (
    LAST_DIR_KEY,
    default_path,
    options_for,
    quiet_statistics,
    safe_file_name,
    statistics_attachments,
)

__all__ = ["LAST_DIR_KEY", "default_path", "estimate_for", "export_report", "options_for", "safe_file_name",
           "statistics_attachments", "write"]


def estimate_for(store: ReportStore, report: Report) -> Estimate:
    """The dialog's pre-flight: pages and warnings for the options ticked (the canonical font names: the
    layout does not depend on which fonts are installed)."""
    def estimate(request: ExportRequest) -> tuple[int, tuple[str, ...]]:
        attachments = quiet_statistics(store, report) if request.data_table and report.id is not None else ()
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
                  parent: QWidget | None, choices: ExportChoices | None = None) -> ExportResult | None:
    """The whole 导出Word flow: ask, write, tell what happened, open the file or folder if wanted.
    ``choices``: the options shared with the preview (the dialog opens with them and keeps what was chosen)."""
    summary = check_summary(store, report, parent)
    estimate = estimate_for(store, report)
    shared = choices is not None and choices.report_id == report.id
    request: ExportRequest | None = None
    result: ExportResult | None = None
    failures: list[str] = []
    while result is None:  # after a failure the dialog comes back with the clerk's choices
        default = default_path(report, settings)
        if request is None and shared:
            assert choices is not None
            request = replace(choices.request, path=default)
        request = (ExportDialog.ask(parent, report, default, summary, estimate=estimate) if request is None else
                   ExportDialog.ask(parent, report, default, summary, previous=request, estimate=estimate))
        if request is None:
            return None
        if shared:
            assert choices is not None
            choices.take(request)
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
