"""A second copy of the program on the same PC brings the first window forward instead of opening twice.

The lock file (storage.lock) keeps one writer per data file, even across PCs; this adds the friendly
part on one PC: the second start sends "activate" over a QLocalServer named after the data file and exits.
"""

from __future__ import annotations

import getpass
import zlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

MESSAGE = b"activate"


def server_name(db_path: Path) -> str:
    """One name per user and data file (local socket names must be short and plain)."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name (some service accounts): still one name per data file
        user = ""
    key = f"{user}|{Path(db_path).resolve()}".encode()
    digest = f"{zlib.crc32(key):08x}{zlib.adler32(key):08x}"  # hashlib would load OpenSSL (~2 ms of the start)
    return f"fazhi-desktop-{digest}"


class SingleInstance(QObject):
    """Listens for later starts on the same data file and tells the window to come forward."""

    sig_activate = Signal()
    """Another start of the program asked this one to show its window."""

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(db_path)
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._on_connection)

    def notify_running(self, timeout_ms: int = 500) -> bool:
        """True when a running copy answered (it has been asked to come forward)."""
        socket = QLocalSocket(self)
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(MESSAGE)
        socket.flush()
        socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        """Start listening; a stale name left by a crashed copy is removed first."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            if connection is None:
                break
            connection.waitForReadyRead(500)
            if bytes(connection.readAll().data()).startswith(MESSAGE):
                self.sig_activate.emit()
            connection.disconnectFromServer()
