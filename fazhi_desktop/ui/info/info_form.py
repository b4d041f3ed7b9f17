"""The 基本信息 tab: a form generated from core.schema REPORT_FIELDS and UNIT_FIELDS."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fazhi_desktop.core.model import Report
from fazhi_desktop.core.schema import REPORT_FIELDS, UNIT_FIELDS, FieldKind, FieldSpec
from fazhi_desktop.ui.info.field_editor import FieldEditor
from fazhi_desktop.ui.window.report_texts import deadline_lines, status_dates_text

LEFT_GROUPS = ("单位", "基本信息")
GROUP_TITLES = {"单位": "单位", "基本信息": "报告", "落款": "落款", "版头": "版头（红头文件时填写）",
                "版记": "版记", "状态": "状态与时限"}


def _groups(specs: tuple[FieldSpec, ...]) -> dict[str, list[FieldSpec]]:
    groups: dict[str, list[FieldSpec]] = {}
    for spec in specs:
        groups.setdefault(spec.group, []).append(spec)
    return groups


class InfoForm(QScrollArea):
    """Every report and unit field, one editor each; edits are emitted, never written here."""

    sig_report_field_edited = Signal(str, object, object)
    """(key, before, after): a report field (key of REPORT_FIELDS, not status) changed to a valid value."""

    sig_unit_field_edited = Signal(str, object, object)
    """(key, before, after): a unit field (key of UNIT_FIELDS) changed to a valid value."""

    sig_status_edited = Signal(object)
    """The user picked another :class:`~fazhi_desktop.core.model.Status`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.report_editors: dict[str, FieldEditor] = {}
        self.unit_editors: dict[str, FieldEditor] = {}
        self._report: Report | None = None
        body = QWidget()
        columns = QHBoxLayout(body)
        self.left, self.right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(self.left, 1)
        columns.addLayout(self.right, 1)
        self.year_label = QLabel()
        self.status_dates = QLabel()
        self.status_dates.setWordWrap(True)
        self.deadlines = QLabel()
        self.reset_title = QPushButton("恢复自动标题")
        self.reset_title.setToolTip("清空自定义标题，使用“单位＋年度＋法治政府建设情况报告”")
        self._add_group("单位", UNIT_FIELDS, self.unit_editors, self.sig_unit_field_edited)
        for group, specs in _groups(REPORT_FIELDS).items():
            self._add_group(group, tuple(specs), self.report_editors, self.sig_report_field_edited)
        self.left.addStretch(1)
        self.right.addStretch(1)
        self.setWidget(body)
        self._connect_signals()

    def _add_group(self, group: str, specs: tuple[FieldSpec, ...], editors: dict[str, FieldEditor],
                   signal: Any) -> None:
        box = QGroupBox(GROUP_TITLES.get(group, group))
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        if group == "基本信息":
            form.addRow("报告年度", self.year_label)
        for spec in specs:
            editor = FieldEditor(spec)
            editors[spec.key] = editor
            if spec.kind is FieldKind.STATUS:
                editor.sig_value_edited.connect(self.sig_status_edited)
            else:
                editor.sig_value_edited.connect(
                    lambda value, key=spec.key, e=editor: signal.emit(key, e.before, value))
            if spec.key == "title_override":
                row = QHBoxLayout()
                row.addWidget(editor, 1)
                row.addWidget(self.reset_title)
                form.addRow(spec.label, row)
            else:
                form.addRow(spec.label, editor)
        if group == "状态":
            form.addRow("状态记录", self.status_dates)
            form.addRow("截止时间", self.deadlines)
        (self.left if group in LEFT_GROUPS else self.right).addWidget(box)

    def _connect_signals(self) -> None:
        self.reset_title.clicked.connect(self._on_reset_title)
        self.unit_editors["short_name"].sig_value_edited.connect(self.show_unit_name)

    # ---- showing ----------------------------------------------------------------------------
    def set_report(self, report: Report) -> None:
        """Show ``report`` in every editor (emits nothing)."""
        self._report = report
        for spec in REPORT_FIELDS:
            self.report_editors[spec.key].set_value(getattr(report, spec.attr))
        for spec in UNIT_FIELDS:
            self.unit_editors[spec.key].set_value(getattr(report.unit, spec.attr))
        self.year_label.setText(f"{report.year}年度（报送、公开截止均在{report.year + 1}年）")
        self._show_derived(report)

    def _show_derived(self, report: Report) -> None:
        self.report_editors["title_override"].set_placeholder(f"自动：{report.generated_title}")
        self.status_dates.setText(status_dates_text(report))
        self.deadlines.setText("\n".join(deadline_lines(report)))

    def show_status(self, report: Report) -> None:
        """After a status change: the status and its dates."""
        self._report = report
        self.report_editors["status"].set_value(report.status)
        self._show_derived(report)

    def _on_reset_title(self) -> None:
        editor = self.report_editors["title_override"]
        before = editor.shown
        editor.set_value("")
        self.sig_report_field_edited.emit("title_override", before, "")

    def show_unit_name(self, value: object) -> None:
        """The unit's short name is now ``value`` (typed, replaced or undone): the automatic title follows."""
        if self._report is not None and isinstance(value, str) and value:
            self._report = replace(self._report, unit=replace(self._report.unit, short_name=value))
            self._show_derived(self._report)
