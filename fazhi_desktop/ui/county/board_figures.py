"""The board's per-report figures kept current by the window, so that neither the 汇总 view nor a
``county status`` run beside the window (read-only, it cannot cache anything) has to work them out.

- The 汇总 view shows at once what is cached; the rest is worked out in the background and filled in.
- A report edited in the window of a county data file (one with a roster) has its figures worked out
  again a few seconds after the last save, when another report is opened and when the window closes.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from fazhi_desktop.county.board import Pending
    from fazhi_desktop.storage.county import CountyStore
    from fazhi_desktop.ui.county.metrics_worker import MetricsWorker
    from fazhi_desktop.ui.window.main_window import MainWindow

IDLE_MS = 3000
WARM_AFTER_MS = 8000  # after the window opened
log = logging.getLogger(__name__)  # after the last save of an edited report


class BoardFigures(QObject):
    """Owns the background work of the board's figures for one window (made at start-up: what it imports
    to do the work is imported when there is some)."""

    def __init__(self, window: MainWindow, county: Callable[[], CountyStore]) -> None:
        super().__init__(window)
        self.window = window
        self._county = county
        self._board: MetricsWorker | None = None  # the figures the open board is waiting for
        self._edits: MetricsWorker | None = None  # the figures of reports edited in the window
        self.dirty: set[int] = set()
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(IDLE_MS)
        self.idle.timeout.connect(self.refresh_edited)
        window.autosaver.sig_saved.connect(lambda _time: self._edited())
        window.view.sig_report_changed.connect(lambda _report: self._edited())
        window.sig_report_opened.connect(lambda _id, _viewing: self.refresh_edited())
        window.installEventFilter(self)
        self.warm = QTimer(self)  # after an upgrade: the latest year's figures, while the clerk does other things
        self.warm.setSingleShot(True)
        self.warm.setInterval(WARM_AFTER_MS)
        self.warm.timeout.connect(self.warm_after_upgrade)
        if not window.read_only:
            self.warm.start()

    @property
    def board(self) -> MetricsWorker:
        if self._board is None:
            from fazhi_desktop.ui.county.metrics_worker import MetricsWorker

            self._board = MetricsWorker(self)
        return self._board

    @property
    def edits(self) -> MetricsWorker:
        if self._edits is None:
            from fazhi_desktop.ui.county.metrics_worker import MetricsWorker

            self._edits = MetricsWorker(self)
        return self._edits

    def _save(self) -> Callable[[list[tuple[int, str, str]]], object] | None:
        from fazhi_desktop.county.board import save_computed

        if self.window.read_only:
            return None
        return lambda rows: save_computed(self._county(), rows)

    def fill(self, pending: list[Pending]) -> None:
        """Work out ``pending`` for the board (dropping what it was still working out for another year)."""
        self.board.start(pending, self._save())

    def _edited(self) -> None:
        report_id = self.window.view.report_id
        if report_id is None or self.window.read_only:
            return
        self.dirty.add(report_id)
        self.idle.start()

    def refresh_edited(self, wait: bool = False) -> None:
        """Work out again the figures of the reports edited since (in the background unless ``wait``)."""
        self.idle.stop()
        if not wait and self._edits is not None and self._edits.busy:
            self.idle.start()  # the figures under way first; these next
            return
        if not self.dirty or self.window.read_only:
            self.dirty.clear()
            return
        county = self._county()
        ids = county.existing_reports(sorted(self.dirty)) if county.has_roster() else []
        self.dirty.clear()
        if not ids:
            return
        from fazhi_desktop.county.board import cached_or_pending, report_metrics

        if wait:
            report_metrics(county, ids)
            return
        _cached, pending = cached_or_pending(county, ids)
        self.edits.start(pending, self._save())

    def warm_after_upgrade(self) -> bool:
        """Once per program version, in a county data file: work out the figures of its latest year in the
        background (a new version may check differently, so every cached figure is out of date), so that
        ``county status`` run beside the window — read-only, it caches nothing — finds them current."""
        from fazhi_desktop import __version__

        county = self._county()
        if self.window.read_only or not county.has_roster() or county.figures_version() == __version__:
            return False
        years = [y for y in county.years() if county.report_ids(y)]
        if not years:
            return False
        from fazhi_desktop.county.board import cached_or_pending

        _cached, pending = cached_or_pending(county, list(county.report_ids(years[0]).values()))
        if not pending:
            self._mark(__version__)
            return False
        from PySide6.QtCore import Qt  # (not at start-up: see fazhi_desktop/ui/__init__.py)

        self.edits.sig_finished.connect(lambda: self._mark(__version__), Qt.ConnectionType.SingleShotConnection)
        self.edits.start(pending, self._save())
        return True

    def _mark(self, version: str) -> None:
        from fazhi_desktop.storage.errors import StorageError

        with contextlib.suppress(StorageError):  # a full disk: the next start tries again
            self._county().set_figures_version(version)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.warm.stop()
            if self._board is not None:
                self._board.cancel()
            self.window.autosaver.flush()  # the last keystrokes reach the file (and ``dirty``) first
            if self._edits is not None:
                self._edits.wait()  # figures already under way are cached
            try:
                self.refresh_edited(wait=True)
            except Exception:  # closing goes on; the board works them out next time
                log.exception("could not work out the board figures of the edited reports")
        return False
