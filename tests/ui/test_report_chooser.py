"""The report list: new, copy from last year, open, delete with backup and undo, reopen last report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fazhi_desktop.core.indicators import load_catalog, parse_values
from fazhi_desktop.core.model import ChapterRole, Report
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.reports.new_report_dialog import NewReportChoice, NewReportDialog, suggested_year
from fazhi_desktop.ui.window.launcher import build_window
from fazhi_desktop.ui.window.main_window import LAST_REPORT_KEY, MainWindow


def _years(store: ReportStore, unit: str) -> list[int]:
    return sorted(s.year for s in store.list_reports() if s.unit == unit)


def test_chooser_lists_units_and_years(window: MainWindow, stored_demo: Report,
                                       template_report: Report) -> None:
    window.show_chooser()
    assert window.pages.currentWidget() is window.chooser
    rows = [window.chooser.list.topLevelItem(i) for i in range(window.chooser.list.topLevelItemCount())]
    assert [(r.text(0), r.text(1)) for r in rows if r] == [("千佛镇", "2021年度"), ("示例镇", "2025年度")]
    assert window.windowTitle().startswith("报告列表")
    assert not window.chooser.empty_hint.isVisibleTo(window.chooser)


def test_new_report_from_the_chosen_template(monkeypatch: pytest.MonkeyPatch, window: MainWindow,
                                             store: ReportStore) -> None:
    asked: list[int] = []

    def fake_ask(_parent, _units, year):
        asked.append(year)
        return NewReportChoice("城关街道", 2026, "principal-first")

    monkeypatch.setattr(NewReportDialog, "ask", fake_ask)
    window.show_chooser()
    window.chooser.new_button.click()
    assert asked == [suggested_year()]
    report_id = store.find_report_id("城关街道", 2026)
    assert report_id is not None
    report = store.load_report(report_id)
    assert report.chapters[0].role is ChapterRole.PRINCIPAL_DUTY
    assert report.unit.full_name == "城关街道办事处"
    assert window.pages.currentWidget() is window.view
    assert window.windowTitle().startswith("城关街道 2026年度 · 草稿")
    assert store.get_meta(LAST_REPORT_KEY) == str(report_id)
    assert len(window.view.chapter_editors()) == len(report.chapters)


def test_new_report_that_exists_offers_to_open_it(monkeypatch: pytest.MonkeyPatch, window: MainWindow,
                                                  template_report: Report) -> None:
    """Issue 18, item 10: “千佛镇2021年度的报告已经存在” offers 打开 (and opens that report)."""
    questions: list[str] = []
    answers = iter([False, True])
    monkeypatch.setattr(NewReportDialog, "ask", lambda *_: NewReportChoice("千佛镇", 2021, "statutory"))
    monkeypatch.setattr(Dialogs, "ask_open", lambda _p, _t, text: questions.append(text) or next(answers))
    window.show_chooser()
    window.new_report()  # 取消: nothing happens
    assert questions and "千佛镇2021年度的报告已经存在" in questions[0] and "要打开它吗" in questions[0]
    assert window.pages.currentWidget() is window.chooser
    window.new_report()  # 打开
    assert window.view.report_id == template_report.id and window.pages.currentWidget() is window.view


def test_copy_to_a_year_that_exists_offers_to_open_it(monkeypatch: pytest.MonkeyPatch, window: MainWindow,
                                                      store: ReportStore, stored_demo: Report) -> None:
    assert stored_demo.id is not None
    existing = store.copy_year(stored_demo.id).id
    monkeypatch.setattr(Dialogs, "ask_open", lambda _p, _t, text: "2026年度的报告已经存在" in text)
    window.copy_report(stored_demo.id)
    assert window.view.report_id == existing


def test_copy_from_last_year(window: MainWindow, store: ReportStore, stored_demo: Report) -> None:
    window.show_chooser()
    assert stored_demo.id is not None
    window.chooser.select_id(stored_demo.id)
    assert window.chooser.copy_button.text() == "从上一年复制（新建2026年度）"
    window.chooser.copy_button.click()
    assert _years(store, "示例镇") == [2025, 2026]
    new_id = store.find_report_id("示例镇", 2026)
    assert new_id is not None and window.view.report_id == new_id
    copied = store.load_report(new_id)
    assert copied.chapters[0].title == "2026年度推进法治政府建设的主要举措和成效"
    assert len(copied.chapters[0].blocks) == len(stored_demo.chapters[0].blocks)


def test_delete_asks_backs_up_and_can_be_undone(monkeypatch: pytest.MonkeyPatch, window: MainWindow,
                                                store: ReportStore, stored_demo: Report,
                                                db_path: Path) -> None:
    questions: list[str] = []
    answer = [False]

    def confirm(_parent, _title, text):
        questions.append(text)
        return answer[0]

    monkeypatch.setattr(Dialogs, "confirm", confirm)
    assert stored_demo.id is not None
    store.set_indicator_values(stored_demo.id, parse_values(load_catalog(), {"disputes_accepted": "186"}))
    window.open_report(stored_demo.id)
    window.show_chooser()
    window.chooser.delete_button.click()
    assert questions and "示例镇2025年度法治政府建设情况报告" in questions[0]
    assert _years(store, "示例镇") == [2025]  # cancelled: nothing happened
    answer[0] = True
    window.chooser.delete_button.click()
    assert _years(store, "示例镇") == []
    assert list((db_path.parent / "backups").glob("fazhi-*-删除报告.db"))
    assert window.chooser.undo_button.isVisibleTo(window.chooser)
    window.chooser.undo_button.click()
    restored_id = store.find_report_id("示例镇", 2025)
    assert restored_id is not None
    restored = store.load_report(restored_id)
    assert restored.char_count() == stored_demo.char_count()
    assert [len(c.blocks) for c in restored.chapters] == [len(c.blocks) for c in stored_demo.chapters]
    assert restored.date == stored_demo.date and restored.status is stored_demo.status
    assert store.indicator_values(restored_id)["disputes_accepted"].value == 186
    assert not window.chooser.undo_button.isVisibleTo(window.chooser)


def test_last_report_reopens_on_start(qtbot, store: ReportStore, db_path: Path, stored_demo: Report,
                                      template_report: Report) -> None:
    assert template_report.id is not None
    store.set_meta(LAST_REPORT_KEY, str(template_report.id))
    window = build_window(store, db_path)
    qtbot.addWidget(window)
    assert window.view.report_id == template_report.id
    assert window.windowTitle().startswith("千佛镇 2021年度")
    window.close()


def test_demo_opens_the_demo_report(qtbot, store: ReportStore, db_path: Path, stored_demo: Report,
                                    template_report: Report) -> None:
    assert template_report.id is not None
    store.set_meta(LAST_REPORT_KEY, str(template_report.id))
    window = build_window(store, db_path, demo=True)
    qtbot.addWidget(window)
    assert window.view.report_id == stored_demo.id
    window.close()


def test_no_reports_shows_the_empty_list(qtbot, store: ReportStore, db_path: Path) -> None:
    window = build_window(store, db_path)
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.chooser
    assert window.chooser.empty_hint.isVisibleTo(window.chooser)
    assert not window.chooser.open_button.isEnabled()
    window.close()


@pytest.mark.parametrize(("today", "year"), [(dt.date(2027, 1, 20), 2026), (dt.date(2026, 11, 26), 2026)])
def test_suggested_year_is_the_year_being_reported(today: dt.date, year: int) -> None:
    assert suggested_year(today) == year
