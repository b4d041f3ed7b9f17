"""从备份恢复: the backups with their time, reason and report count; damaged ones cannot be chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fazhi_desktop.storage.backups import BackupInfo, list_backups
from fazhi_desktop.ui.common.screen_fit import fit_dialog

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class RestoreDialog(QDialog):
    """Pick one backup; :meth:`ask` returns its path or None."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("从备份恢复")
        note = QLabel("选择要恢复的备份。恢复前，程序会先把当前数据另存一份备份，恢复后也可以再恢复回来。")
        note.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(["备份时间", "原因", "内容"])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for info in backups:
            state = f"{info.report_count} 份报告" if info.ok else "已损坏，不能恢复"
            item = QTreeWidgetItem([info.created.strftime("%Y-%m-%d %H:%M:%S"), info.reason, state])
            item.setData(0, PATH_ROLE, str(info.path))
            if not info.ok:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addTopLevelItem(item)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._update_ok)
        self.list.itemDoubleClicked.connect(lambda _item, _col: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        fit_dialog(self, QSize(640, 420))
        first_ok = next((i for i in range(self.list.topLevelItemCount()) if backups[i].ok), None)
        first_item = self.list.topLevelItem(first_ok) if first_ok is not None else None
        if first_item is not None:
            self.list.setCurrentItem(first_item)
        self._update_ok()

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        if item is None or not item.isSelected() or not (item.flags() & Qt.ItemFlag.ItemIsEnabled):
            return None
        return Path(str(item.data(0, PATH_ROLE)))

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(self.chosen() is not None)

    @classmethod
    def ask(cls, folder: Path, parent: QWidget | None = None) -> Path | None:
        dialog = cls(list_backups(folder), parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
