"""Long work runs off the GUI thread: the window keeps painting, a dialog with 取消 appears, cancel works."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from fazhi_desktop.core.model import Block, BlockKind, Report
from fazhi_desktop.export import ExportCancelled, export_docx
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.common.long_task import Cancelled, run_long
from fazhi_desktop.ui.exporting import export_actions
from fazhi_desktop.ui.exporting.export_dialog import ExportRequest


def _progress_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def _press_cancel_when_shown(seen: list[str]) -> None:
    """Poll for the progress dialog and press its 取消 button like a user (records the label)."""
    def poll() -> None:
        dialogs = _progress_dialogs()
        if not dialogs:
            QTimer.singleShot(20, poll)
            return
        seen.append(dialogs[0].labelText())
        button = dialogs[0].findChild(QPushButton)
        assert button is not None and button.text() == "取消"
        button.click()
    QTimer.singleShot(20, poll)


def test_quick_work_returns_its_result_without_a_dialog(qapp: QApplication) -> None:
    assert run_long(None, "正在计算……", lambda _stop: 6 * 7) == 42
    assert not _progress_dialogs()


def test_errors_reach_the_caller(qapp: QApplication) -> None:
    def fail(_stop: Callable[[], bool]) -> None:
        raise ValueError("坏数据")
    with pytest.raises(ValueError, match="坏数据"):
        run_long(None, "正在计算……", fail)


def test_the_window_keeps_working_and_a_dialog_appears(qapp: QApplication) -> None:
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    seen: list[str] = []

    def slow(_stop: Callable[[], bool]) -> str:
        time.sleep(0.8)
        seen.extend(d.labelText() for d in _progress_dialogs())
        return "完成"

    assert run_long(None, "正在导出……", slow, show_after=0.2) == "完成"
    timer.stop()
    assert len(ticks) > 20  # the GUI thread ran its timers all along
    assert seen == ["正在导出……"]
    assert not _progress_dialogs()  # closed afterwards


def test_cancel_asks_the_work_to_stop(qapp: QApplication) -> None:
    stopped = threading.Event()

    def cooperative(stop: Callable[[], bool]) -> None:
        while not stop():
            time.sleep(0.01)
        stopped.set()
        raise ExportCancelled()

    seen: list[str] = []
    _press_cancel_when_shown(seen)
    with pytest.raises(Cancelled):
        run_long(None, "正在导出……", cooperative, show_after=0.1)
    assert stopped.is_set() and seen == ["正在导出……"]


def test_work_that_cannot_stop_is_abandoned_when_allowed(qapp: QApplication) -> None:
    release = threading.Event()
    _press_cancel_when_shown([])
    with pytest.raises(Cancelled):
        run_long(None, "正在检查……", lambda _stop: release.wait(30), abandon=True, show_after=0.1)
    release.set()


def _huge(report: Report) -> Report:
    from dataclasses import replace

    blocks = tuple(Block(kind=BlockKind.ITEM, heading=f"第{i}项", body="依法行政" * 40) for i in range(4000))
    return replace(report, chapters=(replace(report.chapters[0], blocks=blocks), *report.chapters[1:]))


def test_cancelling_an_export_leaves_the_old_file_untouched(monkeypatch: pytest.MonkeyPatch,
                                                           stored_demo: Report, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "报告.docx"
    export_docx(stored_demo, target)
    before = target.read_bytes()
    told: list[str] = []
    monkeypatch.setattr(Dialogs, "inform", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr("fazhi_desktop.ui.common.long_task.SHOW_AFTER_SECONDS", 0.1)
    seen: list[str] = []
    _press_cancel_when_shown(seen)
    result = export_actions.write(_huge(stored_demo), ExportRequest(path=target), None)
    assert result is None and seen == ["正在导出 报告.docx ……"]
    assert told == ["已取消导出，原有文件未改动。"]
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["报告.docx"]  # no temporary file left behind


def test_a_slow_check_can_be_cancelled_from_the_check_tab(monkeypatch: pytest.MonkeyPatch,
                                                         demo_window) -> None:
    from fazhi_desktop.core import checks  # check_actions imports check_report from here when it checks

    release = threading.Event()
    real = checks.check_report

    def slow_check(report, options):  # a huge report: the check takes seconds
        release.wait(30)
        return real(report, options)

    monkeypatch.setattr(checks, "check_report", slow_check)
    monkeypatch.setattr("fazhi_desktop.ui.common.long_task.SHOW_AFTER_SECONDS", 0.1)
    seen: list[str] = []
    _press_cancel_when_shown(seen)
    demo_window.view.setCurrentWidget(demo_window.view.checks)
    release.set()
    assert seen == ["正在检查报告……"]
    assert demo_window.statusBar().currentMessage() == "已取消检查；点“重新检查”可再次检查。"
    monkeypatch.setattr(checks, "check_report", real)
    demo_window.view.checks.recheck.click()  # and checking again works
    assert demo_window.view.checks.summary.text() == "没有发现问题。"
