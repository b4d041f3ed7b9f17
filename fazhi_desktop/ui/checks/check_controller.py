"""Runs the checks when the 检查 tab is shown, applies the safe fixes, and goes to findings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from fazhi_desktop.core.model import Report
from fazhi_desktop.storage.backups import make_backup
from fazhi_desktop.storage.database import StorageError
from fazhi_desktop.ui.checks.check_actions import (
    ignored_keys,
    options_for,
    run_checks,
    safe_fixes,
    set_ignored,
    some_fixes,
)
from fazhi_desktop.ui.common.long_task import Cancelled
from fazhi_desktop.ui.window.report_view import ReportView

if TYPE_CHECKING:
    from fazhi_desktop.core.checks.finding import Finding
    from fazhi_desktop.ui.chapter.chapter_editor import ChapterEditor
    from fazhi_desktop.ui.checks.check_panel import CheckPanel
    from fazhi_desktop.ui.checks.finding_marks import Mark
    from fazhi_desktop.ui.checks.fix_record import FixRecord
    from fazhi_desktop.ui.edit.change_command import Change


QUIET_AFTER_MS = 1500
QUIET_LIMIT = 60_000  # characters: a check of this many takes about 0.15 s


class CheckController(QObject):
    """Connects the view's :class:`CheckPanel` to core.checks and the store."""

    sig_message = Signal(str)
    """A short Chinese message for the status bar."""

    def __init__(self, view: ReportView, db_path: Path) -> None:
        super().__init__(view)
        self.view = view
        self.db_path = db_path
        self._last_fix: FixRecord | None = None  # for 撤销修正
        self._marks: dict[int, dict[int, list[Mark]]] = {}  # the last check's findings in the bodies
        self._quiet = QTimer(self)  # a check without the 检查 tab after typing pauses, for the marks
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_AFTER_MS)
        self._quiet.timeout.connect(self.quiet_check)
        self._stopped = False
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.view.sig_checks_built.connect(self._connect_panel)  # the 检查 list is made when first shown
        self.view.currentChanged.connect(self._on_tab)
        self.view.sig_editor_built.connect(self._on_editor_built)
        self.view.autosaver.sig_saved.connect(lambda _when: self._stopped or self._quiet.start())

    def _connect_panel(self, panel: CheckPanel) -> None:
        panel.sig_recheck_requested.connect(self.recheck)
        panel.sig_fix_requested.connect(self.fix)
        panel.sig_fix_some_requested.connect(self.fix_some)
        panel.sig_undo_fix_requested.connect(self.undo_fix)
        panel.sig_goto_requested.connect(lambda f: self.view.goto(f.location, len(f.text)))
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
        self.show_marks(findings)

    def show_marks(self, findings: Sequence[Finding]) -> None:
        """Underline ``findings`` in the chapters' body text boxes."""
        from fazhi_desktop.ui.checks.finding_marks import marks_by_chapter  # with the text boxes (Qt's enums)

        self._marks = marks_by_chapter(findings)
        for editor in self.view.built_editors():
            editor.set_marks(self._marks.get(editor.chapter_id, {}))

    def _on_editor_built(self, editor: ChapterEditor) -> None:
        editor.set_marks(self._marks.get(editor.chapter_id, {}))
        self._quiet.start()

    def stop(self) -> None:
        """The window closes: no more checks in the background."""
        self._quiet.stop()
        self._stopped = True

    def quiet_check(self) -> None:
        """Check the stored report for the marks in the text, without the 检查 tab (small reports only:
        the clerk must not wait; a big one is marked when 检查 runs)."""
        if (self._stopped or self.view.report_id is None or self.view.read_only
                or not self.view.built_editors()):
            return
        from fazhi_desktop.core.checks import check_report

        self.view.autosaver.flush()  # what is in the text boxes
        self._quiet.stop()
        report = self.view.store.load_report(self.view.report_id)
        if report.char_count() <= QUIET_LIMIT:
            self.show_marks(check_report(report, options_for(self.view.store, self.view.report_id)))

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
        self._fix(lambda report: safe_fixes(self.view.store, report))

    def fix_some(self, findings: list[Finding]) -> None:
        """修正所选 / 修正同类."""
        self._fix(lambda report: some_fixes(report, findings))

    def _fix(self, changes_of: Callable[[Report], Sequence[Change]]) -> None:
        """The fixes as one undo step (after a backup of the data file), then check again."""
        report_id = self.view.report_id
        if report_id is None:
            return
        self.view.autosaver.flush()
        try:
            make_backup(self.view.store.db, self.db_path, "自动修正")
        except StorageError as exc:
            self.sig_message.emit(str(exc))
            return
        from fazhi_desktop.ui.checks.fix_record import FixRecord  # (and difflib): with the first fix

        record = FixRecord(tuple(changes_of(self.view.store.load_report(report_id))))
        command = self.view.history.push("自动修正", record.changes, on_state=record.set_applied)
        if command is not None:
            record.index = self.view.undo_stack.index()
            self._last_fix = record
        self._recheck_here()
        self.view.checks.undo_fix.setEnabled(command is not None)
        if command is not None:  # else the history said why nothing was written
            self.sig_message.emit(f"已自动修正 {record.edit_count()} 处文字（修正前已备份；可点“撤销修正”或按 Ctrl+Z）")

    def undo_fix(self) -> None:
        """撤销修正: exactly the last fix's own changes, never another edit."""
        record = self._last_fix
        if record is None or self.view.report_id is None:
            return
        from fazhi_desktop.ui.checks.fix_record import take_back

        message = take_back(self.view.history, record)
        self._last_fix = None
        self._recheck_here()
        self.view.checks.undo_fix.setEnabled(False)
        self.sig_message.emit(message)

    def forget_fix(self) -> None:
        """Another report was opened: its history is gone, so is 撤销修正 (and the old marks)."""
        self._last_fix = None
        self._marks = {}
        if self.view.checks_built():
            self.view.checks.undo_fix.setEnabled(False)

    def _recheck_here(self) -> None:
        if self.view.checks_shown():
            self.recheck()
        else:
            self.view.setCurrentWidget(self.view.checks)  # rechecks
