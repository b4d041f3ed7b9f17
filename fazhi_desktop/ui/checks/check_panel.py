"""The 检查 tab: the proofreading findings (core.checks) with their place; double-click goes there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
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

from fazhi_desktop.core.model import Report
from fazhi_desktop.ui.window.read_only import mark_safe

if TYPE_CHECKING:  # core.checks loads with the first check (see ui.check_actions)
    from fazhi_desktop.core.checks import Finding

INDEX_ROLE = 0x0100  # Qt.ItemDataRole.UserRole
SEVERITY_COLOURS = {"错误": "#b00020", "警告": "#8a5a00", "提示": "#555555"}  # by Severity value


class CheckPanel(QWidget):
    """Lists findings; emits where the user wants to go and whether to apply the safe fixes."""

    sig_recheck_requested = Signal()
    """重新检查 was clicked."""

    sig_fix_requested = Signal()
    """自动修正 was clicked (the window applies core.checks.fix_all)."""

    sig_ignore_requested = Signal(str)
    """忽略: hide the finding with this key for this report from now on."""

    sig_unignore_requested = Signal()
    """恢复已忽略: show every ignored finding again."""

    sig_fix_some_requested = Signal(object)
    """修正所选 / 修正同类: apply the safe fixes of this list of findings."""

    sig_undo_fix_requested = Signal()
    """撤销修正: put back the texts as they were before the last fix."""

    sig_goto_requested = Signal(object)
    """Show the place of this :class:`~fazhi_desktop.core.checks.Finding`, its text selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []
        self.read_only = False  # viewing only: findings are listed, nothing is fixed or ignored
        self.summary = QLabel()
        self.recheck = QPushButton("重新检查")
        mark_safe(self.recheck)  # checking only reads
        self.fix = QPushButton("自动修正")
        self.fix.setToolTip("只修正有把握的问题（如法规名称、标点、多余空格）；需要判断的问题请逐条处理")
        self.ignore = QPushButton("忽略所选")
        self.ignore.setToolTip("确认所选问题是有意为之（不是错误），以后不再提示")
        self.unignore = QPushButton("恢复已忽略")
        self.fix_one = QPushButton("修正所选")
        self.fix_rule = QPushButton("修正同类")
        self.fix_rule.setToolTip("修正与所选问题同一类的全部问题")
        self.undo_fix = QPushButton("撤销修正")
        self.undo_fix.setEnabled(False)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(["级别", "位置", "原文", "问题和建议"])
        self.list.setRootIsDecorated(False)
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.ignore)
        row.addWidget(self.unignore)
        row.addWidget(self.fix_one)
        row.addWidget(self.fix_rule)
        row.addWidget(self.fix)
        row.addWidget(self.undo_fix)
        row.addWidget(self.recheck)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        layout.addWidget(QLabel("双击一条问题可跳到报告中的位置（原文选中）；正文中的问题也用波浪线标出，右键可修正。"))
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.recheck.clicked.connect(self.sig_recheck_requested)
        self.fix.clicked.connect(self.sig_fix_requested)
        self.list.itemActivated.connect(self._on_activated)
        self.ignore.clicked.connect(self._on_ignore)
        self.unignore.clicked.connect(self.sig_unignore_requested)
        self.fix_one.clicked.connect(lambda: self._emit_fixes(same_rule=False))
        self.fix_rule.clicked.connect(lambda: self._emit_fixes(same_rule=True))
        self.undo_fix.clicked.connect(self.sig_undo_fix_requested)
        self.list.itemSelectionChanged.connect(self._update_fix_buttons)

    def set_findings(self, findings: list[Finding], report: Report, ignored: int = 0) -> None:
        from fazhi_desktop.core.checks import fixable, severity_counts
        from fazhi_desktop.core.checks.describe import describe_location

        # grouped by severity (错误, 警告, 提示), in report order within each group
        findings = sorted(findings, key=lambda f: f.severity.rank)
        self.findings = findings
        self.list.clear()
        for i, finding in enumerate(findings):
            fix = ""
            if finding.fix is not None:
                fix = f"（可自动修正为“{finding.fix}”）" if finding.fix else "（可自动删除）"
            item = QTreeWidgetItem([
                finding.severity.value, describe_location(finding.location, report, bool(finding.text)),
                finding.text.strip()[:30], finding.message + fix,
            ])
            item.setForeground(0, QBrush(QColor(SEVERITY_COLOURS[finding.severity])))
            item.setToolTip(3, finding.message + fix)
            item.setData(0, INDEX_ROLE, i)
            self.list.addTopLevelItem(item)
        self.list.resizeColumnToContents(1)
        counts = severity_counts(findings)
        self.summary.setText("没有发现问题。" if not findings else
                             "　".join(f"{s.value} {n} 处" for s, n in counts.items() if n))
        can_fix = len(fixable(findings))
        self.fix.setText(f"自动修正（{can_fix}处）" if can_fix else "自动修正")
        self.fix.setEnabled(can_fix > 0 and not self.read_only)
        self.ignore.setEnabled(bool(findings) and not self.read_only)
        self.unignore.setVisible(ignored > 0)
        self.unignore.setText(f"恢复已忽略（{ignored}条）")
        self._update_fix_buttons()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for button in (self.fix, self.ignore, self.unignore, self.fix_one, self.fix_rule, self.undo_fix):
            button.setEnabled(not read_only and button is not self.undo_fix)
        self._update_fix_buttons()

    def selected(self) -> Finding | None:
        item = self.list.currentItem()
        if item is None or not item.isSelected():
            return None
        return self.findings[int(item.data(0, INDEX_ROLE))]

    def _same_rule(self, finding: Finding) -> list[Finding]:
        return [f for f in self.findings if f.rule == finding.rule and f.fix is not None]

    def _update_fix_buttons(self) -> None:
        chosen = self.selected()
        self.fix_one.setEnabled(chosen is not None and chosen.fix is not None and not self.read_only)
        same = self._same_rule(chosen) if chosen is not None else []
        self.fix_rule.setEnabled(len(same) > 1 and not self.read_only)
        self.fix_rule.setText(f"修正同类（{len(same)}处）" if len(same) > 1 else "修正同类")

    def _emit_fixes(self, same_rule: bool) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.fix is not None:
            self.sig_fix_some_requested.emit(self._same_rule(chosen) if same_rule else [chosen])

    def _on_ignore(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.sig_ignore_requested.emit(self.findings[int(item.data(0, INDEX_ROLE))].key)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.sig_goto_requested.emit(self.findings[int(item.data(0, INDEX_ROLE))])
