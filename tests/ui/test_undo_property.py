"""Issue 18: the report's one undo history as a property — any sequence of typing, pastes, outline and
chapter operations, replacements (in the text and in 基本信息: 落款机关, 成文日期, the unit's names — some
refused by the field), 数据指标 cell edits (some refused by the table), status changes, fixes, undos and
redos; after each undo or redo the stored report (texts, structure, ids and figures) is exactly what it was
at that point of the history."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QMimeData

from fazhi_desktop.core.indicators import IndicatorValue
from fazhi_desktop.core.model import Report
from fazhi_desktop.core.templates import new_report
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.data.indicator_table import NOTE, VALUE
from fazhi_desktop.ui.edit.find_actions import FindController
from fazhi_desktop.ui.info.field_editor import NO_DATE
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.ui.ime import ime_type

TEXTS = st.sampled_from(["全年", "依法办理案件12 件。。", "示例镇", "依法", "\n新的一段", "(2021-2025年)"])
OUTLINE = ["add_sibling", "add_child", "add_paragraph", "move_up", "move_down", "indent", "outdent", "delete"]
PLACE = st.tuples(st.integers(0, 5), st.integers(0, 40))
OPS = st.one_of(
    st.tuples(st.sampled_from(["type", "heading", "paste"]), PLACE, TEXTS),
    st.tuples(st.just("outline"), PLACE, st.sampled_from(OUTLINE)),
    st.tuples(st.just("chapter"), PLACE, st.sampled_from(["move_left", "move_right", "delete", "add"])),
    st.tuples(st.just("replace"), PLACE, st.sampled_from(["依法>依规", "全年>", "示例镇>样板镇", "。。>。"])),
    st.tuples(st.just("replace"), PLACE, st.sampled_from(  # 基本信息: organs, dates, the unit; some refused
        ["人民政府>人民政府，中共{u}委员会", "人民政府>政府，人大，政协", "{u}>{u}新区", "2026年>2027年",
         "1月>13月", "16日>6日", "{u}>"])),
    st.tuples(st.just("info"), PLACE, st.sampled_from(["addressee", "opening", "signatories", "full_name"])),
    st.tuples(st.just("date"), PLACE, st.sampled_from(["2026-01-16", "2025-12-31", ""])),
    st.tuples(st.just("figure"), PLACE, st.sampled_from(["12", "186", "-5", "未发生", "3.5", "很多", "note:含线上"])),
    st.tuples(st.just("status"), PLACE, st.just("")),
    st.tuples(st.just("fix"), PLACE, st.just("")),
    st.tuples(st.sampled_from(["undo", "undo", "redo"]), PLACE, st.just("")),
    st.tuples(st.sampled_from(["undo", "redo"]), PLACE, st.just("")),
)
EXAMPLES = int(os.environ.get("FAZHI_UNDO_EXAMPLES", "25"))  # more for a deeper run
_years: Iterator[int] = iter(range(1900, 3000))


FIGURES = ["disputes_accepted", "disputes_resolved", "legal_aid_cases", "service_satisfaction"]


def _state(window: MainWindow, report_id: int) -> tuple[Report, dict[str, IndicatorValue]]:
    window.autosaver.flush()
    return window.store.load_report(report_id), window.store.indicator_values(report_id)


def _editor_at(window: MainWindow, chapter: int, block: int):  # type: ignore[no-untyped-def]
    editors = window.view.chapter_editors()
    if not editors:
        return None
    editor = editors[chapter % len(editors)]
    window.view.setCurrentWidget(editor)
    if editor.blocks:
        editor.tree.select_index(block % len(editor.blocks))
    return editor


def _do(window: MainWindow, finder: FindController, kind: str, where: tuple[int, int], arg: str) -> None:
    if kind == "undo":
        window.act_undo.trigger()
        return
    if kind == "redo":
        window.act_redo.trigger()
        return
    if kind == "chapter":
        editor = _editor_at(window, *where)
        action = {"move_left": window.act_move_left, "move_right": window.act_move_right,
                  "delete": window.act_delete_chapter, "add": window.act_add_chapter}[arg]
        if editor is not None:
            action.trigger()
        return
    if kind == "replace":
        unit = window.view.report().unit.short_name
        needle, replacement = arg.format(u=unit).split(">")
        finder.dialog.needle.setText(needle)
        finder.replace_all(replacement)
        return
    if kind == "info":
        info = window.view.info
        editor = info.report_editors.get(arg) or info.unit_editors[arg]
        ime_type(editor.focus_widget(), "补充")
        return
    if kind == "date":
        date = window.view.info.report_editors["date"].date  # type: ignore[attr-defined]
        date.setDate(QDate.fromString(arg, "yyyy-MM-dd") if arg else NO_DATE)  # as 今天 and 清除 do
        return
    if kind == "status":
        combo = window.view.info.report_editors["status"].combo  # type: ignore[attr-defined]
        combo.setCurrentIndex((combo.currentIndex() + 1 + where[0]) % combo.count())
        return
    if kind == "figure":
        table = window.view.indicators
        key = FIGURES[where[0] % len(FIGURES)]
        window.view.setCurrentWidget(table)
        if arg.startswith("note:"):
            table.item(key, NOTE).setText(arg[5:] + str(where[1]))  # what the cell editor commits
        else:
            table.item(key, VALUE).setText(arg)
        return
    if kind == "fix":
        window.view.setCurrentWidget(window.view.checks)
        window.view.checks.fix.click()
        return
    editor = _editor_at(window, *where)
    if editor is None or not editor.blocks:
        return
    if kind == "outline":
        editor.actions_by_name[arg].trigger()
    elif kind == "heading":
        if editor.block_editor.heading.isEnabled():
            editor.block_editor.heading.end(False)
            ime_type(editor.block_editor.heading, arg.strip())
    else:
        body = editor.block_editor.body
        body.moveCursor(body.textCursor().MoveOperation.End)
        if kind == "paste":
            data = QMimeData()
            data.setText(arg)
            body.insertFromMimeData(data)
        else:
            ime_type(body, arg)


@pytest.fixture
def clerk(window: MainWindow, store: ReportStore, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(Dialogs, "confirm", lambda *_: True)
    monkeypatch.setattr(Dialogs, "ask_choice", lambda _p, _t, _l, items: items[-1])  # a chapter of one's own
    monkeypatch.setattr(Dialogs, "ask_text", lambda *_: "新增的一章")
    return window


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(OPS, min_size=5, max_size=20))
def test_undo_and_redo_return_the_report_to_each_earlier_state(clerk: MainWindow, store: ReportStore,
                                                               ops: list[tuple[str, tuple[int, int], str]]) -> None:
    unit = store.ensure_unit("千佛镇")
    report = store.create_report(new_report(unit, next(_years)))
    assert report.id is not None
    clerk.open_report(report.id)  # a new history
    finder = FindController(clerk)
    stack = clerk.undo_stack
    states = [_state(clerk, report.id)]  # states[k]: the report after the k-th step of the history
    at = 0
    for kind, where, arg in ops:
        _do(clerk, finder, kind, where, arg)
        now = _state(clerk, report.id)
        if kind in ("undo", "redo"):
            at = stack.index()
            assert now == states[at], f"{kind} did not return to step {at}"
        elif stack.index() == at + 1:  # a new step
            states = [*states[:at + 1], now]
            at += 1
        elif kind == "paste" and stack.index() == at + 2:  # the paste as copied, then its cleanup (issue 16)
            stack.undo()
            raw = _state(clerk, report.id)
            assert raw != states[at] and raw != now
            stack.redo()
            assert _state(clerk, report.id) == now
            states = [*states[:at + 1], raw, now]
            at += 2
        elif stack.index() == at and now != states[at]:  # typing merged into the step before
            assert at > 0 and kind in ("type", "heading", "info", "date"), f"{kind} changed the report without a step"
            states[at] = now
        elif stack.index() == at - 1:  # typed back to what it was: the step is gone
            at -= 1
            states = states[:at + 1]
            assert now == states[at]
        else:
            assert stack.index() == at and now == states[at], f"{kind}: {stack.index()} steps, expected {at}"
        assert stack.index() == at
    while stack.canUndo():  # and all the way back
        stack.undo()
        assert _state(clerk, report.id) == states[stack.index()]
    finder.dialog.close()
