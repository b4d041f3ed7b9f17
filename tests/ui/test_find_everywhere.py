"""查找和替换 across the whole report as the clerk meets it: 落款机关, 成文日期 and 印发日期 are found and replaced
like any text (one undo step); a replacement a field cannot hold (a date that does not exist, a third organ,
a unit name already used) is refused with a Chinese message and changes nothing; 区分大小写 and 全字匹配;
a place typed over since it was listed is never overwritten."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLineEdit

from fazhi_desktop.core.model import Report
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.edit.find_actions import FindController, show_find_dialog
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.ui.ime import ime_type


@pytest.fixture
def finder(demo_window: MainWindow) -> FindController:
    controller = show_find_dialog(demo_window, True)
    yield controller
    controller.dialog.close()


def _report(store: ReportStore, stored: Report) -> Report:
    return store.load_report(stored.id or 0)


def _where(finder: FindController) -> list[str]:
    return [h.field.where for h in finder.hits]


def _search(finder: FindController, needle: str, replacement: str = "") -> list[str]:
    finder.dialog.needle.setText(needle)
    finder.dialog.replacement.setText(replacement)
    return _where(finder)


def test_signatories_and_dates_are_found_and_shown_selected(demo_window: MainWindow, finder: FindController) -> None:
    assert "基本信息 › 落款机关" in _search(finder, "示例镇人民政府")
    finder.goto(_where(finder).index("基本信息 › 落款机关"))
    info = demo_window.view.info
    assert demo_window.view.currentWidget() is info
    assert info.report_editors["signatories"].second.selectedText() == "示例镇人民政府"  # type: ignore[attr-defined]
    assert _search(finder, "2026年1月16日")[:2] == ["基本信息 › 成文日期", "基本信息 › 印发日期"]
    finder.goto(0)
    inner = info.report_editors["date"].date.findChild(QLineEdit)  # type: ignore[attr-defined]
    assert inner is not None and inner.selectedText() == "2026年1月16日"
    assert not any("单位类型" in w for w in _search(finder, "乡镇"))  # a choice, not a text: never replaced


def test_replacing_in_dates_and_organs_is_one_undo_step(demo_window: MainWindow, finder: FindController,
                                                        store: ReportStore, stored_demo: Report) -> None:
    before = _report(store, stored_demo)
    where = _search(finder, "2026年", "2027年")
    assert {"基本信息 › 成文日期", "基本信息 › 印发日期"} <= set(where)
    index = demo_window.undo_stack.index()
    assert finder.replace_all("2027年") == len(where)
    after = _report(store, stored_demo)
    assert after.date == dt.date(2027, 1, 16) and after.imprint_date == dt.date(2027, 1, 16)
    assert demo_window.undo_stack.index() == index + 1
    assert demo_window.view.info.report_editors["date"].value() == dt.date(2027, 1, 16)
    demo_window.act_undo.trigger()
    assert _report(store, stored_demo) == before
    assert demo_window.view.info.report_editors["date"].value() == dt.date(2026, 1, 16)
    _search(finder, "示例镇", "样板镇")
    finder.replace_all("样板镇")
    assert _report(store, stored_demo).signatories == ("中共样板镇委员会", "样板镇人民政府")
    organs = demo_window.view.info.report_editors["signatories"]
    assert organs.first.text() == "中共样板镇委员会"  # type: ignore[attr-defined]
    title = demo_window.view.info.report_editors["title_override"].line  # type: ignore[attr-defined]
    assert title.placeholderText().startswith("自动：样板镇2025年度")  # the automatic title follows the unit
    demo_window.act_undo.trigger()
    assert _report(store, stored_demo) == before
    assert title.placeholderText().startswith("自动：示例镇2025年度")


def test_a_replacement_that_would_break_a_date_is_refused(demo_window: MainWindow, finder: FindController,
                                                          store: ReportStore, stored_demo: Report) -> None:
    before = _report(store, stored_demo)
    index = demo_window.undo_stack.index()
    where = _search(finder, "1月", "13月")
    assert "基本信息 › 成文日期" in where
    assert finder.replace_all("13月") == 0
    assert _report(store, stored_demo) == before and demo_window.undo_stack.index() == index
    error = finder.dialog.error.text()
    assert finder.dialog.error.isVisible() and "成文日期" in error and "日期不存在" in error
    assert "未作任何改动" in error and "成文日期：日期不存在" in error  # the field named once
    finder.dialog.results.setCurrentItem(finder.dialog.results.topLevelItem(where.index("基本信息 › 成文日期")))
    finder.dialog.replace_one.click()  # the date alone: refused too
    assert _report(store, stored_demo) == before and "日期不存在" in finder.dialog.error.text()


def test_a_third_organ_or_a_used_unit_name_is_refused(demo_window: MainWindow, finder: FindController,
                                                      store: ReportStore, stored_demo: Report) -> None:
    before = _report(store, stored_demo)
    _search(finder, "示例镇人民政府")
    assert finder.replace_all("示例镇人民政府，示例镇人大") == 0
    assert "落款机关最多两个" in finder.dialog.error.text()
    store.ensure_unit("样板镇")
    _search(finder, "示例镇")
    assert finder.replace_all("样板镇") == 0
    assert "单位“样板镇”已存在" in finder.dialog.error.text()
    assert _report(store, stored_demo) == before
    _search(finder, "示例镇", "")
    assert finder.replace_all("") == 0 and "单位简称不能为空" in finder.dialog.error.text()
    assert _report(store, stored_demo) == before


def test_case_and_whole_word(demo_window: MainWindow, finder: FindController, store: ReportStore,
                             stored_demo: Report) -> None:
    report = _report(store, stored_demo)
    store.update_report_field(report.id or 0, "note", "网站ICP备案；icp许可；2012年办理12件")
    demo_window.open_report(report.id or 0)
    assert len(_search(finder, "icp")) == 2  # case matters only when asked
    finder.dialog.match_case.setChecked(True)
    assert len(finder.hits) == 1 and finder.hits[0].context().find("【icp】") >= 0
    finder.dialog.match_case.setChecked(False)
    assert len(_search(finder, "12")) >= 2
    finder.dialog.whole_word.setChecked(True)
    assert [h.context() for h in finder.hits if h.field.key == "note"] == ["…；icp许可；2012年办理【12】件"]
    assert finder.replace_all("十二") >= 1
    assert _report(store, stored_demo).note == "网站ICP备案；icp许可；2012年办理十二件"


def test_replace_one_never_overwrites_typing_done_since_the_list(demo_window: MainWindow, finder: FindController,
                                                                 store: ReportStore, stored_demo: Report) -> None:
    chapter = _report(store, stored_demo).chapters[1]
    store.update_chapter(chapter.id or 0, lead="示例镇甲示例镇乙")
    demo_window.open_report(stored_demo.id or 0)
    _search(finder, "示例镇", "样板镇")

    def in_lead() -> list[int]:
        return [i for i, h in enumerate(finder.hits) if (h.field.row, h.field.key) == (chapter.id, "lead")]

    finder.goto(in_lead()[0])  # shown selected in the chapter's 导语
    editor = demo_window.view.current_editor()
    assert editor is not None and editor.chapter_id == chapter.id
    lead = editor.lead
    lead.moveCursor(lead.textCursor().MoveOperation.End)
    ime_type(lead, "丙。")  # typed after the list was made, not yet saved
    finder.dialog.results.setCurrentItem(finder.dialog.results.topLevelItem(in_lead()[0]))
    finder.dialog.replace_one.click()
    assert store.load_chapter(chapter.id or 0).lead == "样板镇甲示例镇乙丙。"  # the typing is kept
    lead.moveCursor(lead.textCursor().MoveOperation.Start)
    ime_type(lead, "开头")  # the listed place of the second 示例镇 has moved
    assert finder.replace_one(in_lead()[0], "样板镇") is False
    assert store.load_chapter(chapter.id or 0).lead == "开头样板镇甲示例镇乙丙。"
    assert "已经改动" in finder.dialog.error.text()
    assert finder.replace_one(in_lead()[0], "样板镇") is True  # the list was made again: now it is replaced
    assert store.load_chapter(chapter.id or 0).lead == "开头样板镇甲样板镇乙丙。"


def test_viewing_from_the_county_board_finds_but_never_replaces(demo_window: MainWindow, finder: FindController,
                                                                store: ReportStore, stored_demo: Report) -> None:
    assert finder.dialog.replace_all.isVisible()
    demo_window.open_report(stored_demo.id or 0, viewing=True)  # 汇总 → 查看
    assert not finder.dialog.replace_all.isVisible() and not finder.dialog.replacement.isVisible()
    before = _report(store, stored_demo)
    assert _search(finder, "示例镇")
    assert finder.replace_all("样板镇") == 0 and _report(store, stored_demo) == before
    assert finder.replace_one(0, "样板镇") is False and _report(store, stored_demo) == before
    demo_window.act_replace.trigger()  # Ctrl+H is off while viewing
    assert not finder.dialog.replace_all.isVisible()
    demo_window.find_replace(True)
    assert not finder.dialog.replace_all.isVisible()
    assert replace(before) == _report(store, stored_demo)
