"""Things done with the data file itself: show its folder, back it up to a folder the user picks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from fazhi_desktop.storage.database import backup_to
from fazhi_desktop.storage.errors import StorageError
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.dialogs import Dialogs

if TYPE_CHECKING:
    from fazhi_desktop.ui.datafile.about_dialog import AboutDialog


def open_folder(folder: Path) -> bool:
    """Open ``folder`` in the file manager (资源管理器)."""
    folder.mkdir(parents=True, exist_ok=True)
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))


def open_path(path: Path) -> bool:
    """Open a file with its program (Word/WPS for .docx)."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


def backup_to_folder(store: ReportStore, parent: QWidget | None) -> Path | None:
    """Ask for a folder (e.g. a U盘) and write a consistent copy of the database there."""
    folder = Dialogs.ask_directory(parent, "备份到哪个文件夹？")
    if folder is None:
        return None
    target = folder / f"法治报告数据备份_{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}.db"
    try:
        backup_to(store.db, target)
    except StorageError as exc:  # a full or read-only U盘: nothing is left behind in it
        Dialogs.warn(parent, "备份失败", str(exc))
        return None
    Dialogs.inform(parent, "备份完成", f"已备份到：\n{target}")
    return target


def export_diagnostics(store: ReportStore, db_path: Path, parent: QWidget | None) -> Path | None:
    """导出诊断信息: logs and versions in a zip for the IT person; the data file only if the user says so."""
    from fazhi_desktop.diagnostics import diagnostics_zip
    from fazhi_desktop.filewrite import FileWriteError, write_atomic

    start = Path.home() / f"诊断信息_{dt.datetime.now().strftime('%Y%m%d-%H%M%S')}.zip"
    target = Dialogs.ask_save_file(parent, "导出诊断信息", start, "压缩文件 (*.zip)")
    if target is None:
        return None
    with_data = Dialogs.ask_yes_no(parent, "导出诊断信息", "是否同时附上数据文件（含全部报告内容）？\n"
                                   "一般不需要；只有技术支持明确要求时才选“是”。")
    try:
        image = store.db.snapshot() if with_data else None
        write_atomic(target, diagnostics_zip(db_path.parent / "logs", image, db_path.name))
    except FileWriteError as exc:
        Dialogs.warn(parent, "导出失败", f"{exc}。")
        return None
    Dialogs.inform(parent, "导出诊断信息", f"已写入：\n{target}" + ("\n（含数据文件）" if with_data else ""))
    return target


def restore_from_backup(store: ReportStore, db_path: Path, parent: QWidget | None) -> Path | None:
    """从备份恢复: pick a backup, confirm, restore (the current data is backed up first)."""
    from fazhi_desktop.storage.backups import restore_and_migrate
    from fazhi_desktop.storage.database import backup_dir_for
    from fazhi_desktop.ui.datafile.restore_dialog import RestoreDialog

    chosen = RestoreDialog.ask(backup_dir_for(db_path), parent)
    if chosen is None:
        return None
    if not Dialogs.confirm(parent, "从备份恢复", f"用备份 {chosen.name} 替换当前的全部数据？\n"
                           "当前数据会先另存为一份备份。"):
        return None
    try:
        safety = restore_and_migrate(store.db, db_path, chosen)
    except StorageError as exc:
        Dialogs.warn(parent, "恢复失败", str(exc))
        return None
    Dialogs.inform(parent, "恢复完成", f"已从 {chosen.name} 恢复。\n恢复前的数据另存为：\n{safety}")
    return chosen


def show_about(store: ReportStore, db_path: Path, parent: QWidget) -> AboutDialog:
    """关于: version and data folder, with 打开数据目录 and 备份到… (non-modal, deleted on close)."""
    from fazhi_desktop.ui.datafile.about_dialog import AboutDialog

    dialog = AboutDialog(db_path, parent)
    dialog.sig_open_data_dir_requested.connect(lambda: open_folder(db_path.parent))
    dialog.sig_backup_requested.connect(lambda: backup_to_folder(store, dialog))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
