"""A second start on the same data file asks the first window to come forward."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from fazhi_desktop.ui.window.single_instance import SingleInstance, server_name


def test_second_start_activates_the_first(qtbot: QtBot, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path / "fazhi.db")
    assert first.listen()
    second = SingleInstance(tmp_path / "fazhi.db")
    with qtbot.waitSignal(first.sig_activate, timeout=3000):
        assert second.notify_running()
    first.close()


def test_nobody_running_and_other_files_are_independent(qtbot: QtBot, tmp_path: Path) -> None:
    assert not SingleInstance(tmp_path / "a.db").notify_running(timeout_ms=200)
    assert server_name(tmp_path / "a.db") != server_name(tmp_path / "b.db")
    first = SingleInstance(tmp_path / "a.db")
    assert first.listen()
    assert not SingleInstance(tmp_path / "b.db").notify_running(timeout_ms=200)
    first.close()
    again = SingleInstance(tmp_path / "a.db")  # the name is free again after close (or after a crash)
    assert again.listen()
    again.close()
