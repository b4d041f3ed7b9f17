"""The report list: every unit's reports by year, with 新建 / 从上一年复制 / 打开 / 删除."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fazhi_desktop.storage.repository import ReportSummary

ID_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("单位", "年度", "标题", "状态", "最后修改")


class ReportChooser(QWidget):
    """Lists the reports and emits what the user wants to do; the window does it."""

    sig_new_requested = Signal()
    """新建报告 was clicked."""

    sig_import_requested = Signal()
    """导入… was clicked."""

    sig_copy_requested = Signal(int)
    """从上一年复制: start the next year from this report id."""

    sig_open_requested = Signal(int)
    """Open this report id."""

    sig_delete_requested = Signal(int)
    """Delete this report id (the window asks for confirmation)."""

    sig_undo_delete_requested = Signal()
    """撤销删除 was clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel("选择要编辑的报告，或新建一份。")
        self.list = QTreeWidget()
        self.list.setHeaderLabels(list(COLUMNS))
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        header = self.list.header()
        header.setStretchLastSection(False)
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.new_button = QPushButton("新建报告…")
        self.import_button = QPushButton("导入已有报告…")
        self.import_button.setToolTip("导入 Word（.docx）或文本（.txt）格式的报告，自动识别章节和条目")
        self.copy_button = QPushButton("从上一年复制")
        self.copy_button.setToolTip("以所选报告为底稿，新建下一年度的报告（结构和文字保留，年份顺延）")
        self.open_button = QPushButton("打开")
        self.delete_button = QPushButton("删除…")
        self.undo_button = QPushButton("撤销删除")
        self.undo_button.hide()
        self.read_only = False  # viewing only: open, nothing else
        self.empty_hint = QLabel("还没有报告。点击“新建报告…”开始。")
        buttons = QHBoxLayout()
        for button in (self.new_button, self.import_button, self.copy_button, self.open_button,
                       self.delete_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_hint)
        layout.addLayout(buttons)
        self._connect_signals()
        self._update_buttons()

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.sig_new_requested)
        self.import_button.clicked.connect(self.sig_import_requested)
        self.copy_button.clicked.connect(lambda: self._emit_selected(self.sig_copy_requested))
        self.open_button.clicked.connect(lambda: self._emit_selected(self.sig_open_requested))
        self.delete_button.clicked.connect(lambda: self._emit_selected(self.sig_delete_requested))
        self.undo_button.clicked.connect(self.sig_undo_delete_requested)
        self.list.itemActivated.connect(lambda *_: self._emit_selected(self.sig_open_requested))
        self.list.itemSelectionChanged.connect(self._update_buttons)

    def set_reports(self, reports: list[ReportSummary], select: int | None = None) -> None:
        """Show ``reports`` (grouped by unit, newest year first) and select ``select``."""
        self.list.clear()
        for summary in reports:
            item = QTreeWidgetItem([summary.unit, f"{summary.year}年度", summary.title,
                                    summary.status.value, summary.updated_at.replace("T", " ")[:16]])
            item.setData(0, ID_ROLE, summary.id)
            item.setData(1, ID_ROLE, summary.year)
            item.setToolTip(2, summary.title)
            self.list.addTopLevelItem(item)
            if summary.id == select:
                self.list.setCurrentItem(item)
        first = self.list.topLevelItem(0)
        if self.list.currentItem() is None and first is not None:
            self.list.setCurrentItem(first)
        self.empty_hint.setVisible(not reports)
        self._update_buttons()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.heading.setText("只读查看：选择要查看的报告（数据文件正被其他程序使用）。" if read_only
                             else "选择要编辑的报告，或新建一份。")
        self.empty_hint.setText("还没有报告。" if read_only else "还没有报告。点击“新建报告…”开始。")
        for button in (self.new_button, self.import_button, self.undo_button):
            button.setEnabled(not read_only)
        self._update_buttons()

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(0, ID_ROLE)) if item is not None else None

    def select_id(self, report_id: int) -> None:
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item is not None and item.data(0, ID_ROLE) == report_id:
                self.list.setCurrentItem(item)

    def set_undo_available(self, text: str) -> None:
        """Show 撤销删除 with ``text`` as tooltip ("" hides it)."""
        self.undo_button.setVisible(bool(text))
        self.undo_button.setToolTip(text)

    def _emit_selected(self, signal: SignalInstance) -> None:
        report_id = self.selected_id()
        if report_id is not None:
            signal.emit(report_id)

    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        self.open_button.setEnabled(item is not None)
        for button in (self.copy_button, self.delete_button):
            button.setEnabled(item is not None and not self.read_only)
        year = item.data(1, ID_ROLE) if item is not None else None
        self.copy_button.setText(f"从上一年复制（新建{year + 1}年度）" if year else "从上一年复制")
