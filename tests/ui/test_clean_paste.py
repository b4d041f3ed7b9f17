"""Pasting text copied from a PDF into a body: broken lines joined, page numbers dropped, saved."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QTextCursor
from PySide6.QtTest import QTest
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


# --- the issue's cases: nothing real is lost, the paste can be undone, the original pasted as is ---------
ISSUE_SENTENCES = ["全年主动公开政府信息86条，依申请政府信息公开答复率100%。", "镇政务服务中心可办事项达到126项。",
                   "开通“千佛镇发布”微信公众号。",
                   "依法关闭违规经营场所3家，督促整改安全隐患47处，对辖区内重点行业开展联合执法检查12次，群众反映问题及时解决。"]


def _paste(edit: CleanPasteEdit, text: str) -> None:
    data = QMimeData()
    data.setText(text)
    edit.insertFromMimeData(data)


def test_sentences_with_web_words_are_never_dropped(qtbot: QtBot) -> None:
    edit = CleanPasteEdit()
    qtbot.addWidget(edit)
    with qtbot.assertNotEmitted(edit.sig_paste_cleaned):
        _paste(edit, "\n".join(ISSUE_SENTENCES))
    assert edit.toPlainText().split("\n") == ISSUE_SENTENCES


def test_a_sentence_with_each_clutter_word_survives_a_paste(qtbot: QtBot) -> None:
    """Every word of resources/import/clutter.json, inside a sentence and inside a heading-like line."""
    from fazhi_desktop.core.clutter import clutter_words

    words = clutter_words()
    assert len(words) > 150
    lines = []
    for word in words:
        lines += [f"全镇围绕{word}开展专项工作，群众满意度达到98%。", f"深化{word}工作"]
    edit = CleanPasteEdit()
    qtbot.addWidget(edit)
    said: list[str] = []
    edit.sig_paste_cleaned.connect(said.append)
    _paste(edit, "\n".join(lines))
    body = edit.toPlainText()
    for line in lines:
        assert line in body.split("\n"), line
    assert not any("删除" in message for message in said)


def test_one_undo_gives_back_the_paste_as_copied(qtbot: QtBot) -> None:
    copied = "镇党委政府坚持依法决策，\n落实法律顾问制度。\n【打印本页】【关闭窗口】\n— 3 —\n"
    edit = CleanPasteEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("已有的正文。")
    edit.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(edit.sig_paste_cleaned) as said:
        _paste(edit, copied)
    assert edit.toPlainText() == "已有的正文。镇党委政府坚持依法决策，落实法律顾问制度。"
    message = said.args[0]
    assert "第3行“【打印本页】【关闭窗口】”［网页按钮" in message and "第4行“— 3 —”［页码］" in message
    QTest.keySequence(edit, QKeySequence.StandardKey.Undo)
    assert edit.toPlainText() == "已有的正文。" + copied  # one Ctrl+Z: the paste exactly as copied
    QTest.keySequence(edit, QKeySequence.StandardKey.Undo)
    assert edit.toPlainText() == "已有的正文。"  # and one more: before the paste
    QTest.keySequence(edit, QKeySequence.StandardKey.Redo)
    QTest.keySequence(edit, QKeySequence.StandardKey.Redo)
    assert edit.toPlainText() == "已有的正文。镇党委政府坚持依法决策，落实法律顾问制度。"


def test_paste_original_with_ctrl_shift_v_and_from_the_menu(qtbot: QtBot) -> None:
    copied = "来源：青石镇人民政府 发布时间：2024-01-15\n全年办理案件21件 ,\x07群众满意。\n— 3 —"
    QGuiApplication.clipboard().setText(copied)
    edit = CleanPasteEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    with qtbot.waitSignal(edit.sig_paste_cleaned) as said:
        QTest.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert edit.toPlainText() == copied.replace("\x07", "")  # as copied; only the control character goes
    assert "未作整理" in said.args[0]
    QTest.keySequence(edit, QKeySequence.StandardKey.Undo)
    assert edit.toPlainText() == ""
    menu = edit.context_menu(QPoint(2, 2))
    texts = [a.text() for a in menu.actions()]
    paste = next(i for i, a in enumerate(menu.actions()) if a.objectName() == "edit-paste")
    assert texts[paste + 1].startswith("粘贴原文") and menu.actions()[paste + 1].isEnabled()
    menu.actions()[paste + 1].trigger()
    assert edit.toPlainText() == copied.replace("\x07", "")
    menu.deleteLater()


def test_rows_pasted_from_a_spreadsheet_become_text_and_are_offered_for_the_figures(qtbot: QtBot) -> None:
    edit = CleanPasteEdit()
    qtbot.addWidget(edit)
    with qtbot.waitSignal(edit.sig_paste_cleaned) as said:
        _paste(edit, "全年矛盾纠纷调处情况如下：\r\n受理矛盾纠纷\t86\r\n调解成功\t84\r\n法律咨询\t203\r\n")
    assert edit.toPlainText() == "全年矛盾纠纷调处情况如下：\n受理矛盾纠纷：86；调解成功：84；法律咨询：203。"
    assert "1个表格改为文字" in said.args[0]
    assert "受理矛盾纠纷86、调解成功84、法律咨询203可填入“数据指标”" in said.args[0]


def test_the_window_shows_the_whole_cleanup_note_under_the_body(demo_window: MainWindow) -> None:
    editor = demo_window.view.chapter_editors()[0]
    demo_window.view.setCurrentWidget(editor)
    editor.tree.select_index(0)
    _paste(editor.block_editor.body, "来源：青石镇人民政府 发布时间：2024-01-15\n" + PDF_COPY)
    note = editor.block_editor.paste_note
    assert not note.isHidden()
    assert "第1行“来源：青石镇人民政府 发布时间：…”［网页信息栏" in note.text()
    assert "第4行“— 3 —”［页码］" in note.text()
    assert demo_window.statusBar().currentMessage() == note.text()
    editor.tree.select_index(1)  # another block: the note was about the paste into the first
    assert note.isHidden()


def test_figures_of_a_pasted_table_go_into_the_data_table_as_one_undo_step(demo_window: MainWindow,
                                                                           store: ReportStore) -> None:
    """Issue 16 (tables): the 提示 under the paste offers the figures; one press fills 数据指标, Ctrl+Z takes
    them all back; a figure that does not fit its indicator is named and left out."""
    from fazhi_desktop.core.indicators import IndicatorValue

    report_id = demo_window.view.report_id
    assert report_id is not None
    before = store.indicator_values(report_id)
    editor = demo_window.view.chapter_editors()[0]
    demo_window.view.setCurrentWidget(editor)
    editor.tree.select_index(0)
    block = editor.block_editor
    assert block.fill_figures.isHidden()
    _paste(block.body, "全年矛盾纠纷调处情况如下：\r\n受理矛盾纠纷\t310\r\n调解成功\t301\r\n法律咨询\t12.5\r\n")
    assert not block.fill_figures.isHidden() and "填入数据指标" in block.paste_note.text()
    block.fill_figures.click()
    assert block.fill_figures.isHidden()  # once
    after = store.indicator_values(report_id)
    assert after["disputes_accepted"].value == 310 and after["disputes_resolved"].value == 301
    assert after["disputes_accepted"].note == before["disputes_accepted"].note  # 备注 and 来源 kept
    assert after.get("legal_consultations", IndicatorValue("legal_consultations")) == before.get(
        "legal_consultations", IndicatorValue("legal_consultations"))  # 12.5 consultations is refused
    message = demo_window.statusBar().currentMessage()
    assert message.startswith("已填入数据指标：受理矛盾纠纷310、调解成功301") and "法律咨询12.5" in message
    demo_window.undo_stack.undo()  # one step takes both back
    again = store.indicator_values(report_id)
    assert again["disputes_accepted"] == before["disputes_accepted"]
    assert again["disputes_resolved"] == before["disputes_resolved"]


def test_no_offer_to_fill_figures_while_viewing(demo_window: MainWindow) -> None:
    editor = demo_window.view.chapter_editors()[0]
    editor.block_editor.read_only = True
    editor.block_editor._offer_figures(("x",))
    assert editor.block_editor.fill_figures.isHidden()
