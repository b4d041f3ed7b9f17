"""Open a window on a county data file and print the seconds from the 汇总 menu to the board drawn
(``--until-filled``: to every figure filled in by the background work)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from fazhi_desktop.storage.database import open_database
    from fazhi_desktop.storage.repository import ReportStore
    from fazhi_desktop.ui.window.main_window import MainWindow
    from fazhi_desktop.ui.window.ui_settings import open_settings

    app = QApplication([])
    db = Path(sys.argv[1])
    window = MainWindow(ReportStore(open_database(db)), open_settings(db.parent / "settings"), db)
    window.resize(1024, 768)
    window.show()
    app.processEvents()
    start = time.perf_counter()
    window.county.act_show.trigger()
    window.county.view.table.viewport().repaint()
    app.processEvents()
    if "--until-filled" in sys.argv:  # the figures worked out in the background, all in
        while window.county.figures.board.busy:
            app.processEvents()
            time.sleep(0.005)
        window.county.view.table.viewport().repaint()
    elapsed = time.perf_counter() - start
    assert window.county.view.table.rowCount() == 80
    if "--until-filled" in sys.argv:
        assert all(line.metrics is not None for line in window.county.view.lines())
    print(f"{elapsed:.4f}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
