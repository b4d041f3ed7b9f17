"""An unhandled exception in a slot is logged, the clerk is told where, and the program goes on."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from fazhi_desktop.ui.common import error_dialog


def test_message_names_the_log(tmp_path: Path) -> None:
    text = error_dialog.message_text("ValueError: 坏了", tmp_path / "logs" / "app.log")
    assert str(tmp_path / "logs" / "app.log") in text and "不会丢失" in text and "ValueError" in text


def test_exception_in_a_slot_is_logged_and_shown(qtbot: QtBot, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from fazhi_desktop.logsetup import setup_logging

    shown: list[tuple[str, Path]] = []
    import logging
    import threading

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(logging.getLogger(), "handlers", list(logging.getLogger().handlers))
    setup_logging(tmp_path, on_error=lambda summary, path: shown.append((summary, path)))

    def broken_slot() -> None:
        raise RuntimeError("槽函数里的意外错误")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(shown), timeout=3000)
    assert shown[0][0] == "RuntimeError: 槽函数里的意外错误" and shown[0][1] == tmp_path / "app.log"
    assert "槽函数里的意外错误" in (tmp_path / "app.log").read_text(encoding="utf-8")
    still_running: list[bool] = []
    QTimer.singleShot(0, lambda: still_running.append(True))
    qtbot.waitUntil(lambda: bool(still_running), timeout=3000)
