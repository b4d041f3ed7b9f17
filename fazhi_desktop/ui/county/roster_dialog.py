"""导入名单: paste the names (or read a .txt/.csv/.xlsx), see the kind inferred for each, change it, confirm."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fazhi_desktop.core.county.roster import RosterEntry, RosterParse, parse_rows, parse_text, with_known
from fazhi_desktop.core.model import UnitKind
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.common.screen_fit import fit_dialog

_HOW = {"given": "按表中类型", "inferred": "按名称推断", "default": "无法推断，请选择",
        "known": "已有单位，沿用原有类型"}


class RosterDialog(QDialog):
    """The roster to add: names and kinds, each kind editable before anything is stored."""

    def __init__(self, county_name: str, parent: QWidget | None = None,
                 known: Mapping[str, UnitKind] | None = None) -> None:
        super().__init__(parent)
        self._known = dict(known or {})  # units the data file has: their kinds stay unless changed here
        self.setWindowTitle("导入应报送单位名单")
        self.county = QLineEdit(county_name)
        self.county.setPlaceholderText("如：渠县（用于县级部门的全称和本县报告）")
        self.paste = QPlainTextEdit()
        self.paste.setPlaceholderText(
            "每行一个单位名称，可直接从 Word/Excel 复制粘贴，例如：\n千佛镇\n石桥街道\n县司法局")
        self.from_file = QPushButton("从文件读取…")
        self.from_file.setToolTip("每行一个名称的 .txt，或 .csv/.xlsx 中“单位”“名称”一列")
        self.preview = QTableWidget(0, 3)
        self.preview.setHorizontalHeaderLabels(["单位", "类型", "依据"])
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #8a6d00;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("加入名单")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ok.setEnabled(False)
        county_row = QHBoxLayout()
        county_row.addWidget(QLabel("本县名称"))
        county_row.addWidget(self.county, 1)
        county_row.addWidget(self.from_file)
        layout = QVBoxLayout(self)
        layout.addLayout(county_row)
        layout.addWidget(self.paste, 2)
        layout.addWidget(QLabel("识别结果（类型可修改）："))
        layout.addWidget(self.preview, 3)
        layout.addWidget(self.notes)
        layout.addWidget(buttons)
        self.paste.textChanged.connect(lambda: self.show_parse(parse_text(self.paste.toPlainText())))
        self.from_file.clicked.connect(self._read_file)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._entries: tuple[RosterEntry, ...] = ()
        fit_dialog(self, QSize(720, 560))

    def show_parse(self, parsed: RosterParse) -> None:
        parsed = with_known(parsed, self._known)
        self._entries = parsed.entries
        self.preview.setRowCount(len(parsed.entries))
        for row, entry in enumerate(parsed.entries):
            self.preview.setItem(row, 0, QTableWidgetItem(entry.name))
            combo = QComboBox()
            combo.addItems([k.value for k in UnitKind])
            combo.setCurrentText(entry.kind.value)
            self.preview.setCellWidget(row, 1, combo)
            self.preview.setItem(row, 2, QTableWidgetItem(_HOW[entry.how]))
        self.preview.resizeColumnsToContents()
        self.notes.setText("\n".join(parsed.notes))
        self.ok.setEnabled(bool(parsed.entries))

    def _read_file(self) -> None:
        path = Dialogs.ask_open_file(self, "选择名单文件", "名单 (*.txt *.csv *.xlsx);;所有文件 (*)")
        if path is not None:
            self.load_file(path)

    def load_file(self, path: Path) -> None:
        from fazhi_desktop.importers.errors import ImportFileError
        from fazhi_desktop.importers.roster_file import read_rows

        try:
            parsed = parse_rows(read_rows(path))
        except (ImportFileError, ValueError) as exc:
            Dialogs.warn(self, "无法读取名单", str(exc))
            return
        self.paste.blockSignals(True)
        self.paste.setPlainText("\n".join(e.name for e in parsed.entries))
        self.paste.blockSignals(False)
        self.show_parse(parsed)

    def entries(self) -> list[RosterEntry]:
        """The names with the kinds as chosen in the table."""
        chosen = []
        for row, entry in enumerate(self._entries):
            combo = self.preview.cellWidget(row, 1)
            kind = UnitKind(combo.currentText()) if isinstance(combo, QComboBox) else entry.kind
            how = entry.how if kind is entry.kind else "given"
            chosen.append(RosterEntry(entry.name, kind, how))
        return chosen

    def county_name(self) -> str:
        return self.county.text().strip()
