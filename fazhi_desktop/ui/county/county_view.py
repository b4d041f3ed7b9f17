"""The 汇总 view: the county office's board of every unit for a year, filtered by kind, with its actions."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fazhi_desktop.core.county.status import UnitStatus
from fazhi_desktop.core.model import UnitKind
from fazhi_desktop.ui.county.status_table import StatusTable
from fazhi_desktop.ui.window.read_only import mark_safe

ALL_KINDS = "全部单位"


class CountyView(QWidget):
    """Year and kind pickers, the summary line, the table of units and the buttons; emits what the user asks."""

    sig_year_changed = Signal(int)
    sig_open_requested = Signal(int, bool)  # report id, editable
    sig_roster_requested = Signal()
    sig_collect_requested = Signal()
    sig_review_requested = Signal()
    sig_table_requested = Signal()
    sig_published_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = QComboBox()
        self.year.setToolTip("报告年度（所报告的年份）")
        self.kind = QComboBox()
        self.kind.addItems([ALL_KINDS, *(k.value for k in UnitKind if k is not UnitKind.COUNTY)])
        self.kind.setToolTip("只看一类单位")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.empty_hint = QLabel("名单中还没有单位。先点“导入名单…”，粘贴或选择应报送单位的名单。")
        self.table = StatusTable()
        top = QHBoxLayout()
        top.addWidget(QLabel("年度"))
        top.addWidget(self.year)
        top.addWidget(QLabel("单位类型"))
        top.addWidget(self.kind)
        top.addWidget(self.summary, 1)
        self.roster = QPushButton("导入名单…")
        self.roster.setToolTip("粘贴或从 .txt/.csv/.xlsx 读入应报送单位名单，类型按名称推断、可修改")
        self.collect = QPushButton("收取报告…")
        self.collect.setToolTip("选择收到的 .fzbg、.docx、.txt 文件或文件夹，按内容对应到各单位并导入")
        self.open_view = QPushButton("查看报告")
        self.open_view.setToolTip("在报告窗口中只读查看所选单位的报告（双击同样）")
        self.open_edit = QPushButton("编辑报告")
        self.open_edit.setToolTip("打开所选单位的报告并允许修改")
        self.published = QPushButton("记录公开…")
        self.published.setToolTip("记录所选单位的报告向社会公开的日期（4月1日前应公开）")
        self.review = QPushButton("生成审核意见…")
        self.review.setToolTip("为所选单位（未选时为全部已收到的单位）各生成一份审核意见（Word）")
        self.export = QPushButton("导出汇总表…")
        self.export.setToolTip("各单位数据指标汇总表：Excel（.xlsx）、CSV 或 Word 表格")
        buttons = QHBoxLayout()
        for button in (self.roster, self.collect, self.open_view, self.open_edit, self.published, self.review,
                       self.export):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.open_view, self.review, self.export):
            mark_safe(button)  # looking and writing files outside the data file stay possible when read-only
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._lines: list[UnitStatus] = []
        self._connect()

    def _connect(self) -> None:
        self.year.currentIndexChanged.connect(lambda _i: self.sig_year_changed.emit(self.current_year()))
        self.kind.currentIndexChanged.connect(lambda _i: self._show())
        self.table.cellDoubleClicked.connect(lambda row, _c: self._open(row, False))
        self.open_view.clicked.connect(lambda: self._open(self.table.currentRow(), False))
        self.open_edit.clicked.connect(lambda: self._open(self.table.currentRow(), True))
        self.roster.clicked.connect(self.sig_roster_requested)
        self.collect.clicked.connect(self.sig_collect_requested)
        self.review.clicked.connect(self.sig_review_requested)
        self.export.clicked.connect(self.sig_table_requested)
        self.published.clicked.connect(self.sig_published_requested)

    def set_years(self, years: list[int], current: int) -> None:
        self.year.blockSignals(True)
        self.year.clear()
        for year in sorted(set(years) | {current}, reverse=True):
            self.year.addItem(f"{year}年度", year)
        self.year.setCurrentIndex(self.year.findData(current))
        self.year.blockSignals(False)

    def current_year(self) -> int:
        return int(self.year.currentData())

    def set_lines(self, lines: list[UnitStatus], summary: str) -> None:
        self._lines = lines
        self.summary.setText(summary)
        self.empty_hint.setVisible(not lines)
        self._show()

    def update_line(self, line: UnitStatus) -> None:
        """A unit's line again, now with its report's figures."""
        self._lines = [line if s.report_id == line.report_id else s for s in self._lines]
        self.table.update_line(line)

    def lines(self) -> list[UnitStatus]:
        return list(self._lines)

    def _show(self) -> None:
        kind = self.kind.currentText()
        shown = [s for s in self._lines if kind == ALL_KINDS or s.unit.kind.value == kind]
        self.table.set_lines(shown)

    def _open(self, row: int, editable: bool) -> None:
        line = self.table.line_at(row) if row >= 0 else None
        if line is not None and line.report_id is not None:
            self.sig_open_requested.emit(line.report_id, editable)

    def selected_units(self) -> list[UnitStatus]:
        return self.table.selected_lines()
