"""What an export starts from, shared by 导出Word, 导出PDF and the preview (no python-docx here): the
file name and folder offered, the export options of a request, and the 数据指标 table as an 附件."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QWidget

from fazhi_desktop.core.indicator_sheet import statistics_sheet
from fazhi_desktop.core.model import Report
from fazhi_desktop.export.fonts import canonical_map, installed_map
from fazhi_desktop.export.options import Attachment, ExportOptions
from fazhi_desktop.export.statistics import statistics_attachment
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.exporting.export_dialog import ExportRequest

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


def quiet_statistics(store: ReportStore, report: Report) -> tuple[Attachment, ...]:
    assert report.id is not None
    sheet = statistics_sheet(report, store.catalog_for_report(report.id), store.indicator_values(report.id))
    return () if sheet.empty else (statistics_attachment(sheet),)
