"""新建报告: unit, year and template for a new report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fazhi_desktop.core.templates import load_template, template_keys
from fazhi_desktop.ui.common.screen_fit import fit_dialog


@dataclass(frozen=True)
class NewReportChoice:
    unit: str
    year: int
    template: str


def suggested_year(today: dt.date | None = None) -> int:
    """The year a clerk most likely reports on: last year until the end of March, else this year."""
    today = today or dt.date.today()
    return today.year - 1 if today.month <= 3 else today.year


class NewReportDialog(QDialog):
    """Asks for the unit (existing or new), the year and the chapter template."""

    def __init__(self, units: list[str], year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("新建报告")
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItems(units)
        self.unit.setToolTip("选择已有单位，或输入新的单位简称，如：千佛镇、城关街道")
        line = self.unit.lineEdit()
        if line is not None:
            line.setPlaceholderText("单位简称，如：千佛镇")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.year.setSuffix(" 年度")
        self.templates = QButtonGroup(self)
        form = QFormLayout()
        form.addRow("单位", self.unit)
        form.addRow("报告年度", self.year)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("章节结构："))
        for i, key in enumerate(template_keys()):
            template = load_template(key)
            radio = QRadioButton(template.name)
            radio.setProperty("template_key", key)
            radio.setChecked(i == 0)
            self.templates.addButton(radio, i)
            note = QLabel(template.description)
            note.setWordWrap(True)
            note.setIndent(24)
            layout.addWidget(radio)
            layout.addWidget(note)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_dialog(self)

    def choice(self) -> NewReportChoice:
        checked = self.templates.checkedButton()
        key = str(checked.property("template_key")) if checked is not None else "statutory"
        return NewReportChoice(self.unit.currentText().strip(), self.year.value(), key)

    def _accept(self) -> None:
        if not self.choice().unit:
            self.error.setText("请填写单位简称")
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, units: list[str], year: int) -> NewReportChoice | None:
        """Show the dialog; the choice, or None when cancelled."""
        dialog = cls(units, year, parent)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
