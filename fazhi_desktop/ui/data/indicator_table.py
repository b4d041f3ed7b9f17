"""The 数据指标 tab: a grouped table of the report's figures, rates computed live, bad values marked in place."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the indicator model (with decimal) loads when the tab is first filled
    from fazhi_desktop.core.indicators import Catalog, Indicator, IndicatorValue

COLUMNS = ["指标", "数值", "单位", "上年", "变化", "备注", "来源（台账）"]
VALUE, NOTE, SOURCE = 1, 5, 6
KEY_ROLE = 0x0101  # Qt.ItemDataRole.UserRole + 1
BAD_ROLE = 0x0102  # Qt.ItemDataRole.UserRole + 2: True while the cell holds a value that did not parse
BAD = "#f8d7da"  # colours as names: module-level Qt objects outlive QApplication and crash at exit
WARN = "#fff3cd"
COMPUTED = "#eef3f8"


def brush(name: str) -> QBrush:
    return QBrush(QColor(name)) if name else QBrush()


class IndicatorTable(QWidget):
    """Shows and edits the figures; emits ``sig_value_changed`` only for values that parse."""

    sig_value_changed = Signal(object)  # IndicatorValue
    """A valid new value (or note/source) for one indicator."""

    sig_value_edited = Signal(object, object)  # IndicatorValue before, IndicatorValue after
    """The same, with the value it replaces: the window stores it as one step of the undo history."""

    sig_add_requested = Signal(str, str)
    """添加自定义指标: a new indicator of this unit, (label, measure word such as 场)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog: Catalog | None = None
        self.values: dict[str, IndicatorValue] = {}
        self.previous: dict[str, IndicatorValue] = {}
        self._rows: dict[str, int] = {}
        self._loading = False
        self.hint = QLabel("在“数值”列直接填写；比率由计数自动计算（灰色行，只读）。也可填“未发生”“不适用”。")
        self.hint.setWordWrap(True)
        self.problems = QLabel("")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #A61B29;")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)
        self.table.itemChanged.connect(self._on_item_changed)
        self.add_button = QPushButton("添加自定义指标…")
        self.add_button.setToolTip("为本单位添加目录里没有的指标，如“法治讲座（场）”；以后各年度都可使用")
        self.add_button.clicked.connect(self._ask_new_indicator)
        top = QHBoxLayout()  # the button at the right (an alignment flag would create Qt's enums at start)
        top.addStretch(1)
        top.addWidget(self.add_button)
        layout.insertLayout(0, top)

    def _ask_new_indicator(self) -> None:
        from fazhi_desktop.ui.common.dialogs import Dialogs

        label = Dialogs.ask_text(self, "添加自定义指标", "指标名称（如：法治讲座）：")
        if not label:
            return
        unit = Dialogs.ask_text(self, "添加自定义指标", f"“{label}”的单位（如：场、次、件、人次）：")
        if unit:
            self.sig_add_requested.emit(label, unit)

    def load(self, catalog: Catalog, values: Mapping[str, IndicatorValue],
             previous: Mapping[str, IndicatorValue]) -> None:
        """Show the report's selected indicators, grouped, with last year's figures beside them."""
        from PySide6.QtCore import Qt

        self._loading = True
        self.catalog, self.values, self.previous = catalog, dict(values), dict(previous)
        self.table.setRowCount(0)
        self._rows.clear()
        bold = QFont()
        bold.setBold(True)
        for group, indicators in catalog.by_group():
            shown = [i for i in indicators if i.key in self.values]
            if not shown:
                continue
            row = self.table.rowCount()
            self.table.insertRow(row)
            title = QTableWidgetItem(f"【{group}】")
            title.setFont(bold)
            title.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, title)
            self.table.setSpan(row, 0, 1, len(COLUMNS))
            for ind in shown:
                self._add_row(ind)
        self._loading = False
        self.refresh()

    def _add_row(self, ind: Indicator) -> None:
        from PySide6.QtCore import Qt

        from fazhi_desktop.core.indicators import IndicatorValue

        row = self.table.rowCount()
        self.table.insertRow(row)
        self._rows[ind.key] = row
        value = self.values.get(ind.key, IndicatorValue(ind.key))
        texts = [ind.label + ("（计算）" if ind.computed else ""), "", ind.unit, "", "", value.note, value.source]
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setData(KEY_ROLE, ind.key)
            # Always set: reading an unset role returns None, and PySide 6.12 on Python 3.11 under-counts
            # None's references when it does, which aborts the interpreter at exit.
            item.setData(BAD_ROLE, False)
            editable = column in (NOTE, SOURCE) or (column == VALUE and not ind.computed)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags)
            if ind.computed:
                item.setBackground(brush(COMPUTED))
            self.table.setItem(row, column, item)

    def item(self, key: str, column: int) -> QTableWidgetItem:
        item = self.table.item(self._rows[key], column)
        assert item is not None
        return item

    def refresh(self) -> None:
        """Recompute rates, last-year changes and the consistency marks."""
        from fazhi_desktop.core.indicators import consistency, display

        if self.catalog is None:
            return
        self._loading = True
        problems = {p.key: p for p in consistency(self.catalog, self.values)}
        for key in self._rows:
            ind = self.catalog[key]
            value_item = self.item(key, VALUE)
            if ind.computed or not value_item.data(BAD_ROLE):
                shown = display(ind, self.values.get(key), self.values).removesuffix(ind.unit)
                value_item.setText(shown)
            self.item(key, 3).setText(display(ind, self.previous.get(key), self.previous))
            self.item(key, 4).setText(_change(self.values.get(key), self.previous.get(key)))
            problem = problems.get(key)
            if value_item.data(BAD_ROLE):
                continue  # a bad typed value keeps its own mark
            if problem is not None:
                value_item.setBackground(brush(BAD if problem.severity == "错误" else WARN))
                value_item.setToolTip(problem.message)
            else:
                value_item.setBackground(brush(COMPUTED if ind.computed else ""))
                value_item.setToolTip("")
        self.problems.setText("\n".join(f"{p.severity}：{p.message}" for p in problems.values()))
        self._loading = False

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or self.catalog is None:
            return
        from fazhi_desktop.core.indicators import IndicatorValue, IndicatorValueError, parse_value

        key = item.data(KEY_ROLE)
        ind = self.catalog[key]
        current = self.values.get(key, IndicatorValue(key))
        if item.column() == VALUE:
            try:
                parsed = parse_value(ind, item.text())
            except IndicatorValueError as exc:
                self._loading = True
                item.setBackground(brush(BAD))
                item.setToolTip(str(exc))
                item.setData(BAD_ROLE, True)  # bad: never saved
                self._loading = False
                return
            self._loading = True  # (setting the mark is a change of the item too: not another edit)
            item.setData(BAD_ROLE, False)
            self._loading = False
            new = replace(current, value=parsed.value, state=parsed.state)
        elif item.column() == NOTE:
            new = replace(current, note=item.text().strip())
        elif item.column() == SOURCE:
            new = replace(current, source=item.text().strip())
        else:
            return
        self.values[key] = new
        self.sig_value_changed.emit(new)
        self.sig_value_edited.emit(current, new)
        self.refresh()

    def show_value(self, value: IndicatorValue, select: bool = False) -> None:
        """Show ``value`` (stored by an undo or redo) in its row, a bad typed text there replaced; ``select``:
        make its 数值 cell the current one."""
        if value.key not in self._rows:
            return
        self.values[value.key] = value
        self._loading = True
        value_item = self.item(value.key, VALUE)
        value_item.setData(BAD_ROLE, False)
        self.item(value.key, NOTE).setText(value.note)
        self.item(value.key, SOURCE).setText(value.source)
        self._loading = False
        self.refresh()
        if select:
            self.table.setCurrentItem(value_item)
            self.table.scrollToItem(value_item)


def _change(current: IndicatorValue | None, last: IndicatorValue | None) -> str:
    if not current or not last or current.value is None or last.value is None:
        return ""
    delta = current.value - last.value
    return f"{'+' if delta > 0 else ''}{delta.normalize():f}"
