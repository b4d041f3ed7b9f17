"""查找和替换: the words to find (and to put instead), and every place they are in the report."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fazhi_desktop.core.search import Hit
from fazhi_desktop.ui.common.screen_fit import fit_dialog

INDEX_ROLE = 0x0100  # Qt.ItemDataRole.UserRole


class FindDialog(QDialog):
    """Not modal: the clerk keeps writing while it is open. Emits what was asked; the window answers
    with :meth:`show_hits`."""

    sig_search = Signal(str)
    """Find this text (typed, or 查找全部 pressed)."""

    sig_goto = Signal(int)
    """Show the hit at this index of the list in the report, selected."""

    sig_replace_one = Signal(int, str)
    """替换: the hit at this index, with this text."""

    sig_replace_all = Signal(str)
    """全部替换: every hit, with this text, as one undo step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("查找和替换")
        self.setModal(False)
        self.needle = QLineEdit()
        self.needle.setPlaceholderText("要查找的文字，如：单位原名称、写错的数字")
        self.needle.setClearButtonEnabled(True)
        self.replacement = QLineEdit()
        self.replacement.setPlaceholderText("替换为（可以为空：删除找到的文字）")
        self.replace_label = QLabel("替换为")
        self.match_case = QCheckBox("区分大小写")
        self.match_case.setToolTip("只对英文字母有效：勾选后查找“ICP”不会找到“icp”")
        self.whole_word = QCheckBox("全字匹配")
        self.whole_word.setToolTip("英文单词和数字不在更长的单词、数字中间：查找“12”不会找到“2012”“125”里的12")
        self.count = QLabel("")
        self.error = QLabel("")  # why a replacement was refused
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.results = QTreeWidget()
        self.results.setHeaderLabels(["位置", "内容"])
        self.results.setRootIsDecorated(False)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.results.header().setStretchLastSection(True)
        self.find_all = QPushButton("查找全部")
        self.replace_one = QPushButton("替换")
        self.replace_one.setToolTip("替换列表中选中的一处，然后选中下一处")
        self.replace_all = QPushButton("全部替换")
        self.replace_all.setToolTip("替换全部找到的地方（一次撤销即可全部复原）")
        self.close_button = QPushButton("关闭")
        self._layout()
        self._connect_signals()
        self.set_replacing(False)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("查找", self.needle)
        form.addRow(self.replace_label, self.replacement)
        options = QHBoxLayout()
        options.addWidget(self.match_case)
        options.addWidget(self.whole_word)
        options.addStretch(1)
        form.addRow("", options)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        for button in (self.find_all, self.replace_one, self.replace_all, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.needle.textChanged.connect(self.sig_search)
        self.needle.returnPressed.connect(self._next)
        self.find_all.clicked.connect(lambda: self.sig_search.emit(self.needle.text()))
        for option in (self.match_case, self.whole_word):
            option.toggled.connect(lambda _on: self.sig_search.emit(self.needle.text()))
        self.results.currentItemChanged.connect(self._on_current)
        self.results.itemActivated.connect(lambda item, _c: self.sig_goto.emit(int(item.data(0, INDEX_ROLE))))
        self.replace_one.clicked.connect(self._replace_one)
        self.replace_all.clicked.connect(lambda: self.sig_replace_all.emit(self.replacement.text()))
        self.close_button.clicked.connect(self.close)

    def set_replacing(self, replacing: bool) -> None:
        """Ctrl+H shows the 替换为 row and its buttons; Ctrl+F hides them."""
        for widget in (self.replace_label, self.replacement, self.replace_one, self.replace_all):
            widget.setVisible(replacing)
        self.setWindowTitle("查找和替换" if replacing else "查找")

    def open_with(self, text: str, replacing: bool) -> None:
        self.set_replacing(replacing)
        if text:
            self.needle.setText(text)
        if not self.isVisible():
            fit_dialog(self, QSize(760, 460))
        self.show()
        self.raise_()
        self.activateWindow()
        self.needle.setFocus()
        self.needle.selectAll()

    def show_error(self, message: str) -> None:
        """Why a replacement was refused (nothing was changed); "" hides it."""
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def show_hits(self, hits: Sequence[Hit], select: int = 0) -> None:
        """List ``hits`` (chapter › section › context) and select the one at ``select``."""
        self.results.clear()
        for i, hit in enumerate(hits):
            item = QTreeWidgetItem([hit.field.where, hit.context()])
            item.setToolTip(0, hit.field.where)
            item.setToolTip(1, hit.context(60))
            item.setData(0, INDEX_ROLE, i)
            self.results.addTopLevelItem(item)
        needle = self.needle.text()
        self.count.setText(f"共 {len(hits)} 处" if needle else "")
        if needle and not hits:
            self.count.setText("没有找到")
        self.results.resizeColumnToContents(0)
        self.results.setColumnWidth(0, min(self.results.columnWidth(0), max(200, self.width() // 2)))
        for button in (self.replace_one, self.replace_all):
            button.setEnabled(bool(hits))
        current = self.results.topLevelItem(min(select, len(hits) - 1)) if hits else None
        if current is not None:
            self.results.setCurrentItem(current)

    def current(self) -> int:
        item = self.results.currentItem()
        return int(item.data(0, INDEX_ROLE)) if item is not None else -1

    def _on_current(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is not None and self.isVisible():
            self.sig_goto.emit(int(item.data(0, INDEX_ROLE)))

    def _next(self) -> None:
        count = self.results.topLevelItemCount()
        item = self.results.topLevelItem((self.current() + 1) % count) if count else None
        if item is not None:
            self.results.setCurrentItem(item)

    def _replace_one(self) -> None:
        if self.current() >= 0:
            self.sig_replace_one.emit(self.current(), self.replacement.text())
