"""launch(): the event loop, the data-file lock, quitting flushes; a killed process keeps saved typing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from fazhi_desktop.core.model import Report
from fazhi_desktop.storage.database import open_database
from fazhi_desktop.storage.lock import DatabaseLock
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.window.launcher import launch
from fazhi_desktop.ui.window.single_instance import SingleInstance
from fazhi_desktop.ui.window.ui_settings import SETTINGS_FILE
from tests.lock_holder import held_lock

REPO = Path(__file__).resolve().parents[2]


LAUNCH_SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from fazhi_desktop.ui.window.launcher import application, launch
    from fazhi_desktop.ui.window.main_window import MainWindow

    def act():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        window.view.chapter_editors()[0].title.textEdited.emit("退出前的改动")  # typed, not yet saved
        QApplication.quit()

    application()
    QTimer.singleShot(0, act)
    sys.exit(launch(Path(sys.argv[1]), demo=True))
""")


def test_launch_runs_and_quitting_flushes(store: ReportStore, stored_demo: Report, db_path: Path) -> None:
    """In a subprocess: once QApplication.exec() has returned, Qt timers stop working in-process."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", LAUNCH_SCRIPT, str(db_path)], env=env, timeout=60,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert stored_demo.id is not None
    assert store.load_chapters(stored_demo.id)[0].title == "退出前的改动"
    assert not db_path.with_name(db_path.name + ".lock").exists()
    settings = QSettings(str(db_path.parent / SETTINGS_FILE), QSettings.Format.IniFormat)
    assert settings.value("main/geometry") is not None


def test_launch_refuses_a_file_another_program_has_open(monkeypatch: pytest.MonkeyPatch, qapp,
                                                        db_path: Path) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with held_lock(db_path):
        shown: list[str] = []
        from fazhi_desktop.ui.common.dialogs import Dialogs

        # the clerk declines to look read-only: nothing opens
        monkeypatch.setattr(Dialogs, "confirm", staticmethod(lambda _p, _t, text: shown.append(text) or False))
        assert launch(db_path) == 2
        assert shown and "正被" in shown[0] and "只读" in shown[0]


KILL_SCRIPT = textwrap.dedent("""
    import os, signal, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    from fazhi_desktop.storage.database import open_database
    from fazhi_desktop.storage.repository import ReportStore
    from fazhi_desktop.ui.window.launcher import application, build_window

    app = application()
    db = Path(sys.argv[1])
    window = build_window(ReportStore(open_database(db)), db, demo=True)
    body = window.view.chapter_editors()[0].block_editor.body

    def type_text(text):
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(body, event)

    def after_save(_when):
        type_text("尚未保存的最后几个字")        # typed inside the debounce window ...
        os.kill(os.getpid(), signal.SIGKILL)    # ... and then the power goes out

    window.autosaver.sig_saved.connect(after_save)
    type_text("停顿前输入的文字。")
    app.exec()
""")


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_killed_process_keeps_what_was_typed_before_the_pause(store: ReportStore, stored_demo: Report,
                                                              db_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(db_path)], env=env, timeout=60,
                            capture_output=True, text=True)
    assert result.returncode == -9, result.stderr
    fresh = ReportStore(open_database(db_path))
    assert stored_demo.id is not None
    body = fresh.load_chapters(stored_demo.id)[0].blocks[0].body
    fresh.db.close()
    assert body.endswith("停顿前输入的文字。")


def test_second_start_brings_the_running_window_forward(qtbot, db_path: Path) -> None:
    running = SingleInstance(db_path)
    assert running.listen()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    holding = DatabaseLock(db_path)  # the running copy has the file open, so it holds the lock
    holding.acquire()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    code = ("import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'; from pathlib import Path; "
            "from fazhi_desktop.ui.window.launcher import launch; sys.exit(launch(Path(sys.argv[1])))")
    try:
        with qtbot.waitSignal(running.sig_activate, timeout=10_000):
            result = subprocess.run([sys.executable, "-c", code, str(db_path)], env=env, timeout=60,
                                    capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert not db_path.exists()  # the second copy never opened the data file
    finally:
        running.close()
        holding.release()


LISTEN_SCRIPT = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from fazhi_desktop.ui.window import launcher
    from fazhi_desktop.ui.window.main_window import MainWindow

    db = Path(sys.argv[1])
    activated = []

    def before_listening():
        # the window is shown and QtNetwork is not loaded yet: nothing delays the first paint
        print("QTNETWORK", "PySide6.QtNetwork" in sys.modules, flush=True)

    def ask_like_a_second_start(tries=20):
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        window.bring_to_front = lambda: activated.append(True)  # (connected when listening starts)
        asked = launcher.already_open(db)
        if not asked and tries:  # on a busy machine the window may still be on its way up: ask again soon
            QTimer.singleShot(100, lambda: ask_like_a_second_start(tries - 1))
            return
        print("ASKED", asked, flush=True)
        QTimer.singleShot(200, QApplication.quit)

    launcher.application()
    QTimer.singleShot(0, before_listening)
    QTimer.singleShot(launcher.LISTEN_AFTER_MS + 300, ask_like_a_second_start)
    code = launcher.launch(db, demo=True)
    print("ACTIVATED", activated == [True], flush=True)
    sys.exit(code)
""")


def test_the_window_listens_for_later_starts_once_it_is_up(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", LISTEN_SCRIPT, str(tmp_path / "fazhi.db")], env=env,
                            timeout=60, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "QTNETWORK False" in result.stdout
    assert "ASKED True" in result.stdout and "ACTIVATED True" in result.stdout


def test_without_a_lock_file_nobody_is_asked(qapp, tmp_path: Path) -> None:
    from fazhi_desktop.ui.window.launcher import already_open

    running = SingleInstance(tmp_path / "fazhi.db")  # e.g. a copy that crashed and left its server name
    assert running.listen()
    try:
        assert not already_open(tmp_path / "fazhi.db")  # no lock file: the file is not open anywhere
    finally:
        running.close()


def test_demo_start_opens_the_data_file_once(monkeypatch: pytest.MonkeyPatch, qapp, tmp_path: Path) -> None:
    """``fazhi-desktop --demo`` used to open, check and lock the file for the demo, close it and open it
    again for the window; the window's session now adds the demo report itself."""
    from PySide6.QtWidgets import QApplication

    from fazhi_desktop import cli
    from fazhi_desktop.ui.window import launcher
    from fazhi_desktop.ui.window.main_window import MainWindow

    opened: list[Path] = []
    real_open = launcher.open_session

    def counting_open(path: Path, **kwargs: object):  # type: ignore[no-untyped-def]
        opened.append(path)
        return real_open(path, **kwargs)  # type: ignore[arg-type]

    seen: list[str] = []

    def exec_once() -> int:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        seen.append(window.windowTitle())
        return 0

    import fazhi_desktop.storage.session as session_module

    monkeypatch.setattr(launcher, "open_session", counting_open)
    monkeypatch.setattr(session_module, "open_session", counting_open)
    monkeypatch.setattr(QApplication, "exec", staticmethod(exec_once))
    db = tmp_path / "fresh" / "fazhi.db"
    assert cli.main(["--db", str(db), "--demo"]) == 0
    assert opened == [db]
    assert seen and "示例镇" in seen[0]
    assert not db.with_name(db.name + ".lock").exists()
