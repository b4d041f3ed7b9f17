"""The board's figures worked out in the background: each report is checked and its pages estimated in a
worker thread (pure work on reports loaded beforehand), and the GUI thread, which owns the data file's
connection, caches each result and hands it to the board as it comes.

Starting a new batch (another year, a refresh) drops the one under way: its results are thrown away.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from fazhi_desktop.core.county.status import ReportMetrics
from fazhi_desktop.county.board import Pending, compute

Save = Callable[[list[tuple[int, str, str]]], object]  # cache rows (report id, fingerprint, data)

POLL_MS = 40
log = logging.getLogger(__name__)


class MetricsWorker(QObject):
    """Computes :class:`~fazhi_desktop.county.board.Pending` figures off the GUI thread."""

    sig_computed = Signal(int, object)  # report id, ReportMetrics (None: the checks failed on it, logged)
    sig_finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results: queue.SimpleQueue[tuple[int, Pending, ReportMetrics | BaseException]] = queue.SimpleQueue()
        self._generation = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._save: Save | None = None
        self._left = 0
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._drain)

    @property
    def busy(self) -> bool:
        return self._left > 0

    def start(self, pending: list[Pending], save: Save | None) -> None:
        """Work out ``pending`` (dropping any batch under way); ``save`` caches each result (None: don't)."""
        self.cancel()
        if not pending:
            return
        self._generation += 1
        self._stop = threading.Event()
        self._save, self._left = save, len(pending)
        generation, stop, results = self._generation, self._stop, self._results

        def work() -> None:
            for item in pending:
                if stop.is_set():
                    return
                try:
                    results.put((generation, item, compute(item)))
                except Exception as exc:  # a report the checks trip over: the board leaves its figures empty
                    results.put((generation, item, exc))

        self._thread = threading.Thread(target=work, name="fazhi-county-metrics", daemon=True)
        self._thread.start()
        self._timer.start()

    def cancel(self) -> None:
        self._stop.set()
        self._left = 0
        self._timer.stop()

    def wait(self, timeout: float = 30.0) -> None:
        """Block until the batch under way is done and delivered (tests, and closing the window)."""
        if self._thread is not None:
            self._thread.join(timeout)
        self._drain()

    def _drain(self) -> None:
        rows: list[tuple[int, str, str]] = []
        done: list[tuple[int, ReportMetrics | None]] = []
        while True:
            try:
                generation, item, result = self._results.get_nowait()
            except queue.Empty:
                break
            if generation != self._generation or not self._left:
                continue  # a dropped batch
            self._left -= 1
            if isinstance(result, ReportMetrics):
                rows.append(item.cache_row(result))
                done.append((item.report_id, result))
            else:
                log.error("board figures of report %s failed", item.report_id, exc_info=result)
                done.append((item.report_id, None))
        if rows and self._save is not None:
            self._save(rows)
        for report_id, metrics in done:
            self.sig_computed.emit(report_id, metrics)
        if not self._left and self._timer.isActive():
            self._timer.stop()
            self.sig_finished.emit()
