"""How much steady typing a power cut (SIGKILL) or a shutdown (SIGTERM) loses.

The child (``python bench/autosave_loss.py DB``) opens the real window offscreen (launch(), so the
signal handling is the program's own) and types one character every 50 ms into a 正文, without ever
pausing, printing the count after each one. The parent kills it after a few seconds of typing and reads
the data file: characters typed but not saved × 50 ms is the typing lost. Target: at most 2 s for
SIGKILL (the autosave ceiling), nothing for SIGTERM (the window saves and backs up on its way out).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
INTERVAL_MS = 50
TEXT = "法治政府建设年度报告"


def child(db: Path, ceiling: bool = True) -> int:
    """``ceiling=False`` reproduces the autosave before the 2 s ceiling (the baseline)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from fazhi_desktop.ui.window.launcher import application, launch
    from fazhi_desktop.ui.window.main_window import MainWindow

    if not ceiling:
        from fazhi_desktop.ui.window import autosaver

        debounce, parent, _ceiling = autosaver.Autosaver.__init__.__defaults__  # type: ignore[misc]
        autosaver.Autosaver.__init__.__defaults__ = (debounce, parent, 10**9)
    typed = [0]

    def start() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        editor = window.view.chapter_editors()[0]
        window.view.setCurrentWidget(editor)
        body = editor.block_editor.body
        body.moveCursor(body.textCursor().MoveOperation.End)

        def type_one() -> None:
            event = QInputMethodEvent()
            event.setCommitString(TEXT[typed[0] % len(TEXT)])
            QApplication.sendEvent(body, event)
            typed[0] += 1
            print(f"typed {typed[0]}", flush=True)

        timer = QTimer(window)
        timer.timeout.connect(type_one)
        timer.start(INTERVAL_MS)

    application()
    QTimer.singleShot(0, start)
    return launch(db, demo=True)


def _saved_chars(db: Path, before: str) -> int:
    from fazhi_desktop.storage.session import open_viewer

    session = open_viewer(db)
    try:
        report_id = session.store.find_report_id("示例镇", 2025)
        assert report_id is not None
        body = session.store.load_chapters(report_id)[0].blocks[0].body
    finally:
        session.close()
    return len(body) - len(before)


def one_run(db: Path, sig: int, seconds: float, env: dict[str, str], ceiling: bool = True) -> tuple[int, int]:
    """(characters typed, characters lost) when ``sig`` arrives after about ``seconds`` of typing."""
    from fazhi_desktop.demo import ensure_demo
    from fazhi_desktop.storage.session import open_session

    session = open_session(db, daily_backup=False)
    ensure_demo(session.store)
    report_id = session.store.find_report_id("示例镇", 2025)
    assert report_id is not None
    before = session.store.load_chapters(report_id)[0].blocks[0].body
    session.close(backup=False)
    argv = [sys.executable, __file__, str(db), *([] if ceiling else ["--no-ceiling"])]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, env=env)
    assert proc.stdout is not None
    typed = 0
    stop_at = None
    for line in proc.stdout:
        typed = int(line.split()[1])
        if stop_at is None:
            stop_at = time.monotonic() + seconds
        if time.monotonic() >= stop_at:
            proc.send_signal(sig)
            break
    rest, _ = proc.communicate(timeout=60)
    for line in rest.split("\n"):
        if line.startswith("typed"):
            typed = int(line.split()[1])
    return typed, typed - _saved_chars(db, before)


def measure(work: Path, runs: int, env: dict[str, str]) -> dict[str, list[float]]:
    """Seconds of typing lost per run, for SIGKILL and SIGTERM, and for SIGKILL without the ceiling
    ("baseline": the autosave as it was, which waited for a pause)."""
    rng = random.Random(17)
    lost: dict[str, list[float]] = {"SIGKILL": [], "SIGTERM": [], "baseline": []}
    for n in range(runs):
        for name in lost:
            if name == "baseline" and n > 0:  # once is enough to show what it was
                continue
            db = work / f"{name}-{n}" / "fazhi.db"
            sig = signal.SIGTERM if name == "SIGTERM" else signal.SIGKILL
            _typed, chars = one_run(db, sig, rng.uniform(3.0, 5.0), env, ceiling=name != "baseline")
            lost[name].append(chars * INTERVAL_MS / 1000)
    return lost


if __name__ == "__main__":
    sys.exit(child(Path(sys.argv[1]), ceiling="--no-ceiling" not in sys.argv))
