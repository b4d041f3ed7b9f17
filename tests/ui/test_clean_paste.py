"""Pasting text copied from a PDF into a body: broken lines joined, page numbers dropped, saved."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from pytestqt.qtbot import QtBot

from fazhi_desktop.core.model import Report
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.chapter.clean_paste_edit import CleanPasteEdit
from fazhi_desktop.ui.window.main_window import MainWindow

PDF_COPY = "镇党委政府坚持对法治建设工作进行专题研究，严格依法依规\n决策，落实党委政府法律顾问制度。\n— 3 —\n"
JOINED = "镇党委政府坚持对法治建设工作进行专题研究，严格依法依规决策，落实党委政府法律顾问制度。"


def test_paste_is_cleaned_and_reported(qtbot: QtBot) -> None:
    edit = CleanPasteEdit()
    qtbot.addWidget(edit)
    data = QMimeData()
    data.setText(PDF_COPY)
    with qtbot.waitSignal(edit.sig_paste_cleaned) as said:
        edit.insertFromMimeData(data)
    assert edit.toPlainText() == JOINED
    assert "整理" in said.args[0] and "第3行“— 3 —”［页码］" in said.args[0] and "Ctrl+Z" in said.args[0]


def test_clean_text_is_pasted_as_it_is(qtbot: QtBot) -> None:
    edit = CleanPasteEdit()
    qtbot.addWidget(edit)
    data = QMimeData()
    data.setText("全年调解矛盾纠纷186件。")
    with qtbot.assertNotEmitted(edit.sig_paste_cleaned):
        edit.insertFromMimeData(data)
    assert edit.toPlainText() == "全年调解矛盾纠纷186件。"


def test_pasted_text_in_the_window_reaches_the_store(qtbot: QtBot, demo_window: MainWindow, store: ReportStore,
                                                     stored_demo: Report) -> None:
    editor = demo_window.view.chapter_editors()[0]
    demo_window.view.setCurrentWidget(editor)
    editor.tree.select_index(0)  # a section with an empty body
    data = QMimeData()
    data.setText(PDF_COPY)
    editor.block_editor.body.insertFromMimeData(data)
    demo_window.autosaver.flush()
    stored = store.load_report(stored_demo.id or 0).chapters[0].blocks[0].body
    assert stored == JOINED


def test_hostile_paste_is_stored_without_control_characters(demo_window: MainWindow, store: ReportStore,
                                                            stored_demo: Report) -> None:
    # Control characters, an ANSI escape, zero-width and bidi marks, a BOM, emoji and a rare character, and
    # a 200,000-character paste: no crash, nothing an XML writer would choke on reaches the data file.
    from fazhi_desktop.core.text import has_control

    nasty = "依法\x00行政\x07\x1b[31m\u200b\u202e反转\u202c\ufeff👨\u200d👩\u200d👧𠀋䶮\r\n下一行\t制表"
    editor = demo_window.view.chapter_editors()[0]
    demo_window.view.setCurrentWidget(editor)
    editor.tree.select_index(0)
    data = QMimeData()
    data.setText(nasty + "坚持依法行政。" * 30_000)
    editor.block_editor.body.insertFromMimeData(data)
    assert demo_window.autosaver.flush()
    stored = store.load_report(stored_demo.id or 0).chapters[0].blocks[0].body
    assert not has_control(stored)
    assert "依法行政" in stored and "👨\u200d👩\u200d👧𠀋䶮" in stored and len(stored) > 200_000
