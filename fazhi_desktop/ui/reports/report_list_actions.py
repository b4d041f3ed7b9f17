"""新建 / 从上一年复制 / 删除 / 撤销删除 of whole reports: one store call each, with the questions."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtWidgets import QWidget

from fazhi_desktop.core.indicators import IndicatorValue
from fazhi_desktop.core.model import Report
from fazhi_desktop.core.templates import new_report
from fazhi_desktop.storage.backups import make_backup
from fazhi_desktop.storage.database import StorageError
from fazhi_desktop.storage.repository import DuplicateReportError, ReportStore
from fazhi_desktop.ui.common.dialogs import Dialogs


def create_new(store: ReportStore, parent: QWidget | None) -> int | None:
    """Ask for unit, year and template; the new report's id (None: cancelled or refused)."""
    from fazhi_desktop.ui.reports.new_report_dialog import NewReportDialog, suggested_year  # only when asked

    choice = NewReportDialog.ask(parent, [u.short_name for u in store.list_units()], suggested_year())
    if choice is None:
        return None
    try:
        with store.transaction():  # a new unit and its report together, or neither
            unit = store.ensure_unit(choice.unit)
            return store.create_report(new_report(unit, choice.year, choice.template)).id
    except DuplicateReportError as exc:
        return _offer_existing(store, choice.unit, choice.year, str(exc), parent)
    except StorageError as exc:
        Dialogs.warn(parent, "无法新建报告", str(exc))
        return None


def _offer_existing(store: ReportStore, unit: str, year: int, message: str, parent: QWidget | None) -> int | None:
    """“…的报告已经存在”: offer to open it; its id when the clerk chose 打开."""
    existing = store.find_report_id(unit, year)
    if existing is None:
        Dialogs.warn(parent, "无法新建报告", message)
        return None
    return existing if Dialogs.ask_open(parent, "报告已存在", f"{message}。\n\n要打开它吗？") else None


def copy_to_next_year(store: ReportStore, report_id: int, parent: QWidget | None) -> Report | int | None:
    """从上一年复制: the next year's draft from ``report_id`` (the id of the one that already exists, when
    the clerk chose to open it instead)."""
    try:
        return store.copy_year(report_id)
    except DuplicateReportError as exc:
        source = store.load_report(report_id)
        return _offer_existing(store, source.unit.short_name, source.year + 1,
                               f"{exc}（如需重新复制，请先删除它）", parent)
    except StorageError as exc:
        Dialogs.warn(parent, "无法复制", f"{exc}。如需重新复制，请先删除已有的报告。")
        return None


@dataclass(frozen=True)
class DeletedReport:
    """What 撤销删除 puts back: the report and its 数据指标."""

    report: Report
    values: dict[str, IndicatorValue]


def delete_with_backup(store: ReportStore, db_path: Path, report_id: int,
                       parent: QWidget | None) -> DeletedReport | None:
    """Delete after confirmation and a backup of the data file; what was deleted (for 撤销删除)."""
    report = store.load_report(report_id)
    values = store.indicator_values(report_id)
    if not Dialogs.confirm(parent, "删除报告", f"确定删除“{report.title}”吗？\n\n"
                           "删除前会自动备份数据文件；删除后可点“撤销删除”恢复。"):
        return None
    try:
        make_backup(store.db, db_path, "删除报告")
    except StorageError as exc:
        Dialogs.warn(parent, "未删除", f"{exc}\n\n为安全起见，报告没有删除。")
        return None
    store.delete_report(report_id)
    return DeletedReport(report, values)


def restore_deleted(store: ReportStore, deleted: DeletedReport, parent: QWidget | None) -> int | None:
    """Store a deleted report again (new ids) with its 数据指标; its id."""
    report = deleted.report
    chapters = tuple(replace(c, id=None, blocks=tuple(replace(b, id=None) for b in c.blocks))
                     for c in report.chapters)
    try:
        restored = store.create_report(replace(report, id=None, chapters=chapters), list(deleted.values))
        assert restored.id is not None
        store.set_indicator_values(restored.id, deleted.values)
        return restored.id
    except StorageError as exc:
        Dialogs.warn(parent, "无法恢复", str(exc))
        return None
