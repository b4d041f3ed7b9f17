"""The GUI composition root: logging, QApplication, the store, the main window."""

from __future__ import annotations

from pathlib import Path


def run_app(db_path: Path, demo: bool = False) -> int:
    """Open the window on the database at ``db_path``; returns the exit code.

    Unhandled exceptions go to ``logs/app.log`` beside the data file (a windowed .exe has no stderr)
    and the clerk gets a short Chinese message; the program keeps running where it can.
    """
    from fazhi_desktop.logsetup import setup_logging
    from fazhi_desktop.ui.common.error_dialog import show_unhandled
    from fazhi_desktop.ui.window.launcher import launch

    setup_logging(Path(db_path).parent / "logs", on_error=show_unhandled)
    if demo:
        from fazhi_desktop.demo import ensure_demo

        return launch(db_path, demo=True, prepare=ensure_demo)
    return launch(db_path)
