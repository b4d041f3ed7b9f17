"""收取报告: choose what arrived (a folder or files) and the day it arrived; every file's outcome is listed,
and a file that was not taken (unmatched, one of several, a unit that already has a report) can be assigned
to a unit by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate, QSize
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
from fazhi_desktop.ui.common.screen_fit import fit_dialog

Collect = Callable[[list[Path], dt.date, QWidget], CollectResult]
Assign = Callable[[Path, str, dt.date, bool], FileOutcome]
_ASSIGNABLE = (Outcome.UNMATCHED, Outcome.CONFLICT, Outcome.EXISTS, Outcome.SET_ASIDE, Outcome.CANCELLED)


class CollectDialog(QDialog):
    """Runs a collection through ``collect`` and hand assignments through ``assign`` (the controller's)."""

    def __init__(self, year: int, units: list[str], collect: Collect, assign: Assign,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"收取{year}年度报告")
        self._collect, self._assign = collect, assign
        self.received = QDateEdit(QDate.currentDate())
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy年M月d日")
        self.choose_folder = QPushButton("选择文件夹…")
        self.choose_files = QPushButton("选择文件…")
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["文件", "结果", "单位", "说明"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())
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
        self.open_file = QPushButton("打开所选文件")
        self.open_file.setToolTip("用 WPS/Word 或记事本打开所选文件查看（例如比较同一单位的几个版本）")
        self.open_file.setEnabled(False)
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
        bottom.addWidget(self.open_file)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
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
        self.open_file.clicked.connect(self.open_selected)
        self.outcomes: list[FileOutcome] = []
        self._versions: dict[str, set[int]] = {}
        fit_dialog(self, QSize(940, 560))

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
        """Collect ``paths`` (the window stays responsive, 取消 stops between files) and list every file's outcome."""
        try:
            result = self._collect(paths, self.received_on(), self)
        except Exception as exc:  # a StorageError or a Chinese ValueError from the collection
            Dialogs.warn(self, "无法收取", str(exc))
            return None
        self.outcomes = list(result.outcomes)
        self._versions = {}  # unit → the rows of its several versions in this batch
        for row, outcome in enumerate(self.outcomes):
            if outcome.outcome is Outcome.CONFLICT:
                self._versions.setdefault(outcome.unit, set()).add(row)
        self._fill()
        taken = sum(1 for o in result.outcomes if o.taken)
        cancelled = result.count(Outcome.CANCELLED)
        refused = len(result.refused) - cancelled
        text = f"共{len(result.outcomes)}个文件：导入{taken}个，未导入{refused}个"
        if cancelled:
            text = f"已取消收取。{text}，因取消未处理{cancelled}个（可再次收取，已导入的不会重复导入）"
        self.summary.setText(text + ("。未导入的文件可选中后指定单位导入。" if refused else "。"))
        return result

    def _fill(self) -> None:
        self.table.setRowCount(len(self.outcomes))
        for row, outcome in enumerate(self.outcomes):
            texts = [outcome.path.name, outcome.outcome.value, outcome.unit, outcome.reason]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(str(outcome.path) if column == 0 else text)
                self.table.setItem(row, column, item)
        for column in range(3):
            self.table.resizeColumnToContents(column)
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 280))
        self.table.resizeRowsToContents()  # the 说明 column wraps within the dialog

    def _on_selection(self) -> None:
        row = self.table.currentRow()
        outcome = self.outcomes[row] if 0 <= row < len(self.outcomes) else None
        kind = outcome.outcome if outcome is not None else None
        self.assign.setEnabled(kind in _ASSIGNABLE)
        self.open_file.setEnabled(outcome is not None and outcome.path.is_file())
        if outcome is not None and (outcome.unit or outcome.candidates):
            self.unit.setCurrentText(outcome.unit or outcome.candidates[0])
        # one version of several: 选用 it; one set aside: 改用 it instead of the chosen one (after a backup)
        self.assign.setText({Outcome.CONFLICT: "选用这个版本", Outcome.SET_ASIDE: "改用这个版本（替换已选用的）"}.get(
            kind, "把所选文件导入为该单位的报告") if kind is not None else "把所选文件导入为该单位的报告")
        self.replace.setChecked(kind in (Outcome.EXISTS, Outcome.SET_ASIDE))

    def open_selected(self) -> bool:
        """Open the selected received file in the program the system uses for it."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        row = self.table.currentRow()
        if not 0 <= row < len(self.outcomes):
            return False
        path = self.outcomes[row].path
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        if not opened:
            Dialogs.warn(self, "无法打开", f"没有能打开 {path.name} 的程序。")
        return bool(opened)

    def assign_selected(self) -> FileOutcome | None:
        """Import the selected file as the chosen unit's report; for one of several versions of a unit's
        report the others are then listed as 未选用 (and one of them can be chosen instead)."""
        row = self.table.currentRow()
        if not 0 <= row < len(self.outcomes) or not self.unit.currentText():
            return None
        chosen = self.outcomes[row]
        done = self._assign(chosen.path, self.unit.currentText(), self.received_on(), self.replace.isChecked())
        if done.outcome is Outcome.IMPORTED:
            self.outcomes[row] = done
            self._set_aside_others(row, done)
        elif done.outcome is Outcome.EXISTS:
            Dialogs.warn(self, "未导入", f"{done.reason}。\n\n要用这个文件替换它，请勾选“替换该单位已有的报告”"
                                        "后再导入（替换前自动备份数据文件）。")
        elif done.outcome is not Outcome.CANCELLED:
            Dialogs.warn(self, "未导入", done.reason)
        self._fill()
        self.table.selectRow(row)
        self._on_selection()  # the same row stays selected: no signal, yet its state changed
        return done

    def _set_aside_others(self, row: int, done: FileOutcome) -> None:
        """The unit's other versions of this batch: not imported, and one click away from being chosen."""
        versions = self._versions.get(done.unit, set())
        if row not in versions:
            return
        for index in versions - {row}:
            other = self.outcomes[index]
            self.outcomes[index] = FileOutcome(other.path, Outcome.SET_ASIDE, done.unit, (
                f"已选用“{done.path.name}”；要改用这个版本，选中后点“改用这个版本”"))
        self.outcomes[row] = FileOutcome(done.path, done.outcome, done.unit,
                                         "；".join(t for t in ("已选用这个版本", done.reason) if t))
