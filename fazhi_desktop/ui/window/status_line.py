"""The status bar's lasting texts: days to the deadline, characters, and whether everything is saved."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from fazhi_desktop.core.model import Report
from fazhi_desktop.ui.window.report_texts import char_count_text, deadline_reminder, window_title
from fazhi_desktop.ui.window.save_status import SaveStatus

if TYPE_CHECKING:
    from fazhi_desktop.ui.window.main_window import MainWindow


class StatusLine:
    """Keeps the window title and the status bar's 截止 / 字数 / 已保存 texts true."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.save_label = SaveStatus(window.autosaver, window.statusBar())  # 正在保存… / 已保存 / 未保存
        self.count_label = QLabel("")
        self.deadline_label = QLabel("")
        for label in (self.deadline_label, self.count_label, self.save_label):
            window.statusBar().addPermanentWidget(label)

    def _showing_report(self) -> bool:
        w = self.window
        return w.view.report_id is not None and w.pages.currentWidget() is w.view

    def show_report(self, report: Report) -> None:
        w = self.window
        w.setWindowTitle(window_title(report) + ("（只读）" if w.read_only else ""))
        self.deadline_label.setText(deadline_reminder(report))
        self.update_counts(report)

    def clear(self) -> None:
        self.deadline_label.setText("")
        self.count_label.setText("")

    def update_counts(self, report: Report | None = None) -> None:
        if not self._showing_report():
            self.count_label.setText("")
            return
        report = report or self.window.view.report()
        editor = self.window.view.current_editor()
        self.count_label.setText(char_count_text(report.char_count(), editor.char_count() if editor else None))

    def saved(self, when: str = "") -> None:
        """Everything is in the data file (now, or at ``when``)."""
        self.save_label.setText(f"已保存 {when or dt.datetime.now().strftime('%H:%M:%S')}")
        if self._showing_report():
            self.show_report(self.window.view.report())  # the unit name may have changed
