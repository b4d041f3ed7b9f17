"""Suggested sub-headings for a chapter role (core.templates.suggestions), insertable with one click."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from fazhi_desktop.core.model import BlockKind, ChapterRole

KIND_ROLE = Qt.ItemDataRole.UserRole


def _norm(text: str) -> str:
    """A heading without trailing punctuation or spaces, for comparing with suggestions."""
    return text.strip().rstrip("。；;，, ")


class SuggestionList(QWidget):
    """Sections (（一）) with their usual items (1.); double-click or 插入 adds one to the outline."""

    sig_insert_requested = Signal(object, str)
    """Insert a block of this :class:`BlockKind` with this heading."""

    def __init__(self, role: ChapterRole, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.insert_button = QPushButton("插入所选标题")
        self.insert_button.setToolTip("把所选的参考标题插入到大纲（也可双击）")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("参考标题（双击插入）"))
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.insert_button)
        from fazhi_desktop.core.templates import suggestions  # with the first chapter tab, not at start

        for suggestion in suggestions(role):
            if not suggestion.section:  # sentences without a heading, e.g. 无其他需要报告的情况。
                for text in suggestion.items:
                    item = QTreeWidgetItem([text])
                    item.setData(0, KIND_ROLE, BlockKind.PARAGRAPH)
                    item.setToolTip(0, f"插入正文段落：{text}")
                    self.tree.addTopLevelItem(item)
                continue
            top = QTreeWidgetItem([suggestion.section])
            top.setData(0, KIND_ROLE, BlockKind.SECTION)
            top.setToolTip(0, f"{suggestion.group}：{suggestion.section}")
            self.tree.addTopLevelItem(top)
            for text in suggestion.items:
                child = QTreeWidgetItem([text])
                child.setData(0, KIND_ROLE, BlockKind.ITEM)
                child.setToolTip(0, text)
                top.addChild(child)
        if self.tree.topLevelItemCount() == 0:
            self.setVisible(False)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.tree.itemDoubleClicked.connect(lambda item, _col: self._emit(item))
        self.insert_button.clicked.connect(lambda: self._emit(self.tree.currentItem()))

    def focus_section(self, heading: str) -> None:
        """Unfold the suggestion matching the selected section, so its usual items are in view."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is not None and top.childCount():
                top.setExpanded(bool(heading) and _norm(top.text(0)) == _norm(heading))
                if top.isExpanded():
                    self.tree.scrollToItem(top)

    def mark_used(self, headings: set[str]) -> None:
        """Grey out suggestions whose text is already a heading in the outline."""
        palette = self.tree.palette()
        for item in self._all_items():
            used = _norm(item.text(0)) in headings
            item.setForeground(0, palette.placeholderText() if used else palette.text())
            item.setToolTip(0, f"{item.text(0)}（本章已有）" if used else item.text(0))

    def _all_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is not None:
                items.append(top)
                items.extend(c for j in range(top.childCount()) if (c := top.child(j)) is not None)
        return items

    def has_suggestions(self) -> bool:
        return self.tree.topLevelItemCount() > 0

    def _emit(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.sig_insert_requested.emit(BlockKind(item.data(0, KIND_ROLE)), item.text(0))
