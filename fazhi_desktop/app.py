"""The GUI composition root: QApplication, the store, the main window."""

from __future__ import annotations

from pathlib import Path


def run_app(db_path: Path, demo: bool = False) -> int:
    """Open the window on the database at ``db_path``; returns the exit code."""
    from fazhi_desktop.ui.launcher import launch

    return launch(db_path, demo=demo)
