"""导入已有报告: a .docx or .txt file is detected, previewed and corrected, then stored as a report."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QWidget

from fazhi_desktop.core.tables import TableFigure
from fazhi_desktop.storage.database import StorageError
from fazhi_desktop.storage.replace import backup_path_for, replace_chapters
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.common.long_task import Cancelled, run_long
from fazhi_desktop.ui.importing.import_preview_dialog import ImportPreviewDialog
from fazhi_desktop.ui.importing.import_preview_outline import summary

__all__ = ["FILE_FILTER", "import_report", "summary"]

FILE_FILTER = "报告文件 (*.docx *.txt);;所有文件 (*)"


def import_report(store: ReportStore, db_path: Path, parent: QWidget | None) -> int | None:
    """Ask for a file, show the preview, then store the confirmed report as a new one (or in place of that
    year's, after a backup); its id. Nothing is written before the user confirms the preview."""
    from fazhi_desktop.importers.errors import ImportFileError
    from fazhi_desktop.importers.load import import_file

    path = Dialogs.ask_open_file(parent, "导入已有报告（Word 或文本）", FILE_FILTER)
    if path is None:
        return None
    try:
        imported = run_long(parent, f"正在读取 {path.name} ……", lambda _stop: import_file(path), abandon=True)
    except Cancelled:
        return None
    except ImportFileError as exc:
        Dialogs.warn(parent, "无法导入", str(exc))
        return None
    if not imported.detected.chapters:
        Dialogs.warn(parent, "无法导入", f"未能从 {path.name} 中识别出章节（一、二、……），未导入。")
        return None
    choice = ImportPreviewDialog.ask(parent, imported, lambda u, y: store.find_report_id(u, y) is not None)
    if choice is None:
        return None
    edited = choice.report
    existing = store.find_report_id(edited.unit.short_name, edited.year)
    try:
        if existing is not None:  # it keeps its 基本信息 and 数据指标; only its chapters are replaced (after a backup)
            stored = replace_chapters(store, existing, edited.chapters, backup_path_for(db_path))
        else:
            with store.transaction():  # a new unit and its report together, or neither
                stored = store.create_report(replace(edited, unit=store.ensure_unit(edited.unit.short_name)))
        copied = _copy_figures(store, stored.id, choice.figures) if stored.id is not None else ""
    except StorageError as exc:
        Dialogs.warn(parent, "无法导入", str(exc))
        return None
    replaced = ("\n\n原有报告的各章已替换为导入的内容（基本信息和数据指标保留）；替换前的数据已备份，"
                "可通过“从备份恢复”找回。" if existing is not None else "")
    notes = "\n".join(f"· {n}" for n in choice.notes)
    dropped = (f"\n\n清理时删除了 {choice.removed} 行页码、页眉或网页杂项（预览中可逐行查看和保留）。"
               if choice.removed else "")
    Dialogs.inform(parent, "导入完成", f"已导入：{stored.title}\n{summary(stored)}（来源：{imported.source}）"
                   + replaced + copied + dropped + (f"\n\n请核对：\n{notes}" if notes else ""))
    return stored.id


def _copy_figures(store: ReportStore, report_id: int, figures: tuple[TableFigure, ...]) -> str:
    """Store the chosen table figures as 数据指标 values; a sentence for the message (or "")."""
    from fazhi_desktop.core.tables import figure_values

    if not figures:
        return ""
    catalog = store.catalog_for_report(report_id)
    values, _refused = figure_values(catalog, figures)
    store.set_indicator_values(report_id, values)
    listed = "、".join(f"{catalog[k].label}" for k in values)
    return f"\n\n已把表格中的 {len(values)} 个数字填入数据指标：{listed}。" if values else ""
