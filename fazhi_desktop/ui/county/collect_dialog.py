"""收取报告: choose what arrived (a folder or files) and the day it arrived; every file's outcome is listed,
and a file that was not taken (unmatched, one of several, a unit that already has a report) can be assigned
to a unit by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fazhi_desktop.county.collect import CollectResult, FileOutcome, Outcome
from fazhi_desktop.ui.common.dialogs import Dialogs

Collect = Callable[[list[Path], dt.date], CollectResult]
Assign = Callable[[Path, str, dt.date, bool], FileOutcome]
_ASSIGNABLE = (Outcome.UNMATCHED, Outcome.CONFLICT, Outcome.EXISTS)


class CollectDialog(QDialog):
    """Runs a collection through ``collect`` and hand assignments through ``assign`` (the controller's)."""

    def __init__(self, year: int, units: list[str], collect: Collect, assign: Assign,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"收取{year}年度报告")
        self.resize(900, 560)
        self._collect, self._assign = collect, assign
        self.received = QDateEdit(QDate.currentDate())
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy年M月d日")
        self.choose_folder = QPushButton("选择文件夹…")
        self.choose_files = QPushButton("选择文件…")
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["文件", "结果", "单位", "说明"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.summary = QLabel("选择收到的 .fzbg、.docx、.txt 文件或所在文件夹。")
        self.summary.setWordWrap(True)
        self.unit = QComboBox()
        self.unit.addItems(units)
        self.replace = QCheckBox("替换该单位已有的报告（替换前自动备份）")
        self.assign = QPushButton("把所选文件导入为该单位的报告")
        self.assign.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(QLabel("收到日期"))
        top.addWidget(self.received)
        top.addWidget(self.choose_folder)
        top.addWidget(self.choose_files)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel("指定单位"))
        bottom.addWidget(self.unit)
        bottom.addWidget(self.replace)
        bottom.addWidget(self.assign)
        bottom.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(close)
        close.rejected.connect(self.reject)
        self.choose_folder.clicked.connect(self._pick_folder)
        self.choose_files.clicked.connect(self._pick_files)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.assign.clicked.connect(self.assign_selected)
        self.outcomes: list[FileOutcome] = []

    def received_on(self) -> dt.date:
        q = self.received.date()
        return dt.date(q.year(), q.month(), q.day())

    def _pick_folder(self) -> None:
        folder = Dialogs.ask_directory(self, "选择收到报告的文件夹")
        if folder is not None:
            self.run([folder])

    def _pick_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "选择收到的报告", "", "报告 (*.fzbg *.docx *.txt);;所有文件 (*)")
        if names:
            self.run([Path(n) for n in names])

    def run(self, paths: list[Path]) -> CollectResult | None:
        """Collect ``paths`` and list every file's outcome."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # 80 files take a few seconds
        try:
            result = self._collect(paths, self.received_on())
        except Exception as exc:  # a StorageError or a Chinese ValueError from the collection
            QGuiApplication.restoreOverrideCursor()
            Dialogs.warn(self, "无法收取", str(exc))
            return None
        QGuiApplication.restoreOverrideCursor()
        self.outcomes = list(result.outcomes)
        self._fill()
        taken = sum(1 for o in result.outcomes if o.taken)
        self.summary.setText(f"共{len(result.outcomes)}个文件：导入{taken}个，未导入{len(result.refused)}个"
                             + ("。未导入的文件可选中后指定单位导入。" if result.refused else "。"))
        return result

    def _fill(self) -> None:
        self.table.setRowCount(len(self.outcomes))
        for row, outcome in enumerate(self.outcomes):
            texts = [outcome.path.name, outcome.outcome.value, outcome.unit, outcome.reason]
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 280))

    def _on_selection(self) -> None:
        row = self.table.currentRow()
        outcome = self.outcomes[row] if 0 <= row < len(self.outcomes) else None
        self.assign.setEnabled(outcome is not None and outcome.outcome in _ASSIGNABLE)
        if outcome is not None and (outcome.unit or outcome.candidates):
            self.unit.setCurrentText(outcome.unit or outcome.candidates[0])
        self.replace.setChecked(outcome is not None and outcome.outcome is Outcome.EXISTS)

    def assign_selected(self) -> FileOutcome | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.outcomes) or not self.unit.currentText():
            return None
        done = self._assign(self.outcomes[row].path, self.unit.currentText(), self.received_on(),
                            self.replace.isChecked())
        if done.outcome is Outcome.IMPORTED:
            self.outcomes[row] = done  # the unit's other versions stay listed as they were
        else:
            Dialogs.warn(self, "未导入", done.reason)
        self._fill()
        self.table.selectRow(row)
        return done
