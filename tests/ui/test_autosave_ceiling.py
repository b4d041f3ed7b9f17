"""Issue 17, item 1: steady typing is saved at least every 2 s; SIGTERM, Ctrl+C (SIGINT), a closed terminal
(SIGHUP) and the session manager's log-off request lose nothing. Item 14: 保存失败 leaves the status bar
once saving works again."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from fazhi_desktop.core.model import Report
from fazhi_desktop.storage.backups import list_backups
from fazhi_desktop.storage.chapters import WriteError
from fazhi_desktop.storage.database import open_database
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.window.autosaver import CEILING_MS, Autosaver
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.ui.ime import ime_type

REPO = Path(__file__).resolve().parents[2]


def test_the_ceiling_saves_while_the_pause_never_comes(qtbot) -> None:
    """An edit every 50 ms for 1.2 s with a 10 s pause timer: only the 300 ms ceiling can save."""
    saver = Autosaver(delay_ms=10_000, ceiling_ms=300)
    written: list[int] = []
    typed = [0]

    def type_one() -> None:
        typed[0] += 1
        n = typed[0]
        saver.schedule("body", lambda: written.append(n))

    timer = QTimer()
    timer.timeout.connect(type_one)
    timer.start(50)
    qtbot.waitUntil(lambda: typed[0] >= 24, timeout=20_000)
    timer.stop()
    assert len(written) >= 2  # saved again and again although typing never paused
    assert written == sorted(written) and saver.has_pending() is (written[-1] != typed[0])


def test_steady_typing_in_the_window_is_in_the_file_within_two_seconds(qtbot, demo_window: MainWindow,
                                                                        store: ReportStore, db_path: Path) -> None:
    """One character every 100 ms for 3 s — never the half-second pause the old autosave waited for —
    then the window is abandoned without a clean close (as at a power cut) and the file is read."""
    editor = demo_window.view.chapter_editors()[0]
    demo_window.view.setCurrentWidget(editor)
    body = editor.block_editor.body
    start = store.load_chapter(editor.chapter_id).blocks[0].body
    typed: list[str] = []
    saves_while_typing: list[int] = []
    demo_window.autosaver.sig_saved.connect(lambda _when: saves_while_typing.append(len(typed)))

    def type_one() -> None:
        char = "法治政府建设"[len(typed) % 6]
        ime_type(body, char)
        typed.append(char)

    timer = QTimer()
    timer.timeout.connect(type_one)
    timer.start(100)
    qtbot.waitUntil(lambda: len(typed) >= 30, timeout=30_000)
    timer.stop()
    assert saves_while_typing and saves_while_typing[0] < len(typed)
    fresh = ReportStore(open_database(db_path, journal="delete"))  # another connection: what a restart sees
    saved = fresh.load_chapter(editor.chapter_id).blocks[0].body
    fresh.db.close()
    assert saved.startswith(start) and "".join(typed).startswith(saved[len(start):])
    lost = len(typed) - len(saved[len(start):])
    assert lost <= CEILING_MS // 100 + 1  # at most the last 2 s of typing (one character per ≥ 100 ms)
    demo_window.autosaver.discard()


def test_the_session_managers_request_saves_everything(demo_window: MainWindow, store: ReportStore) -> None:
    editor = demo_window.view.chapter_editors()[0]
    demo_window.view.setCurrentWidget(editor)
    ime_type(editor.block_editor.body, "注销前的字")
    assert demo_window.autosaver.has_pending()
    demo_window.commit_data(None)  # what QGuiApplication.commitDataRequest calls (Windows log-off/shutdown)
    assert not demo_window.autosaver.has_pending()
    assert store.load_chapter(editor.chapter_id).blocks[0].body.endswith("注销前的字")


def test_a_failed_save_warning_leaves_once_saving_works(monkeypatch: pytest.MonkeyPatch, demo_window: MainWindow,
                                                       store: ReportStore) -> None:
    editor = demo_window.view.chapter_editors()[0]
    demo_window.view.setCurrentWidget(editor)
    real = store.update_block

    def full(*_args: object, **_kwargs: object) -> None:
        raise WriteError("保存失败：磁盘空间已满。刚才的修改没有写入，已保存的内容完好；请处理后重试。")

    monkeypatch.setattr(store, "update_block", full)
    ime_type(editor.block_editor.body, "甲")
    assert not demo_window.autosaver.flush()
    assert demo_window.statusBar().currentMessage().startswith("保存失败")
    assert demo_window.save_label.text() == "未保存"
    monkeypatch.setattr(store, "update_block", real)  # space was freed
    ime_type(editor.block_editor.body, "乙")
    assert demo_window.autosaver.flush()
    assert demo_window.statusBar().currentMessage() == ""
    assert demo_window.save_label.text().startswith("已保存")
    assert store.load_chapter(editor.chapter_id).blocks[0].body.endswith("甲乙")


TYPE_THEN_WAIT = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    from fazhi_desktop.ui.window.launcher import application, launch
    from fazhi_desktop.ui.window.main_window import MainWindow

    def type_text():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        editor = window.view.chapter_editors()[0]
        window.view.setCurrentWidget(editor)
        event = QInputMethodEvent()
        event.setCommitString("信号到来前刚打的字")
        QApplication.sendEvent(editor.block_editor.body, event)
        assert window.autosaver.has_pending()
        print("typed", flush=True)   # not saved yet: the pause timer has 0.5 s to go

    application()
    QTimer.singleShot(0, type_text)
    sys.exit(launch(Path(sys.argv[1]), demo=True))
""")


@pytest.mark.skipif(os.name == "nt", reason="POSIX signals")
@pytest.mark.parametrize("signame", ["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_signal_quits_like_exit_and_saves(signame: str, store: ReportStore, stored_demo: Report,
                                            db_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, "-c", TYPE_THEN_WAIT, str(db_path)], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, encoding="utf-8")
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "typed"
    child.send_signal(getattr(signal, signame))
    _out, err = child.communicate(timeout=60)
    assert child.returncode == 0, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert stored_demo.id is not None
    assert store.load_chapters(stored_demo.id)[0].blocks[0].body.endswith("信号到来前刚打的字")
    assert not db_path.with_name(db_path.name + ".lock").exists()  # released
    assert "退出" in [b.reason for b in list_backups(db_path.parent / "backups")]  # the exit backup was made
