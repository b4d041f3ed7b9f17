"""The 基本信息 form is generated from core.schema and round-trips every field through the store."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QPushButton

from fazhi_desktop.core.model import Report, SealMode, Status, UnitKind
from fazhi_desktop.core.schema import REPORT_FIELDS, UNIT_FIELDS, FieldKind, FieldSpec, report_field
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.info.field_editor import FieldEditor
from fazhi_desktop.ui.reports.new_report_dialog import NewReportDialog
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.ui.ime import ime_type

NEW_VALUES: dict[FieldKind, Any] = {
    FieldKind.TEXT: "改过的文字",
    FieldKind.MULTILINE: "第一段。\n第二段。",
    FieldKind.DATE: dt.date(2022, 1, 10),
    FieldKind.LIST: ("中共千佛镇委员会", "千佛镇人民政府"),
    FieldKind.BOOL: False,
    FieldKind.SEAL: SealMode.UNSEALED,
    FieldKind.UNIT_KIND: UnitKind.DEPARTMENT,
}


def _type_value(editor: FieldEditor, value: Any) -> None:
    """Change the editor the way a user does (typing, picking, ticking)."""
    kind = editor.spec.kind
    if kind is FieldKind.TEXT:
        editor.line.selectAll()
        ime_type(editor.line, value)
    elif kind is FieldKind.MULTILINE:
        editor.text.selectAll()
        ime_type(editor.text, value)
    elif kind is FieldKind.DATE:
        editor.date.setDate(QDate(value.year, value.month, value.day))
    elif kind is FieldKind.LIST:
        for line, text in zip((editor.first, editor.second), value, strict=True):
            line.selectAll()
            ime_type(line, text)
    elif kind is FieldKind.BOOL:
        if editor.check.isChecked() != value:
            editor.check.click()
    else:
        editor.combo.setCurrentIndex(editor.combo.findData(value))


def _value_for(spec: FieldSpec) -> Any:
    value = NEW_VALUES[spec.kind]
    return f"{value}{spec.key}"[: spec.max_len or None] if spec.kind is FieldKind.TEXT else value


def test_form_has_one_editor_per_schema_field(demo_window: MainWindow) -> None:
    info = demo_window.view.info
    assert set(info.report_editors) == {f.key for f in REPORT_FIELDS}
    assert set(info.unit_editors) == {f.key for f in UNIT_FIELDS}
    assert demo_window.view.tabText(0) == "基本信息"


def test_every_report_field_round_trips(demo_window: MainWindow, store: ReportStore,
                                        stored_demo: Report) -> None:
    info = demo_window.view.info
    expected: dict[str, Any] = {}
    for spec in REPORT_FIELDS:
        if spec.kind is FieldKind.STATUS:
            continue
        expected[spec.key] = _value_for(spec)
        _type_value(info.report_editors[spec.key], expected[spec.key])
    demo_window.autosaver.flush()
    assert stored_demo.id is not None
    stored = store.load_report(stored_demo.id)
    assert {key: getattr(stored, key) for key in expected} == expected
    info.set_report(stored)  # and the form shows what is stored
    assert {key: info.report_editors[key].value() for key in expected} == expected


def test_every_unit_field_round_trips(demo_window: MainWindow, store: ReportStore,
                                      stored_demo: Report) -> None:
    info = demo_window.view.info
    expected = {spec.key: f"新{spec.label}" if spec.kind is FieldKind.TEXT else _value_for(spec)
                for spec in UNIT_FIELDS}
    for key, value in expected.items():
        _type_value(info.unit_editors[key], value)
    demo_window.autosaver.flush()
    assert stored_demo.id is not None
    unit = store.load_report(stored_demo.id).unit
    assert {key: getattr(unit, key) for key in expected} == expected
    placeholder = info.report_editors["title_override"].line.placeholderText()
    assert placeholder == "自动：新单位简称2025年度法治政府建设情况报告"


def test_bad_input_says_why_in_chinese_and_keeps_the_text(demo_window: MainWindow, store: ReportStore,
                                                          stored_demo: Report) -> None:
    editor = demo_window.view.info.report_editors["signer"]  # at most 20 characters
    too_long = "很长的名字" * 5
    _type_value(editor, too_long)
    demo_window.autosaver.flush()
    assert editor.error.isVisibleTo(editor) and editor.error.text() == "签发人不能超过20个字"
    assert editor.line.text() == too_long
    assert stored_demo.id is not None
    assert store.load_report(stored_demo.id).signer == "王明"
    _type_value(editor, "李华")
    assert not editor.error.isVisibleTo(editor)


def test_clearing_a_date(demo_window: MainWindow, store: ReportStore, stored_demo: Report) -> None:
    editor = demo_window.view.info.report_editors["date"]
    assert editor.date.text() == "2026年1月16日"
    clear = next(b for b in editor.findChildren(QPushButton) if b.text() == "清除")
    clear.click()
    demo_window.autosaver.flush()
    assert stored_demo.id is not None
    assert store.load_report(stored_demo.id).date is None
    assert editor.date.text() == "（未填）"


def test_title_reset_goes_back_to_the_generated_title(demo_window: MainWindow, store: ReportStore,
                                                      stored_demo: Report) -> None:
    info = demo_window.view.info
    _type_value(info.report_editors["title_override"], "关于2025年度法治政府建设情况的报告")
    demo_window.autosaver.flush()
    assert stored_demo.id is not None
    assert store.load_report(stored_demo.id).title == "关于2025年度法治政府建设情况的报告"
    info.reset_title.click()
    demo_window.autosaver.flush()
    assert store.load_report(stored_demo.id).title == "示例镇2025年度法治政府建设情况报告"
    assert info.report_editors["title_override"].line.text() == ""


def test_status_change_records_the_date_and_retitles_the_window(demo_window: MainWindow,
                                                                store: ReportStore,
                                                                stored_demo: Report) -> None:
    info = demo_window.view.info
    _type_value(info.report_editors["status"], Status.SUBMITTED)
    assert stored_demo.id is not None
    stored = store.load_report(stored_demo.id)
    assert stored.status is Status.SUBMITTED
    assert dict(stored.status_dates)[Status.SUBMITTED] == dt.date.today()
    assert "已报送" in info.status_dates.text()
    assert demo_window.windowTitle().startswith("示例镇 2025年度 · 已报送")


def test_deadlines_show_days_left(demo_window: MainWindow) -> None:
    text = demo_window.view.info.deadlines.text()
    assert "报送截止：2026年3月1日" in text and "公开截止：2026年4月1日" in text
    assert ("还剩" in text) or ("已过" in text)


def test_new_report_dialog_offers_both_templates(qtbot) -> None:
    dialog = NewReportDialog(["千佛镇"], 2026)
    qtbot.addWidget(dialog)
    names = [b.text() for b in dialog.templates.buttons()]
    assert names == ["法定五部分（推荐）", "第一责任人在前"]
    dialog.templates.buttons()[1].click()
    dialog.year.setValue(2027)
    choice = dialog.choice()
    assert (choice.unit, choice.year, choice.template) == ("千佛镇", 2027, "principal-first")


def test_empty_date_opens_its_calendar_on_this_month(qtbot) -> None:
    editor = FieldEditor(report_field("imprint_date"))
    qtbot.addWidget(editor)
    editor.set_value(None)
    editor.show()
    qtbot.waitExposed(editor)
    arrow = QPoint(editor.date.width() - 5, editor.date.height() // 2)
    qtbot.mouseClick(editor.date, Qt.MouseButton.LeftButton, pos=arrow)  # opens the calendar
    calendar = editor.date.calendarWidget()
    assert calendar is not None and calendar.isVisible()
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert editor.value() is None  # only the page moved; nothing was filled in
    calendar.window().close()


def test_building_a_date_field_does_not_make_its_calendar(qtbot) -> None:
    from PySide6.QtWidgets import QCalendarWidget

    editor = FieldEditor(report_field("imprint_date"))
    qtbot.addWidget(editor)
    assert editor.findChildren(QCalendarWidget) == []  # made when first opened (see the test above)
