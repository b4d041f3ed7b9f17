"""Autosave: edits are queued by key and written ~500 ms after typing pauses — and at the latest 1.8 s
after the first unsaved keystroke, however steadily the clerk keeps typing (a power cut then loses at
most the last 2 s; measured by ``python -m bench``)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

DEBOUNCE_MS = 500
CEILING_MS = 1800  # the promise is "at most 2 s of typing lost": room for a coarse timer's 5 % and the write


class Autosaver(QObject):
    """Collects pending writes (the newest per key wins) and runs them together.

    The database is the document: there is no Save button. :meth:`flush` runs everything now
    and is called on focus change, on closing, on switching report and before outline edits.
    """

    sig_saved = Signal(str)
    """All pending edits reached the database; the argument is the time, hh:mm:ss."""

    sig_failed = Signal(str)
    """A write failed; the argument is a Chinese message. The write stays queued and is tried
    again with the next edit or flush (not on a timer, so a read-only file is not hammered)."""

    sig_pending = Signal()
    """An edit was queued and is not saved yet."""

    def __init__(self, delay_ms: int = DEBOUNCE_MS, parent: QObject | None = None,
                 ceiling_ms: int = CEILING_MS) -> None:
        super().__init__(parent)
        self._pending: dict[Hashable, Callable[[], None]] = {}
        self._last_error = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self._ceiling = QTimer(self)  # not restarted by typing: the longest an edit waits
        self._ceiling.setSingleShot(True)
        self._ceiling.setInterval(ceiling_ms)
        self._ceiling.timeout.connect(self.flush)

    def schedule(self, key: Hashable, write: Callable[[], None]) -> None:
        """Queue ``write`` under ``key`` (replacing an older write of the same key); restart the pause timer.

        The ceiling timer starts with the first unsaved edit and is not restarted by later ones."""
        self._pending[key] = write
        self._timer.start()
        if not self._ceiling.isActive():
            self._ceiling.start()
        self.sig_pending.emit()

    @property
    def last_error(self) -> str:
        """The message of the last failed write ("" after a successful flush)."""
        return self._last_error

    def has_pending(self) -> bool:
        return bool(self._pending)

    def discard(self) -> None:
        """Forget queued writes (their targets no longer exist)."""
        self._pending.clear()
        self._timer.stop()
        self._ceiling.stop()

    def flush(self) -> bool:
        """Run every queued write now; True when all succeeded."""
        self._timer.stop()
        self._ceiling.stop()
        if not self._pending:
            return True
        pending, self._pending = self._pending, {}
        failed: dict[Hashable, Callable[[], None]] = {}
        message = ""
        for key, write in pending.items():
            try:
                write()
            except Exception as exc:  # keep the edit; a later flush retries it
                message = str(exc) if str(exc).startswith("保存失败") else f"保存失败：{exc}"
                if message != self._last_error:  # one log entry per distinct problem, not per retry
                    log.exception("autosave failed for %s", key)
                self._last_error = message
                failed[key] = write
        if failed:
            self._pending = {**failed, **self._pending}
            self.sig_failed.emit(message)
            return False
        self._last_error = ""
        self.sig_saved.emit(dt.datetime.now().strftime("%H:%M:%S"))
        return True
