"""Runs the checks when the 检查 tab is shown, applies the safe fixes, and goes to findings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from fazhi_desktop.storage.backups import make_backup
from fazhi_desktop.storage.database import StorageError
from fazhi_desktop.ui.check_actions import apply_safe_fixes, ignored_keys, run_checks, set_ignored
from fazhi_desktop.ui.report_view import ReportView


class CheckController(QObject):
    """Connects the view's :class:`CheckPanel` to core.checks and the store."""

    sig_message = Signal(str)
    """A short Chinese message for the status bar."""

    def __init__(self, view: ReportView, db_path: Path) -> None:
        super().__init__(view)
        self.view = view
        self.db_path = db_path
        self._connect_signals()

    def _connect_signals(self) -> None:
        panel = self.view.checks
        panel.sig_recheck_requested.connect(self.recheck)
        panel.sig_fix_requested.connect(self.fix)
        panel.sig_goto_requested.connect(self.view.goto)
        panel.sig_ignore_requested.connect(self.ignore)
        panel.sig_unignore_requested.connect(self.unignore_all)
        self.view.currentChanged.connect(self._on_tab)

    def _on_tab(self, _index: int) -> None:
        if self.view.currentWidget() is self.view.checks:
            self.recheck()

    def recheck(self) -> None:
        """Check the stored report (pending typing is saved first)."""
        if self.view.report_id is None:
            return
        self.view.autosaver.flush()
        report, findings = run_checks(self.view.store, self.view.report_id)
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
        report_id = self.view.report_id
        if report_id is None:
            return
        self.view.autosaver.flush()
        try:
            make_backup(self.view.store.db, self.db_path, "自动修正")
        except StorageError as exc:
            self.sig_message.emit(str(exc))
            return
        changed = apply_safe_fixes(self.view.store, report_id)
        self.view.load(report_id)
        self.view.setCurrentWidget(self.view.checks)  # rechecks
        self.sig_message.emit(f"已自动修正 {changed} 处文字（修正前已备份）")
