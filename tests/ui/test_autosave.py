"""Typing reaches the database after the debounce; closing and switching flush at once."""

from __future__ import annotations

from fazhi_desktop.core.model import Report
from fazhi_desktop.storage.database import StorageError
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.chapter.chapter_editor import ChapterEditor
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.window.autosaver import Autosaver
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.ui.ime import ime_type


def _first_chapter(window: MainWindow) -> ChapterEditor:
    editor = window.view.chapter_editors()[0]
    window.view.setCurrentWidget(editor)
    return editor


def test_typing_in_a_body_reaches_the_database(qtbot, demo_window: MainWindow, store: ReportStore) -> None:
    editor = _first_chapter(demo_window)
    editor.tree.select_index(1)
    block = editor.blocks[1]
    body = editor.block_editor.body
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    ime_type(body, "新增内容")
    assert demo_window.autosaver.has_pending()
    assert block.id is not None
    qtbot.waitUntil(lambda: store.load_chapter(editor.chapter_id).blocks[1].body.endswith("新增内容"),
                    timeout=5000)
    assert store.load_chapter(editor.chapter_id).blocks[1].body == block.body + "新增内容"
    qtbot.waitUntil(lambda: demo_window.save_label.text().startswith("已保存 "))


def test_heading_edit_updates_the_outline_row_at_once(qtbot, demo_window: MainWindow,
                                                      store: ReportStore) -> None:
    editor = _first_chapter(demo_window)
    editor.tree.select_index(0)
    editor.block_editor.heading.selectAll()
    ime_type(editor.block_editor.heading, "坚持党的全面领导")
    assert editor.tree.labels()[0] == "（一）坚持党的全面领导"
    qtbot.waitUntil(lambda: store.load_chapter(editor.chapter_id).blocks[0].heading == "坚持党的全面领导",
                    timeout=5000)


def test_closing_flushes_pending_edits(qtbot, demo_window: MainWindow, store: ReportStore) -> None:
    editor = _first_chapter(demo_window)
    ime_type(editor.title, "（修订）")
    ime_type(editor.block_editor.body, "收尾")
    demo_window.close()  # no waiting: closing itself must write
    stored = store.load_chapter(editor.chapter_id)
    assert stored.title.endswith("（修订）")
    assert stored.blocks[0].body.endswith("收尾")


def test_switching_report_flushes(qtbot, demo_window: MainWindow, store: ReportStore,
                                  template_report: Report, stored_demo: Report) -> None:
    editor = _first_chapter(demo_window)
    ime_type(editor.lead, "本章导语")
    assert template_report.id is not None
    demo_window.open_report(template_report.id)
    assert store.load_chapter(editor.chapter_id).lead == "本章导语"


def test_chapter_title_renames_tab_and_persists(qtbot, demo_window: MainWindow, store: ReportStore) -> None:
    editor = _first_chapter(demo_window)
    editor.title.selectAll()
    ime_type(editor.title, "工作举措")
    assert demo_window.view.tabText(1) == "一、工作举措"
    qtbot.waitUntil(lambda: store.load_chapter(editor.chapter_id).title == "工作举措", timeout=5000)


def test_failed_write_is_kept_and_retried(qtbot) -> None:
    saver = Autosaver(delay_ms=10_000)
    attempts: list[int] = []
    failures: list[str] = []
    saver.sig_failed.connect(failures.append)

    def write() -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("磁盘已满")

    saver.schedule("k", write)
    assert saver.flush() is False
    assert failures and "磁盘已满" in failures[0]
    assert saver.has_pending()
    assert saver.flush() is True
    assert len(attempts) == 2 and not saver.has_pending()


def test_newest_write_per_key_wins() -> None:
    saver = Autosaver(delay_ms=10_000)
    seen: list[str] = []
    saver.schedule("body", lambda: seen.append("old"))
    saver.schedule("body", lambda: seen.append("new"))
    saver.schedule("heading", lambda: seen.append("h"))
    saver.flush()
    assert seen == ["new", "h"]


def test_leaving_a_field_saves_at_once(qtbot, demo_window: MainWindow, store: ReportStore) -> None:
    editor = _first_chapter(demo_window)
    demo_window.show()
    demo_window.activateWindow()
    qtbot.waitActive(demo_window)
    editor.block_editor.body.setFocus()
    qtbot.waitUntil(lambda: editor.block_editor.body.hasFocus())
    ime_type(editor.block_editor.body, "换焦点前")
    assert demo_window.autosaver.has_pending()
    editor.title.setFocus()  # moving to another field is enough; no waiting for the timer
    qtbot.waitUntil(lambda: editor.title.hasFocus())
    assert not demo_window.autosaver.has_pending()
    assert store.load_chapter(editor.chapter_id).blocks[0].body.endswith("换焦点前")


def test_closing_with_an_unsavable_edit_asks_first(monkeypatch, qtbot, demo_window: MainWindow,
                                                   store: ReportStore) -> None:
    editor = _first_chapter(demo_window)
    demo_window.show()

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise StorageError("保存失败：磁盘空间已满。")

    monkeypatch.setattr(store, "update_block", disk_full)
    ime_type(editor.block_editor.body, "写不进去的字")
    asked: list[str] = []
    answers = [False, True]
    monkeypatch.setattr(Dialogs, "confirm", lambda _p, _t, text: asked.append(text) or answers.pop(0))
    demo_window.close()
    assert demo_window.isVisible() and "磁盘空间已满" in asked[0]  # stays open, nothing thrown away
    assert demo_window.autosaver.has_pending()
    demo_window.close()
    assert not demo_window.isVisible()
    demo_window.autosaver.discard()  # the clerk chose to close without it
