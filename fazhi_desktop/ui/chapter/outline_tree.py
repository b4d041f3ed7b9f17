"""The outline of one chapter as a tree, each row showing its derived number (（一）, 1., （1）)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from fazhi_desktop.core.model import Block, BlockKind
from fazhi_desktop.core.numbering import block_numbers
from fazhi_desktop.core.outline import parent_indices, subtree_end

INDEX_ROLE = Qt.ItemDataRole.UserRole
CLEAR_AND_SELECT = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


def block_label(number: str, block: Block) -> str:
    """What the outline shows for a block: "（一）坚持党的领导" or "段落：2025年，全镇…"."""
    if block.kind is BlockKind.PARAGRAPH:
        preview = block.body.strip().split("\n")[0][:24] or "（空段落）"
        label = f"段落：{preview}"
    else:
        label = f"{number}{block.heading.strip() or '（未填标题）'}"
    return label + ("〔内部〕" if block.internal else "")


def drop_destination(blocks: Sequence[Block], source: int, target: int, after: bool) -> int | None:
    """Where core.outline.move should put the subtree at ``source`` when it is dropped before
    (``after`` False) or after the subtree of ``target`` (-1: at the end). None: not a move."""
    end = subtree_end(blocks, source)
    if source <= target < end:
        return None  # onto itself or into its own subtree
    point = len(blocks) if target < 0 else (subtree_end(blocks, target) if after else target)
    if point in (source, end):
        return None  # dropped where it already is
    return point - (end - source) if point > source else point


class OutlineTree(QTreeWidget):
    """Shows a flat outline as a tree; numbers are recomputed from the order on every change."""

    sig_block_selected = Signal(int)
    """The selected block's position in the chapter's flat outline (-1: none)."""

    sig_move_requested = Signal(int, int)
    """Drag and drop: move the subtree at the first position to the second (core.outline.move)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # Shift/Ctrl+click: several
        self.setUniformRowHeights(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._items: list[QTreeWidgetItem] = []
        self._blocks: tuple[Block, ...] = ()
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDropIndicatorShown(True)
        self.currentItemChanged.connect(self._on_current_changed)

    def set_outline(self, blocks: Sequence[Block], selected: int = -1) -> None:
        """Rebuild the tree for ``blocks`` and select the block at ``selected``."""
        self._blocks = tuple(blocks)
        numbers = block_numbers(self._blocks)
        parents = parent_indices(self._blocks)
        self.blockSignals(True)
        try:
            self.clear()
            self._items = []
            for i, block in enumerate(self._blocks):
                parent = parents[i]
                item = QTreeWidgetItem([block_label(numbers[i], block)])
                item.setData(0, INDEX_ROLE, i)
                item.setToolTip(0, block.heading or block.body[:200])
                if parent is None:
                    self.addTopLevelItem(item)
                else:
                    self._items[parent].addChild(item)
                self._items.append(item)
            self.expandAll()
        finally:
            self.blockSignals(False)
        self.select_index(selected if 0 <= selected < len(self._items) else -1)

    def select_index(self, index: int) -> None:
        """Select the block at ``index`` (or nothing) and emit :attr:`sig_block_selected`."""
        self.blockSignals(True)
        try:  # only this row, whatever keys are held (Ctrl would add it to the selection)
            model_index = self.indexFromItem(self._items[index]) if index >= 0 else QModelIndex()
            self.selectionModel().setCurrentIndex(model_index, CLEAR_AND_SELECT)
            if index < 0:
                self.clearSelection()
        finally:
            self.blockSignals(False)
        if index >= 0:
            self.scrollToItem(self._items[index])
        self.sig_block_selected.emit(index)

    def update_block(self, index: int, block: Block) -> None:
        """Refresh one row after its heading or body was typed (numbers do not change)."""
        blocks = list(self._blocks)
        blocks[index] = block
        self._blocks = tuple(blocks)
        number = block_numbers(self._blocks)[index]
        self._items[index].setText(0, block_label(number, block))

    def current_index(self) -> int:
        item = self.currentItem()
        return int(item.data(0, INDEX_ROLE)) if item is not None else -1

    def selected_indices(self) -> list[int]:
        """The positions of every selected row (with Shift or Ctrl), in outline order."""
        return sorted(int(item.data(0, INDEX_ROLE)) for item in self.selectedItems())

    def labels(self) -> list[str]:
        """Every row's text in outline order."""
        return [item.text(0) for item in self._items]

    def dropEvent(self, event: QDropEvent) -> None:
        """Turn the drop into one outline move; Qt never rearranges the rows itself."""
        source = self.current_index()
        point = event.position().toPoint()
        item = self.itemAt(point)
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if source < 0:
            return
        target = int(item.data(0, INDEX_ROLE)) if item is not None else -1
        after = item is not None and point.y() > self.visualItemRect(item).center().y()
        dest = drop_destination(self._blocks, source, target, after)
        if dest is not None:
            self.sig_move_requested.emit(source, dest)

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        self.sig_block_selected.emit(int(current.data(0, INDEX_ROLE)) if current is not None else -1)
