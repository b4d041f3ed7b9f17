"""请稍候 while a collection runs: the files are read in a worker thread (a slow U盘 never freezes the window),
then imported one unit at a time in the GUI thread, where the data file's connection lives; the dialog
names the file being read or the unit being imported, and 取消 stops between files or units.

Nothing is half-imported: each unit's import is one transaction, and 取消 is only looked at between them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from fazhi_desktop.county.arrival import OnFile, Reading
from fazhi_desktop.county.collect import CollectResult, OnUnit

Read = Callable[[OnFile, Callable[[], bool]], Reading]
Store = Callable[[Reading, OnUnit, Callable[[], bool]], CollectResult]

SHOW_AFTER_SECONDS = 0.3  # a handful of files never flashes a dialog
_POLL_SECONDS = 0.02


class CollectProgress(QProgressDialog):
    """The progress of one collection; :meth:`collect` runs it and returns what happened to every file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("正在查找收到的文件……", "取消", 0, 0, parent)
        self.setWindowTitle("请稍候")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(24 * 3600 * 1000)  # shown by collect(), after SHOW_AFTER_SECONDS
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(460)
        self.hide()
        self.stop = threading.Event()
        self.canceled.connect(self._on_cancel)
        self._started = 0.0
        self._label = ""
        self._step = (0, 0)

    def _on_cancel(self) -> None:
        self.stop.set()
        self.setLabelText("正在取消……（已导入的保留，其余不导入）")
        self.setCancelButtonText("")  # no second 取消; the dialog closes when the current file is done

    def _set(self, label: str, index: int, total: int) -> None:
        """Called by the reading thread too: only plain values here, shown by the GUI thread in _tick."""
        self._label, self._step = label, (index, total)

    def _tick(self) -> None:
        if not self.stop.is_set():
            index, total = self._step
            if total and self.maximum() != total:
                self.setMaximum(total)
            self.setValue(index)
            if self._label and self.labelText() != self._label:
                self.setLabelText(self._label)
        if not self.isVisible() and time.monotonic() - self._started >= SHOW_AFTER_SECONDS:
            self.show()
        flags = (QEventLoop.ProcessEventsFlag.AllEvents if self.isVisible()
                 else QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        QApplication.processEvents(flags, 30)

    def collect(self, read: Read, store: Store) -> CollectResult:
        """``read`` in a worker thread, then ``store`` here; exceptions of either reach the caller."""
        self._started = time.monotonic()
        outcome: dict[str, object] = {}

        def on_file(index: int, total: int, path: Path) -> None:
            self._set(f"正在读取第{index + 1}个文件（共{total}个）：{path.name}", index, total)

        def work() -> None:
            try:
                outcome["reading"] = read(on_file, self.stop.is_set)
            except BaseException as exc:  # handed to the GUI thread and raised there
                outcome["error"] = exc

        thread = threading.Thread(target=work, name="fazhi-collect-read", daemon=True)
        thread.start()
        try:
            while thread.is_alive():
                self._tick()
                thread.join(_POLL_SECONDS)
            if "error" in outcome:
                raise outcome["error"]  # type: ignore[misc]
            reading = outcome["reading"]
            assert isinstance(reading, Reading)

            def on_unit(index: int, total: int, unit: str) -> None:
                self._set(f"正在导入第{index + 1}个单位（共{total}个）：{unit}", index, total)
                self._tick()

            return store(reading, on_unit, self.stop.is_set)
        finally:
            self.canceled.disconnect(self._on_cancel)
            self.close()
            self.deleteLater()
