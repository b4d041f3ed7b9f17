"""The 汇总 menu of the main window and what the 汇总 view's buttons do (roster, collect, open, review, table).

Import-light on purpose: the window makes this at start-up; the view, the county modules and the dialogs
are imported when the user first opens 汇总.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QPushButton, QToolBar, QWidget

from fazhi_desktop.ui.common.dialogs import Dialogs

if TYPE_CHECKING:
    from fazhi_desktop.core.county.status import ReportMetrics
    from fazhi_desktop.county.collect import CollectResult, FileOutcome
    from fazhi_desktop.storage.county import CountyStore
    from fazhi_desktop.ui.county.county_view import CountyView
    from fazhi_desktop.ui.window.main_window import MainWindow

VIEW_TITLE = "各单位报送汇总"


class CountyController(QObject):
    """Owns the 汇总 view (made on first use) inside the window's page stack."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._view: CountyView | None = None
        self._viewing: int | None = None  # the report opened read-only from the board
        menu = window.menuBar().addMenu("汇总(&S)")
        self.act_show = QAction(VIEW_TITLE + "…", window)
        self.act_show.setToolTip("县级用：各乡镇（街道）和县级部门的报告是否收到、是否按时、有什么问题")
        self.act_show.setShortcuts([QKeySequence("Ctrl+Shift+S")])
        self.act_show.triggered.connect(self.show)
        self.act_edit = QAction("允许编辑当前报告", window)
        self.act_edit.setEnabled(False)
        self.act_edit.triggered.connect(self.allow_editing)
        menu.addActions([self.act_show, self.act_edit])
        toolbar = window.findChild(QToolBar, "main_toolbar")
        if toolbar is not None:
            toolbar.addAction(self.act_show)
        self._banner: QLabel | None = None
        self._banner_button: QPushButton | None = None
        window.sig_report_opened.connect(self._on_report_opened)
        from fazhi_desktop.ui.county.board_figures import BoardFigures

        self.figures = BoardFigures(window, lambda: self.county)

    # ---- the view ---------------------------------------------------------------------------
    @property
    def county(self) -> CountyStore:
        from fazhi_desktop.storage.county import CountyStore

        return CountyStore(self.window.store)

    @property
    def view(self) -> CountyView:
        if self._view is None:
            from fazhi_desktop.ui.county.county_view import CountyView

            view = self._view = CountyView()
            self.window.pages.addWidget(view)
            view.sig_year_changed.connect(lambda _y: self.refresh())
            view.sig_open_requested.connect(self.open_report)
            view.sig_roster_requested.connect(self.import_roster)
            view.sig_collect_requested.connect(self.collect)
            view.sig_review_requested.connect(self.review)
            view.sig_table_requested.connect(self.export_table)
            view.sig_published_requested.connect(self.mark_published)
            self.figures.board.sig_computed.connect(self._on_figures)
            if self.window.read_only:
                from fazhi_desktop.ui.window.read_only import lock_editing

                lock_editing(view)
            view.set_years(self.county.years(), dt.date.today().year - 1)
        return self._view

    def show(self) -> None:
        self.window.autosaver.flush()
        self.window.undo_stack.clear()
        view = self.view
        self.refresh()
        self.window.pages.setCurrentWidget(view)
        from fazhi_desktop.ui.window.report_texts import APP_NAME

        self.window.setWindowTitle(f"{VIEW_TITLE} — {APP_NAME}")
        self.window.status.clear()
        self.window._set_report_actions(False)

    def refresh(self) -> None:
        """The board of the chosen year at once, with the cached figures; the others are filled in as they
        are worked out in the background."""
        from fazhi_desktop.core.county.status import summary
        from fazhi_desktop.county.board import status_board

        lines, pending = status_board(self.county, self.view.current_year())
        self.view.set_lines(lines, summary(lines))
        self.figures.fill(pending)

    def _on_figures(self, report_id: int, metrics: ReportMetrics | None) -> None:
        line = next((s for s in self.view.lines() if s.report_id == report_id), None)
        if line is not None:
            self.view.update_line(replace(line, metrics=metrics, metrics_pending=False))

    # ---- opening a unit's report ------------------------------------------------------------
    def open_report(self, report_id: int, editable: bool) -> None:
        self.window.open_report(report_id, viewing=not editable)

    def allow_editing(self) -> None:
        if self._viewing is not None and not self.window.read_only:
            self.window.open_report(self._viewing, viewing=False)

    def _on_report_opened(self, report_id: int, viewing: bool) -> None:
        self._viewing = report_id if viewing else None
        self.act_edit.setEnabled(viewing and not self.window.read_only)
        if viewing and self._banner is None:
            self._banner = QLabel("只读查看（来自汇总）")
            self._banner.setStyleSheet("color: #8a6d00;")
            self._banner_button = QPushButton("允许编辑")
            self._banner_button.clicked.connect(self.allow_editing)
            self._banner_button.setEnabled(not self.window.read_only)
            self.window.statusBar().addWidget(self._banner)
            self.window.statusBar().addWidget(self._banner_button)
        for widget in (self._banner, self._banner_button):
            if widget is not None:
                widget.setVisible(viewing)

    # ---- the buttons ------------------------------------------------------------------------
    def import_roster(self) -> int:
        from fazhi_desktop.core.units import unit_for
        from fazhi_desktop.ui.county.roster_dialog import RosterDialog

        county = self.county
        dialog = RosterDialog(county.county_name(), self.window,
                              {u.short_name: u.kind for u in self.window.store.list_units()})
        if not dialog.exec():
            return 0
        if dialog.county_name() != county.county_name():
            county.set_county_name(dialog.county_name())
        name = county.county_name()
        stored = county.add_to_roster([unit_for(e.name, e.kind, name) for e in dialog.entries()])
        added = sum(1 for _, new in stored if new)
        self.window.statusBar().showMessage(f"名单：新加入{added}个单位，共{len(county.roster())}个", 8000)
        self.refresh()
        return added

    def collect(self) -> None:
        from fazhi_desktop.ui.county.collect_dialog import CollectDialog

        names = [u.short_name for u in self.county.roster()]
        dialog = CollectDialog(self.view.current_year(), names, self.run_collect, self.run_assign, self.window)
        dialog.exec()
        self.refresh()

    def run_collect(self, paths: list[Path], received: dt.date, parent: QWidget | None = None) -> CollectResult:
        """Collect ``paths`` for the board's year: read in a worker thread, imported here unit by unit, with
        a 请稍候 dialog naming the file and a 取消 that stops between files (ui.county.collect_progress)."""
        from fazhi_desktop.county.arrival import read_files
        from fazhi_desktop.county.collect import require_roster, store_reading
        from fazhi_desktop.ui.county.collect_progress import CollectProgress

        year = self.view.current_year()
        self._check_received(received, year)
        county = self.county
        require_roster(county)
        return CollectProgress(parent or self.window).collect(
            lambda on_file, stop: read_files(paths, on_file, stop),
            lambda reading, on_unit, stop: store_reading(county, reading, year, received, backup=self._backup,
                                                         on_unit=on_unit, should_stop=stop))

    def run_assign(self, path: Path, unit_name: str, received: dt.date, replace: bool) -> FileOutcome:
        from fazhi_desktop.county.arrival import Unreadable, read_arrival
        from fazhi_desktop.county.collect import FileOutcome, Outcome, store_arrival
        from fazhi_desktop.ui.common.long_task import Cancelled, run_long

        year = self.view.current_year()
        unit = self.window.store.find_unit(unit_name)
        if unit is None:
            return FileOutcome(path, Outcome.REFUSED, unit_name, f"没有单位“{unit_name}”")
        try:  # a big file on a slow U盘 is read without freezing the window
            arrival = run_long(self.window, f"正在读取 {path.name} ……", lambda _stop: read_arrival(path), abandon=True)
        except Cancelled:
            return FileOutcome(path, Outcome.CANCELLED, unit_name, "已取消读取，未导入")
        if isinstance(arrival, Unreadable):
            return FileOutcome(path, Outcome.REFUSED, unit_name, arrival.reason)
        return store_arrival(self.county, arrival, unit, year, received, replace, self._backup)

    def _backup(self) -> Path | None:
        return self.county.backup(self.window.db_path, "收取替换前")

    @staticmethod
    def _check_received(received: dt.date, year: int) -> None:
        if received <= dt.date(year, 12, 31):
            raise ValueError(f"收到日期不晚于{year}年12月31日；{year}年度的报告应在次年收到，请核对年度和收到日期。")

    def review(self) -> None:
        from fazhi_desktop.ui.county.county_files import write_notes

        chosen = [s.unit.short_name for s in self.view.selected_units() if s.report_id is not None]
        write_notes(self.window, self.county, self.view.current_year(), chosen)

    def export_table(self) -> None:
        from fazhi_desktop.ui.county.county_files import export_table

        export_table(self.window, self.county, self.view.current_year())

    def mark_published(self) -> None:
        from fazhi_desktop.core.schema import FieldValueError, parse_date

        lines = [s for s in self.view.selected_units() if s.report_id is not None]
        if not lines:
            Dialogs.inform(self.window, "记录公开", "请先在表中选择已收到报告的单位。")
            return
        text = Dialogs.ask_text(self.window, "记录公开", "公开日期（如 2026-03-20）：", dt.date.today().isoformat())
        if not text:
            return
        try:
            on = parse_date(text)
        except FieldValueError as exc:
            Dialogs.warn(self.window, "日期有误", str(exc))
            return
        for line in lines:
            assert line.report_id is not None
            self.county.mark_published(line.report_id, on)
        self.refresh()
