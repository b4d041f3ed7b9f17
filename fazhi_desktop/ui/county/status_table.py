"""The board's table: one row per unit, sortable by any column (numbers and dates sort as such)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from fazhi_desktop.core.county.status import UnitStatus

COLUMNS = ("单位", "类型", "报送（3月1日前）", "公开（4月1日前）", "页数", "字数", "错误", "警告",
           "缺少的法定部分", "过时提法", "数据矛盾")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
LINE_ROLE = Qt.ItemDataRole.UserRole + 2
_LATE = QColor("#b00020")
_MISSING = QColor("#8a6d00")
_PENDING = QColor("#777777")
PENDING = "计算中…"


class _Item(QTableWidgetItem):
    """A cell that sorts by its sort key (numbers, dates) rather than its text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(SORT_ROLE), other.data(SORT_ROLE)
        if mine is not None and theirs is not None:
            return bool(mine < theirs)
        return self.text() < other.text()  # (QTableWidgetItem.__lt__ would call this method again)


def _sort_key(line: UnitStatus, column: int, position: int) -> object:
    m = line.metrics
    figures = {4: m.pages if m else -1, 5: m.chars if m else -1, 6: m.errors if m else -1,
               7: m.warnings if m else -1, 10: m.contradictions if m else -1,
               8: len(m.missing) if m else -1, 9: len(m.stale) if m else -1}
    if column == 2:  # not received sorts after received; then by days late
        return (line.received is None and line.report_id is None) * 100000 + line.late_days
    if column == 3:
        return line.publish.late_days if line.publish.late_days is not None else 100000
    if column == 0:  # by the unit: the roster's order
        return position
    if column == 1:
        return ("乡镇", "街道", "县级部门", "县政府").index(line.unit.kind.value) * 100000 + position
    return figures.get(column)


class StatusTable(QTableWidget):
    """Units and their state; double-click opens a unit's report (read-only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # roster order until the user sorts
        self.setSortingEnabled(True)
        self._lines: list[UnitStatus] = []

    def set_lines(self, lines: list[UnitStatus]) -> None:
        self.setSortingEnabled(False)  # filling a sorted table moves rows under the writer
        self.setRowCount(len(lines))
        for row, line in enumerate(lines):
            self._fill_row(row, row, line)
        self._lines = list(lines)
        self.setSortingEnabled(True)
        self.resizeColumnsToContents()
        for column in (2, 3, 8, 9):
            self.setColumnWidth(column, min(self.columnWidth(column), 260))

    def update_line(self, line: UnitStatus) -> bool:
        """Show ``line`` in place of the shown line of the same report (its figures came); False if not shown."""
        index = next((i for i, s in enumerate(self._lines) if s.report_id == line.report_id), None)
        if index is None:
            return False
        self._lines[index] = line
        row = next((r for r in range(self.rowCount()) if (it := self.item(r, 0)) is not None
                    and it.data(LINE_ROLE) == index), None)
        if row is None:
            return False
        sorting = self.isSortingEnabled()
        self.setSortingEnabled(False)
        self._fill_row(row, index, line)
        self.setSortingEnabled(sorting)
        return True

    def _fill_row(self, row: int, index: int, line: UnitStatus) -> None:
        m = line.metrics
        figures = ([str(m.pages), str(m.chars), str(m.errors), str(m.warnings), "、".join(m.missing),
                    "、".join(m.stale), str(m.contradictions or "")] if m else
                   [PENDING, "", "", "", "", "", ""] if line.metrics_pending else [""] * 7)
        texts = [line.unit.short_name, line.unit.kind.value, line.submit_text(), line.publish_text(), *figures]
        for column, text in enumerate(texts):
            item = _Item(text)
            item.setData(SORT_ROLE, _sort_key(line, column, index))
            item.setData(LINE_ROLE, index)
            if column >= 4 and column not in (8, 9):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == 2 and (line.late_days or line.state == "未收到"):
                item.setForeground(QBrush(_LATE))
            if column in (6, 8, 9) and text not in ("", "0"):
                item.setForeground(QBrush(_LATE if column == 6 else _MISSING))
            if text == PENDING:
                item.setForeground(QBrush(_PENDING))
                item.setToolTip("正在检查这份报告、估算页数，稍候自动填上")
            self.setItem(row, column, item)

    def line_at(self, row: int) -> UnitStatus | None:
        item = self.item(row, 0)
        if item is None:
            return None
        return self._lines[int(item.data(LINE_ROLE))]

    def selected_lines(self) -> list[UnitStatus]:
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [line for line in (self.line_at(r) for r in rows) if line is not None]
