"""Subprocess for the start-up benchmark: open the app (or a bare Qt window) and exit once it is shown.

``python bench/app_start.py --floor`` shows an empty QMainWindow (the floor);
``python bench/app_start.py --db FILE`` runs the real command line, which reopens the last report.
QApplication.exec is replaced by a loop that returns as soon as a main window is visible, so
the measured time is process start → main window shown with the report loaded.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _exec_until_shown() -> int:
    import time

    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for _ in range(100_000):
        app.processEvents()
        if any(isinstance(w, QMainWindow) and w.isVisible() for w in app.topLevelWidgets()):
            app.processEvents()
            t0 = os.environ.get("FAZHI_BENCH_T0")
            if t0:  # seconds from the parent's spawn to the window shown (before the clean-exit backup)
                print(f"SHOWN {time.time() - float(t0):.6f}", flush=True)
            return 0
    return 3  # never shown


def main() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    QApplication.exec = staticmethod(_exec_until_shown)  # type: ignore[method-assign]
    if "--floor" in sys.argv:
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1280, 800)
        window.show()
        return int(app.exec())
    from fazhi_desktop.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
