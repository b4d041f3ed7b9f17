"""Chapters are added, renamed, reordered and removed from the 章节 menu; statutory parts warn."""

from __future__ import annotations

import pytest

from fazhi_desktop.core.model import ChapterRole, Report
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.chapter.chapter_manager import CUSTOM_CHOICE
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.window.main_window import MainWindow


def _titles(store: ReportStore, report: Report) -> list[str]:
    assert report.id is not None
    return [c.title for c in store.load_chapters(report.id)]


def _tabs(window: MainWindow) -> list[str]:
    return [window.view.tabText(i) for i in range(window.view.count())]


def test_tabs_are_info_then_one_per_chapter_in_order(demo_window: MainWindow) -> None:
    assert _tabs(demo_window) == ["基本信息", "一、主要举措和成效", "二、存在的不足和原因",
                                  "三、第一责任人职责履行情况", "四、主要安排", "五、其他需要报告的情况",
                                  "预览", "数据指标", "检查"]
    assert demo_window.view.tabToolTip(3) == "党政主要负责人履行推进法治建设第一责任人职责情况"


def test_add_custom_chapter_after_the_current_one(monkeypatch: pytest.MonkeyPatch, demo_window: MainWindow,
                                                  store: ReportStore, stored_demo: Report) -> None:
    offered: list[list[str]] = []

    def choose(_p, _t, _l, items):
        offered.append(items)
        return CUSTOM_CHOICE

    monkeypatch.setattr(Dialogs, "ask_choice", choose)
    monkeypatch.setattr(Dialogs, "ask_text", lambda *_: "疫情防控中的依法行政")
    demo_window.view.setCurrentIndex(2)
    demo_window.act_add_chapter.trigger()
    assert offered == [[CUSTOM_CHOICE]]  # all five statutory parts exist already
    assert _titles(store, stored_demo)[2] == "疫情防控中的依法行政"
    assert demo_window.view.tabText(3) == "三、疫情防控中的依法行政"
    assert demo_window.view.currentIndex() == 3
    assert demo_window.view.tabText(4) == "四、第一责任人职责履行情况"


def test_missing_statutory_part_is_offered_first(monkeypatch: pytest.MonkeyPatch, demo_window: MainWindow,
                                                 store: ReportStore, stored_demo: Report) -> None:
    monkeypatch.setattr(Dialogs, "confirm", lambda *_: True)
    demo_window.view.setCurrentIndex(5)
    demo_window.act_delete_chapter.trigger()
    monkeypatch.setattr(Dialogs, "ask_choice", lambda _p, _t, _l, items: items[0])
    demo_window.view.setCurrentIndex(4)
    demo_window.act_add_chapter.trigger()
    assert stored_demo.id is not None
    assert store.load_chapters(stored_demo.id)[-1].role is ChapterRole.OTHER


def test_rename_and_reorder(monkeypatch: pytest.MonkeyPatch, demo_window: MainWindow, store: ReportStore,
                            stored_demo: Report) -> None:
    monkeypatch.setattr(Dialogs, "ask_text", lambda *_: "存在的问题")
    demo_window.view.setCurrentIndex(2)
    demo_window.act_rename_chapter.trigger()
    assert _titles(store, stored_demo)[1] == "存在的问题"
    assert demo_window.view.tabText(2) == "二、存在的问题"
    demo_window.chapters.move_chapter(-1)
    assert _titles(store, stored_demo)[:2] == ["存在的问题", "2025年度推进法治政府建设的主要举措和成效"]
    assert demo_window.view.tabText(1) == "一、存在的问题"
    assert demo_window.view.currentIndex() == 1
    editor = demo_window.view.current_editor()
    assert editor is not None and editor.number_label.text() == "一、"
    demo_window.chapters.move_chapter(-1)  # already first: nothing happens
    assert _titles(store, stored_demo)[0] == "存在的问题"


def test_removing_a_statutory_part_warns_and_can_be_restored(monkeypatch: pytest.MonkeyPatch,
                                                             demo_window: MainWindow, store: ReportStore,
                                                             stored_demo: Report) -> None:
    questions: list[str] = []
    answer = [False]
    monkeypatch.setattr(Dialogs, "confirm", lambda _p, _t, text: questions.append(text) or answer[0])
    demo_window.view.setCurrentIndex(2)
    demo_window.act_delete_chapter.trigger()
    assert "规定必须报告的内容" in questions[0]
    assert len(_titles(store, stored_demo)) == 5
    answer[0] = True
    demo_window.act_delete_chapter.trigger()
    assert len(_titles(store, stored_demo)) == 4
    assert len(demo_window.view.chapter_editors()) == 4
    assert demo_window.act_restore_chapter.isEnabled()
    demo_window.act_restore_chapter.trigger()
    assert stored_demo.id is not None
    chapters = store.load_chapters(stored_demo.id)
    assert chapters[1].role is ChapterRole.SHORTCOMINGS
    assert len(chapters[1].blocks) == len(stored_demo.chapters[1].blocks)
    assert not demo_window.act_restore_chapter.isEnabled()


def test_custom_chapter_removal_asks_without_the_statutory_warning(monkeypatch: pytest.MonkeyPatch,
                                                                   demo_window: MainWindow,
                                                                   store: ReportStore,
                                                                   stored_demo: Report) -> None:
    monkeypatch.setattr(Dialogs, "ask_choice", lambda *_: CUSTOM_CHOICE)
    monkeypatch.setattr(Dialogs, "ask_text", lambda *_: "附加说明")
    demo_window.view.setCurrentIndex(5)
    demo_window.act_add_chapter.trigger()
    questions: list[str] = []
    monkeypatch.setattr(Dialogs, "confirm", lambda _p, _t, text: questions.append(text) or True)
    demo_window.act_delete_chapter.trigger()
    assert questions == ["确定删除“附加说明”这一章及其全部内容吗？"]
    assert "附加说明" not in _titles(store, stored_demo)
