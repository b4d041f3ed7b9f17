"""SIGTERM, SIGINT and SIGHUP end the program like 退出: unsaved typing is saved, the exit backup made,
the lock released.

Log-off, shutdown and ``kill`` send SIGTERM; Ctrl+C in the terminal that started the program sends
SIGINT; closing that terminal sends SIGHUP. Python runs a signal handler only between bytecodes, and
Qt's event loop runs no Python while it waits; so the C-level handler writes to a wake-up pipe
(``signal.set_wakeup_fd``), a QSocketNotifier on it calls into Python, and the handler asks the event
loop to quit (aboutToQuit then closes the window, which flushes). Windows needs a socket pair there;
POSIX takes a plain pipe (no socket module at start-up).
"""

from __future__ import annotations

import contextlib
import os
import signal
from types import FrameType

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier

SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP")


class QuitOnSignals(QObject):
    """While installed, the signals above quit the application cleanly; :meth:`uninstall` restores."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.received: int | None = None
        self._previous: dict[int, object] = {}
        self._closers: list[object] = []
        if os.name == "nt":
            import socket

            reader, writer = socket.socketpair()
            reader.setblocking(False)
            writer.setblocking(False)
            self._closers = [reader, writer]
            self._read_fd, write_fd = reader.fileno(), writer.fileno()
        else:
            self._read_fd, write_fd = os.pipe()
            os.set_blocking(self._read_fd, False)
            os.set_blocking(write_fd, False)
            self._closers = [self._read_fd, write_fd]
        self._old_wakeup = signal.set_wakeup_fd(write_fd)
        self._notifier = QSocketNotifier(self._read_fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        for name in SIGNALS:
            number = getattr(signal, name, None)
            if number is not None:
                self._previous[number] = signal.signal(number, self._handle)

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if self.received is None:
            self.received = signum
        QCoreApplication.quit()

    def _drain(self) -> None:
        """Empty the wake-up pipe (the Python handler has run by the time this slot executes)."""
        with contextlib.suppress(OSError):
            if os.name == "nt":
                self._closers[0].recv(64)  # type: ignore[attr-defined]
            else:
                os.read(self._read_fd, 64)

    def uninstall(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)  # type: ignore[arg-type]
        self._previous = {}
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._old_wakeup)
        for closer in self._closers:
            with contextlib.suppress(OSError):
                if isinstance(closer, int):
                    os.close(closer)
                else:
                    closer.close()  # type: ignore[attr-defined]
        self._closers = []
