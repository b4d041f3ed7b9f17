"""A clerk's whole session in the real window: new report, typing, pasting, reordering, renaming,
exporting, closing and reopening. Each step is checked against the database, not the widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fazhi_desktop.core.numbering import block_numbers
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.exporting.export_dialog import ExportDialog, ExportRequest
from fazhi_desktop.ui.reports.new_report_dialog import NewReportChoice, NewReportDialog
from fazhi_desktop.ui.window.main_window import MainWindow
from fazhi_desktop.ui.window.ui_settings import open_settings
from tests.ui.ime import ime_type

PASTED = "镇综治中心全年受理矛盾纠纷120件，调解成功115件。"


def test_a_whole_report_session(qtbot: QtBot, store: ReportStore, db_path: Path, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    settings = open_settings(tmp_path / "settings")
    window = MainWindow(store, settings, db_path)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)

    # 1. a new report from the statutory template
    monkeypatch.setattr(NewReportDialog, "ask", classmethod(
        lambda cls, parent, units, year: NewReportChoice("千佛镇", 2025, "statutory")))
    window.new_report()
    report_id = window.view.report_id
    assert report_id is not None and "千佛镇" in window.windowTitle()

    # 2. typing into the first section's body (as an input method commits Chinese)
    editor = window.view.chapter_editors()[0]
    window.view.setCurrentWidget(editor)
    editor.tree.select_index(0)
    ime_type(editor.block_editor.body, "镇党委召开专题会议研究法治建设4次。")

    # 3. pasting into the second section's body
    editor.tree.select_index(1)
    QApplication.clipboard().setText(PASTED)
    editor.block_editor.body.setFocus()
    editor.block_editor.body.paste()

    # 4. the second section moves above the first; numbering follows at once
    editor.move_up()
    assert editor.current_index() == 0
    window.autosaver.flush()
    blocks = store.load_blocks(editor.chapter_id)
    assert blocks[0].body == PASTED and blocks[1].body == "镇党委召开专题会议研究法治建设4次。"
    assert block_numbers(blocks)[:2] == ["（一）", "（二）"]

    # 5. renaming the chapter
    monkeypatch.setattr(Dialogs, "ask_text", staticmethod(lambda *a, **k: "2025年度法治政府建设主要举措和成效"))
    window.chapters.rename_chapter()
    assert store.load_report(report_id).chapters[0].title == "2025年度法治政府建设主要举措和成效"

    # 6. exporting to Word
    target = tmp_path / "千佛镇报告.docx"
    monkeypatch.setattr(ExportDialog, "ask", classmethod(
        lambda cls, parent, report, default, check_summary="", **_options: ExportRequest(path=target)))
    monkeypatch.setattr(Dialogs, "export_done", staticmethod(lambda *a: ""))
    result = window.export_word()
    assert result is not None and target.stat().st_size > 10_000

    # 7. closing, then a new window on the same data file reopens the report as it was left
    window.close()
    again = MainWindow(store, settings, db_path)
    qtbot.addWidget(again)
    assert again.open_last_report() and again.view.report_id == report_id
    reopened = store.load_report(report_id)
    assert reopened.chapters[0].blocks[0].body == PASTED
    assert again.view.chapter_editors()[0].title.text() == "2025年度法治政府建设主要举措和成效"
    again.close()
