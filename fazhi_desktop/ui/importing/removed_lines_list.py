"""The lines the import cleanup removed, greyed, each with its reason and a 保留 box to keep it after all."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from fazhi_desktop.core.cleanup import Removed

LINE_ROLE = 257  # Qt.ItemDataRole.UserRole + 1: the line number (from 1) in the text as read
_GREY = "#808080"


class RemovedLinesList(QListWidget):
    """One row per removed line: "第12行［页码］— 3 —"; ticking it keeps the line (the import is read again)."""

    sig_keep_changed = Signal(object)
    """The set of line numbers (frozenset[int]) the user wants kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setToolTip("勾选的行将保留在导入的报告中（程序会按你的选择重新识别）")
        self._filling = False
        self.itemChanged.connect(self._changed)

    def set_removed(self, rows: Sequence[Removed], keep: frozenset[int]) -> None:
        """Show every line the cleanup would remove; those in ``keep`` ticked (kept)."""
        self._filling = True
        self.clear()
        for item in rows:
            row = QListWidgetItem(f"第{item.line}行［{item.reason}］{item.text}")
            row.setData(LINE_ROLE, item.line)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if item.line in keep else Qt.CheckState.Unchecked)
            row.setToolTip(f"原文第{item.line}行：{item.text}\n删除原因：{item.reason}\n勾选即保留此行")
            if item.line not in keep:
                row.setForeground(QBrush(QColor(_GREY)))
            self.addItem(row)
        if not rows:
            self.addItem(QListWidgetItem("（没有删除任何行）"))
        self._filling = False

    def keep(self) -> frozenset[int]:
        return frozenset(int(self.item(i).data(LINE_ROLE)) for i in range(self.count())
                         if self.item(i).data(LINE_ROLE) is not None
                         and self.item(i).checkState() == Qt.CheckState.Checked)

    def set_kept(self, line: int, kept: bool) -> None:
        """Tick or untick the row of ``line`` (as the user would)."""
        for i in range(self.count()):
            if self.item(i).data(LINE_ROLE) == line:
                self.item(i).setCheckState(Qt.CheckState.Checked if kept else Qt.CheckState.Unchecked)

    def _changed(self, _item: QListWidgetItem) -> None:
        if not self._filling:
            self.sig_keep_changed.emit(self.keep())
