"""Open a window on a report of about 10 pages and print, as JSON, the seconds from 打印预览 (Ctrl+P) to
the first page painted, and from an edit to the pages painted again: after typing in a chapter and coming
back to 预览, and after an undo (Ctrl+Z) on the 预览 itself. Run by bench/preview.py, one process a run."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from fazhi_desktop.storage.database import open_database
    from fazhi_desktop.storage.repository import ReportStore
    from fazhi_desktop.ui.window.main_window import MainWindow
    from fazhi_desktop.ui.window.ui_settings import open_settings

    app = QApplication([])
    db = Path(sys.argv[1])
    store = ReportStore(open_database(db))
    window = MainWindow(store, open_settings(db.parent / "settings"), db)
    window.resize(1024, 768)
    window.show()
    window.open_report(store.list_reports()[0].id)
    app.processEvents()

    def painted(start: float) -> float:
        """Wait (idle, as the window waits for the layout's thread) for the new layout, then paint the view as
        the next screen refresh would."""
        controller = window.preview.controller
        if controller.plan is None or controller.plan is seen[0]:
            loop = QEventLoop()
            controller.sig_laid_out.connect(loop.quit)
            loop.exec()
            controller.sig_laid_out.disconnect(loop.quit)
        seen[0] = controller.plan
        canvas = window.view.preview.canvas
        canvas.viewport().repaint()
        return time.perf_counter() - start

    seen: list[object] = [None]
    start = time.perf_counter()
    window.act_preview.trigger()
    first = painted(start)
    pages = window.preview.controller.plan.pages  # type: ignore[union-attr]
    editor = window.view.chapter_editors()[0]
    window.view.setCurrentWidget(editor)
    editor.tree.select_index(1)
    editor.block_editor.body.insertPlainText("全年新增法治宣传阵地三处，覆盖全部村（社区）。")
    window.autosaver.flush()  # saved by the autosaver half a second after typing (measured by its own bench)
    app.processEvents()
    start = time.perf_counter()
    window.view.setCurrentWidget(window.view.preview)
    edited = painted(start)
    start = time.perf_counter()
    window.undo_stack.undo()
    undone = painted(start)
    print(json.dumps({"first": first, "edit": edited, "undo": undone, "pages": pages}))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
