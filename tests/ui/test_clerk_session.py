"""A whole session as a clerk works: new report, type, paste, reorder, rename, export, close, reopen."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.dialogs import Dialogs
from fazhi_desktop.ui.export_dialog import ExportDialog, ExportRequest
from fazhi_desktop.ui.launcher import build_window
from fazhi_desktop.ui.main_window import MainWindow
from fazhi_desktop.ui.new_report_dialog import NewReportChoice, NewReportDialog
from tests.ui.ime import ime_type


def test_write_export_and_reopen(qtbot, monkeypatch: pytest.MonkeyPatch, window: MainWindow,
                                 store: ReportStore, db_path: Path, tmp_path: Path) -> None:
    monkeypatch.setattr(NewReportDialog, "ask", lambda *_: NewReportChoice("千佛镇", 2025, "statutory"))
    window.chooser.new_button.click()
    info = window.view.info
    info.report_editors["doc_number"].line.setFocus()
    ime_type(info.report_editors["doc_number"].line, "千府报〔2026〕3号")

    measures = window.view.chapter_editors()[0]
    window.view.setCurrentWidget(measures)
    measures.tree.select_index(0)
    ime_type(measures.block_editor.body, "镇党委召开专题会议研究法治建设4次。")
    measures.actions_by_name["add_child"].trigger()
    ime_type(measures.block_editor.heading, "健全领导机制。")
    QGuiApplication.clipboard().setText("调整依法治镇委员会。\n落实会前学法制度。")
    measures.block_editor.body.setFocus()
    measures.block_editor.body.paste()  # pasted from another document
    measures.tree.select_index(0)
    measures.actions_by_name["move_down"].trigger()  # （一） becomes （二）, with its child

    window.view.setCurrentWidget(window.view.chapter_editors()[1])
    monkeypatch.setattr(Dialogs, "ask_text", lambda *_: "存在的问题和原因")
    window.act_rename_chapter.trigger()

    target = tmp_path / "千佛镇.docx"
    monkeypatch.setattr(ExportDialog, "ask", lambda *_: ExportRequest(path=target))
    monkeypatch.setattr(Dialogs, "export_done", lambda *_: "")
    assert window.export_word() is not None
    window.close()

    with zipfile.ZipFile(target) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    for text in ("镇党委召开专题会议研究法治建设4次。", "健全领导机制。", "落实会前学法制度。", "存在的问题和原因"):
        assert text in xml

    again = build_window(store, db_path)  # next morning: the same report opens by itself
    qtbot.addWidget(again)
    report = again.view.report()
    assert (report.unit.short_name, report.year, report.doc_number) == ("千佛镇", 2025, "千府报〔2026〕3号")
    moved = report.chapters[0].blocks
    first_section = moved[0].heading
    index = next(i for i, b in enumerate(moved) if b.body.startswith("镇党委召开"))
    assert index > 0 and moved[0].heading == first_section
    assert moved[index + 1].heading == "健全领导机制。"
    assert moved[index + 1].body == "调整依法治镇委员会。\n落实会前学法制度。"
    assert again.view.tabText(2) == "二、存在的问题和原因"
    again.close()
