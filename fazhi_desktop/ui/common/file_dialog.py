"""Qt's own file dialog, all in Chinese and starting in a folder that exists.

Qt's zh_CN catalog leaves "Look in:", "Files of type:" and the "Folder" type column in English, and a
start folder that does not exist (a Documents folder never made) opens the system's temporary folder.
Windows keeps its own (already Chinese) dialog; elsewhere — 统信UOS, 麒麟 — Qt's dialog is used, the same
wherever the program was built.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QTreeView, QWidget

LABELS = {
    QFileDialog.DialogLabel.LookIn: "查找范围(&L)：",
    QFileDialog.DialogLabel.FileName: "文件名(&N)：",
    QFileDialog.DialogLabel.FileType: "文件类型(&T)：",
    QFileDialog.DialogLabel.Reject: "取消",
}
TYPE_COLUMN = 2  # "类型": Qt names folders "Folder" in any language


def existing_folder(*wanted: Path | str | None) -> Path:
    """The first of ``wanted`` that is a folder, else the desktop, else the home folder."""
    desktop = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DesktopLocation)
    for folder in (*wanted, desktop, Path.home()):
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path.home()


def start_path(start: Path) -> Path:
    """``start`` (a file or folder to show), moved into a folder that exists."""
    if start.is_dir():
        return start
    return existing_folder(start.parent) / start.name if start.name else existing_folder()


def file_dialog(parent: QWidget | None, title: str, start: Path, filters: str = "",
                mode: QFileDialog.FileMode = QFileDialog.FileMode.ExistingFile, saving: bool = False) -> QFileDialog:
    """A file dialog in Chinese (on Windows: the system's own)."""
    dialog = QFileDialog(parent, title, str(start_path(start)), filters)
    dialog.setFileMode(mode)
    if mode == QFileDialog.FileMode.Directory:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if saving else QFileDialog.AcceptMode.AcceptOpen)
    if not sys.platform.startswith("win"):
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        for label, text in LABELS.items():
            dialog.setLabelText(label, text)
        accept = "保存(&S)" if saving else "选择" if mode == QFileDialog.FileMode.Directory else "打开(&O)"
        dialog.setLabelText(QFileDialog.DialogLabel.Accept, accept)
        for view in dialog.findChildren(QTreeView):
            view.setColumnHidden(TYPE_COLUMN, True)
    return dialog


def chosen(dialog: QFileDialog) -> Path | None:
    """Run ``dialog``; the chosen path or None."""
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])
