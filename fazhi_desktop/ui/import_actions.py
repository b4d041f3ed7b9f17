"""导入已有报告: a .docx or .txt file becomes a stored report (the importers package detects it)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QWidget

from fazhi_desktop.core.model import BlockKind, Report
from fazhi_desktop.storage.database import StorageError
from fazhi_desktop.storage.replace import backup_path_for, replace_report
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.dialogs import Dialogs

FILE_FILTER = "报告文件 (*.docx *.txt);;所有文件 (*)"


def summary(report: Report) -> str:
    blocks = [b for c in report.chapters for b in c.blocks]
    sections = sum(1 for b in blocks if b.kind is BlockKind.SECTION)
    items = sum(1 for b in blocks if b.kind in (BlockKind.ITEM, BlockKind.POINT))
    return f"{len(report.chapters)} 章，{sections} 个小节，{items} 个条目"


def _ask_year(parent: QWidget | None) -> int | None:
    text = Dialogs.ask_text(parent, "导入", "无法从标题中识别报告年度，请输入年度（如 2021）：")
    if text is None:
        return None
    if text.isdigit() and 2000 <= int(text) <= 2100:
        return int(text)
    Dialogs.warn(parent, "导入", f"“{text}”不是有效的年度，未导入。")
    return None


def import_report(store: ReportStore, db_path: Path, parent: QWidget | None) -> int | None:
    """Ask for a file, import it as a new report (or replace that year's, after a backup); its id."""
    from fazhi_desktop.importers.errors import ImportFileError
    from fazhi_desktop.importers.load import import_file

    path = Dialogs.ask_open_file(parent, "导入已有报告（Word 或文本）", FILE_FILTER)
    if path is None:
        return None
    try:
        imported = import_file(path)
    except ImportFileError as exc:
        Dialogs.warn(parent, "无法导入", str(exc))
        return None
    detected = imported.detected
    if not detected.chapters:
        Dialogs.warn(parent, "无法导入", f"未能从 {path.name} 中识别出章节（一、二、……），未导入。")
        return None
    unit_name = detected.unit_name or Dialogs.ask_text(parent, "导入", "无法从标题中识别单位，请输入单位简称：")
    year = detected.year or _ask_year(parent)
    if not unit_name or year is None:
        return None
    existing = store.find_report_id(unit_name, year)
    if existing is not None and not Dialogs.confirm(
            parent, "替换报告", f"{unit_name}{year}年度的报告已经存在。\n\n用导入的内容整份替换它吗？"
            "替换前会自动备份数据文件。"):
        return None
    try:
        unit = store.ensure_unit(unit_name)
        report = replace(detected.to_report(unit, year), unit=unit)
        stored = (replace_report(store, report, backup_path_for(db_path)) if existing is not None
                  else store.create_report(report))
    except StorageError as exc:
        Dialogs.warn(parent, "无法导入", str(exc))
        return None
    notes = "\n".join(f"· {n}" for n in detected.notes)
    if detected.removed:
        notes += f"\n· 已删除页码、页眉页脚等杂项 {len(detected.removed)} 行"
    Dialogs.inform(parent, "导入完成", f"已导入：{stored.title}\n{summary(stored)}（来源：{imported.source}）"
                   + (f"\n\n请核对：\n{notes.strip()}" if notes.strip() else ""))
    return stored.id
