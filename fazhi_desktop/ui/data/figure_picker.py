"""插入数据: pick one filled figure of the 数据指标 table, grouped, with the text that will be inserted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fazhi_desktop.core.indicator_text import figure_text
from fazhi_desktop.core.indicators import Catalog, IndicatorValue, ValueState
from fazhi_desktop.ui.common.screen_fit import fit_dialog

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class FigureEntry:
    """One figure the picker offers: ``text`` is what goes into the body ("186件", "97.3%", "零败诉")."""

    key: str
    label: str
    group: str
    text: str
    computed: bool = False


def figure_entries(catalog: Catalog, values: Mapping[str, IndicatorValue]) -> list[FigureEntry]:
    """The report's filled figures in catalog (group) order; empty and 不适用 ones are left out."""
    entries: list[FigureEntry] = []
    for group, indicators in catalog.by_group():
        for ind in indicators:
            value = values.get(ind.key)
            if ind.key not in values or (value is not None and value.state is ValueState.NOT_APPLICABLE):
                continue
            text = figure_text(ind, values)
            if text and text != ValueState.NOT_APPLICABLE.value:
                entries.append(FigureEntry(ind.key, ind.label, group, text, ind.computed))
    return entries


def _hidden_group(item: QTreeWidgetItem) -> bool:
    group = item.parent()
    return group is not None and group.isHidden()


class FigurePicker(QDialog):
    """Lists the figures by group; :meth:`ask` returns the chosen one or None."""

    def __init__(self, entries: Sequence[FigureEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("插入数据")
        self.entries = list(entries)
        note = QLabel("选择一项数据，插入到正文光标处（双击或按回车）。插入的是“数据指标”中的当前数值和单位。")
        note.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("筛选：输入指标名称，如“调解”")
        self.filter.setClearButtonEnabled(True)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(["指标", "插入内容"])
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformRowHeights(True)
        self._fill()
        self.list.header().setStretchLastSection(True)
        self.list.resizeColumnToContents(0)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText("插入")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemSelectionChanged.connect(self._update_ok)
        self.list.itemActivated.connect(self._on_activated)
        self.filter.textChanged.connect(self.apply_filter)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        first = self.figure_items()[0] if self.entries else None
        if first is not None:
            self.list.setCurrentItem(first)
        self.filter.setFocus()  # typing filters at once; ↓/↑ move in the list, Enter inserts the chosen one
        self.filter.installEventFilter(self)
        self.filter.returnPressed.connect(self.accept)
        self._update_ok()
        fit_dialog(self, QSize(560, 620))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↓ and ↑ in 筛选 move the choice in the list (the keyboard stays in 筛选)."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()), 0)
            if step:
                self.move_choice(step)
                return True
        return super().eventFilter(watched, event)

    def move_choice(self, step: int) -> None:
        shown = [i for i in self.figure_items() if not i.isHidden() and not _hidden_group(i)]
        if not shown:
            return
        current = self.list.currentItem()
        at = shown.index(current) if current in shown else -step
        self.list.setCurrentItem(shown[max(0, min(len(shown) - 1, at + step))])

    def _fill(self) -> None:
        bold = QFont()
        bold.setBold(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for index, entry in enumerate(self.entries):
            group = groups.get(entry.group)
            if group is None:
                group = QTreeWidgetItem([entry.group, ""])
                group.setFont(0, bold)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a choice
                group.setData(0, KEY_ROLE, -1)
                self.list.addTopLevelItem(group)
                groups[entry.group] = group
            label = entry.label + ("（计算）" if entry.computed else "")
            item = QTreeWidgetItem(group, [label, entry.text])
            item.setData(0, KEY_ROLE, index)
            item.setToolTip(0, f"{entry.label}：{entry.text}")
        self.list.expandAll()

    def figure_items(self) -> list[QTreeWidgetItem]:
        """The selectable rows (not the group headings), shown or hidden."""
        items: list[QTreeWidgetItem] = []
        for g in range(self.list.topLevelItemCount()):
            group = self.list.topLevelItem(g)
            if group is not None:
                items.extend(c for i in range(group.childCount()) if (c := group.child(i)) is not None)
        return items

    def apply_filter(self, text: str) -> None:
        """Show only the figures whose label contains ``text``; select the first one shown."""
        needle = text.strip()
        for g in range(self.list.topLevelItemCount()):
            group = self.list.topLevelItem(g)
            if group is None:
                continue
            shown = 0
            for i in range(group.childCount()):
                child = group.child(i)
                if child is None:
                    continue
                hide = bool(needle) and needle not in child.text(0) and needle not in group.text(0)
                child.setHidden(hide)
                shown += not hide
            group.setHidden(shown == 0)
        current = self.list.currentItem()
        if current is None or current.isHidden() or self.chosen() is None:
            visible = [i for i in self.figure_items() if not i.isHidden() and not _hidden_group(i)]
            self.list.setCurrentItem(visible[0] if visible else None)  # type: ignore[arg-type]
        self._update_ok()

    def chosen(self) -> FigureEntry | None:
        item = self.list.currentItem()
        if item is None or item.isHidden() or not item.isSelected():
            return None
        index = int(item.data(0, KEY_ROLE))
        return self.entries[index] if 0 <= index < len(self.entries) else None

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(self.chosen() is not None)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if int(item.data(0, KEY_ROLE)) >= 0:
            self.accept()

    def accept(self) -> None:
        if self.chosen() is not None:
            super().accept()

    @classmethod
    def ask(cls, entries: Sequence[FigureEntry], parent: QWidget | None = None) -> FigureEntry | None:
        """The figure the user picked, or None (cancelled). Tests replace this."""
        dialog = cls(entries, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
