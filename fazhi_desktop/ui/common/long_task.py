"""Long work (exporting or checking a huge report, reading a big file) without freezing the window.

The work runs in a Python thread; the GUI thread keeps painting and, after a short delay, shows a
progress dialog with 取消. Only pure work goes to the thread — reports in, results out: SQLite
connections and Qt objects stay in the GUI thread.

Cancelling sets a flag the work may ask for (the export does, between stages, and stops before it
replaces the target file). Work that cannot stop early is abandoned when ``abandon`` is True (its
result is thrown away; it must not write anything); otherwise the dialog says 正在取消… and waits.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

T = TypeVar("T")

SHOW_AFTER_SECONDS = 0.4  # quick work never flashes a dialog
_POLL_SECONDS = 0.02
_NEVER_BY_ITSELF = 24 * 3600 * 1000  # ms


class Cancelled(Exception):
    """The user pressed 取消 and the work stopped (or was abandoned); nothing was written."""


class _Outcome(Generic[T]):
    def __init__(self) -> None:
        self.value: T | None = None
        self.error: BaseException | None = None


def run_long(parent: QWidget | None, label: str, work: Callable[[Callable[[], bool]], T], *,
             abandon: bool = False, show_after: float | None = None) -> T:
    """``work(should_stop)`` in a thread, the window responsive meanwhile; its result, or its exception.

    Raises :class:`Cancelled` when the user cancelled and the work did not finish anyway (work that
    completes despite a late 取消 — the file already in place — returns its result as usual).
    """
    stop = threading.Event()
    outcome: _Outcome[T] = _Outcome()

    def target() -> None:
        try:
            outcome.value = work(stop.is_set)
        except BaseException as exc:  # handed to the GUI thread and raised there
            outcome.error = exc

    thread = threading.Thread(target=target, name="fazhi-long-task", daemon=True)
    thread.start()
    thread.join(0.05)
    if thread.is_alive():
        _wait(parent, label, thread, stop, abandon, SHOW_AFTER_SECONDS if show_after is None else show_after)
    if thread.is_alive():  # abandoned after 取消
        raise Cancelled()
    if outcome.error is not None:
        if stop.is_set():
            raise Cancelled() from outcome.error
        raise outcome.error
    return outcome.value  # type: ignore[return-value]


def _wait(parent: QWidget | None, label: str, thread: threading.Thread, stop: threading.Event,
          abandon: bool, show_after: float) -> None:
    dialog = QProgressDialog(label, "取消", 0, 0, parent)
    dialog.setWindowTitle("请稍候")
    from PySide6.QtCore import Qt

    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(_NEVER_BY_ITSELF)  # shown by the loop below, after show_after
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.hide()

    def on_cancel() -> None:
        stop.set()
        dialog.setLabelText("正在取消……")
        dialog.setCancelButtonText("")  # no second 取消; the dialog closes when the work has stopped

    dialog.canceled.connect(on_cancel)
    started = time.monotonic()
    try:
        while thread.is_alive():
            if stop.is_set() and abandon:
                return
            if not dialog.isVisible() and time.monotonic() - started >= show_after:
                dialog.show()
            # Before the dialog is up, typing and clicks wait in the queue (no second export started
            # from a half-finished one); once it is up, it is modal and Qt keeps them from the window.
            flags = (QEventLoop.ProcessEventsFlag.AllEvents if dialog.isVisible()
                     else QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            QApplication.processEvents(flags, 30)
            thread.join(_POLL_SECONDS)
    finally:
        dialog.canceled.disconnect(on_cancel)
        dialog.close()
        dialog.deleteLater()
