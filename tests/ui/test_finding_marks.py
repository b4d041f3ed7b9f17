"""Issue 18, item 12: 检查's findings marked in the body text — wavy underlines coloured by severity, the
explanation as a tooltip, the fix on right-click (one undo step); item 10: double-click selects the text."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication

from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.chapter.chapter_editor import ChapterEditor
from fazhi_desktop.ui.checks.finding_marks import COLOURS
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.ui.ime import ime_type

OUT = Path(os.environ.get("FAZHI_SCREENSHOT_DIR") or Path(__file__).resolve().parents[2] / "build" / "screenshots")
SLOPPY = "依据《民法总则》，全年办理案件12 件。。"


def _marked(window: MainWindow) -> ChapterEditor:
    editor = window.view.chapter_editors()[0]
    window.view.setCurrentWidget(editor)
    editor.tree.select_index(1)
    body = editor.block_editor.body
    body.moveCursor(body.textCursor().MoveOperation.End)
    ime_type(body, SLOPPY)
    window.check_controller.quiet_check()  # as after a pause in typing
    return editor


def _underlines(editor: ChapterEditor) -> dict[str, str]:
    """The underlined texts of the body and their underline colours."""
    body = editor.block_editor.body
    text = body.toPlainText()
    found: dict[str, str] = {}
    block = body.document().firstBlock()
    while block.isValid():
        for fmt in block.layout().formats():
            if fmt.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline:
                start = block.position() + fmt.start
                found[text[start:start + fmt.length]] = fmt.format.underlineColor().name()
        block = block.next()
    return found


def test_findings_are_underlined_by_severity(qtbot, demo_window: MainWindow) -> None:
    editor = _marked(demo_window)
    underlines = _underlines(editor)
    assert underlines.get("民法总则") == COLOURS["错误"]  # a repealed law: 错误, red
    assert underlines.get("。。") is not None
    demo_window.resize(1280, 800)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    OUT.mkdir(parents=True, exist_ok=True)
    assert demo_window.grab().save(str(OUT / "marks.png"))


def test_tooltip_and_right_click_fix(demo_window: MainWindow, store: ReportStore) -> None:
    editor = _marked(demo_window)
    body = editor.block_editor.body
    marks = editor.block_editor.marks
    mark = next(m for m in marks.marks if m.text == "。。")
    cursor = body.textCursor()
    cursor.setPosition(mark.start + 1)
    point = body.cursorRect(cursor).center()
    assert marks.mark_at(point) == mark
    assert "。。" in mark.text and mark.tip().startswith(mark.severity)
    menu = marks.menu_at(point)
    assert demo_window.act_undo in menu.actions() and demo_window.act_redo in menu.actions()  # the report's
    fix = next(a for a in menu.actions() if a.text().startswith(("改为", "删除")))
    steps = demo_window.undo_stack.index()
    fix.trigger()
    assert body.toPlainText().endswith("全年办理案件12 件。")
    assert demo_window.undo_stack.index() == steps + 1  # one undo step
    demo_window.act_undo.trigger()
    assert body.toPlainText().endswith(SLOPPY)


def test_marks_follow_the_text_while_typing(demo_window: MainWindow) -> None:
    editor = _marked(demo_window)
    body = editor.block_editor.body
    cursor = body.textCursor()
    cursor.setPosition(0)
    body.setTextCursor(cursor)
    ime_type(body, "前面加的字")
    QApplication.processEvents()
    assert "民法总则" in _underlines(editor)  # moved along with its words
    start = body.toPlainText().index("《民法总则》")
    cursor.setPosition(start + 2)  # inside 民法总则
    body.setTextCursor(cursor)
    ime_type(body, "刑")  # the marked words themselves edited: that mark goes until the next check
    QApplication.processEvents()
    assert not any("民法" in text for text in _underlines(editor))
