"""Runs the checks when the 检查 tab is shown, applies the safe fixes, and goes to findings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from fazhi_desktop.core.model import Report
from fazhi_desktop.storage.backups import make_backup
from fazhi_desktop.storage.database import StorageError
from fazhi_desktop.ui.checks.check_actions import (
    apply_safe_fixes,
    apply_some_fixes,
    ignored_keys,
    run_checks,
    set_ignored,
    undo_fixes,
)
from fazhi_desktop.ui.common.long_task import Cancelled
from fazhi_desktop.ui.window.report_view import ReportView

if TYPE_CHECKING:
    from fazhi_desktop.core.checks.finding import Finding
    from fazhi_desktop.ui.checks.check_panel import CheckPanel


class CheckController(QObject):
    """Connects the view's :class:`CheckPanel` to core.checks and the store."""

    sig_message = Signal(str)
    """A short Chinese message for the status bar."""

    def __init__(self, view: ReportView, db_path: Path) -> None:
        super().__init__(view)
        self.view = view
        self.db_path = db_path
        self._before_fix: Report | None = None  # the report before the last fix, for 撤销修正
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.view.sig_checks_built.connect(self._connect_panel)  # the 检查 list is made when first shown
        self.view.currentChanged.connect(self._on_tab)

    def _connect_panel(self, panel: CheckPanel) -> None:
        panel.sig_recheck_requested.connect(self.recheck)
        panel.sig_fix_requested.connect(self.fix)
        panel.sig_fix_some_requested.connect(self.fix_some)
        panel.sig_undo_fix_requested.connect(self.undo_fix)
        panel.sig_goto_requested.connect(self.view.goto)
        panel.sig_ignore_requested.connect(self.ignore)
        panel.sig_unignore_requested.connect(self.unignore_all)

    def _on_tab(self, _index: int) -> None:
        if self.view.checks_shown():
            self.recheck()

    def recheck(self) -> None:
        """Check the stored report (pending typing is saved first)."""
        if self.view.report_id is None:
            return
        self.view.autosaver.flush()
        try:
            report, findings = run_checks(self.view.store, self.view.report_id, self.view.window())
        except Cancelled:
            self.sig_message.emit("已取消检查；点“重新检查”可再次检查。")
            return
        ignored = len(ignored_keys(self.view.store, self.view.report_id))
        self.view.checks.set_findings(findings, report, ignored)

    def ignore(self, key: str) -> None:
        """Remember an intentional exception for this report and check again."""
        if self.view.report_id is not None:
            keys = ignored_keys(self.view.store, self.view.report_id) | {key}
            set_ignored(self.view.store, self.view.report_id, keys)
            self.recheck()

    def unignore_all(self) -> None:
        if self.view.report_id is not None:
            set_ignored(self.view.store, self.view.report_id, frozenset())
            self.recheck()

    def fix(self) -> None:
        """Apply every safe fix after a backup, show the new texts, check again."""
        self._fix(lambda report_id: apply_safe_fixes(self.view.store, report_id))

    def fix_some(self, findings: list[Finding]) -> None:
        """修正所选 / 修正同类."""
        self._fix(lambda report_id: apply_some_fixes(self.view.store, report_id, findings))

    def _fix(self, apply: Callable[[int], tuple[Report, int]]) -> None:
        report_id = self.view.report_id
        if report_id is None:
            return
        self.view.autosaver.flush()
        try:
            make_backup(self.view.store.db, self.db_path, "自动修正")
        except StorageError as exc:
            self.sig_message.emit(str(exc))
            return
        self._before_fix, changed = apply(report_id)
        self._reload(report_id)
        self.view.checks.undo_fix.setEnabled(changed > 0)
        self.sig_message.emit(f"已自动修正 {changed} 处文字（修正前已备份，可点“撤销修正”）")

    def undo_fix(self) -> None:
        """撤销修正: the texts as they were before the last fix."""
        report_id = self.view.report_id
        if self._before_fix is None or report_id is None or report_id != self._before_fix.id:
            return
        self.view.autosaver.flush()
        try:
            changed = undo_fixes(self.view.store, self._before_fix)
        except ValueError:
            self.sig_message.emit("修正之后章节或条目已有增删，无法撤销修正；可从备份恢复。")
            return
        self._before_fix = None
        self._reload(report_id)
        self.view.checks.undo_fix.setEnabled(False)
        self.sig_message.emit(f"已撤销修正（恢复了 {changed} 处文字）")

    def _reload(self, report_id: int) -> None:
        self.view.load(report_id)
        self.view.setCurrentWidget(self.view.checks)  # rechecks
