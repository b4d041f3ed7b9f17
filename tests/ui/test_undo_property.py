"""Issue 18: the report's one undo history as a property — any sequence of typing, pastes, outline and
chapter operations, replacements, fixes, undos and redos; after each undo or redo the stored report
(texts, structure and ids) is exactly what it was at that point of the history."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData

from fazhi_desktop.core.model import Report
from fazhi_desktop.core.templates import new_report
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.edit.find_actions import FindController
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
    st.tuples(st.just("info"), PLACE, st.sampled_from(["addressee", "opening"])),
    st.tuples(st.just("fix"), PLACE, st.just("")),
    st.tuples(st.sampled_from(["undo", "undo", "redo"]), PLACE, st.just("")),
    st.tuples(st.sampled_from(["undo", "redo"]), PLACE, st.just("")),
)
EXAMPLES = int(os.environ.get("FAZHI_UNDO_EXAMPLES", "25"))  # more for a deeper run
_years: Iterator[int] = iter(range(1900, 3000))


def _state(window: MainWindow, report_id: int) -> Report:
    window.autosaver.flush()
    return window.store.load_report(report_id)


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
        needle, replacement = arg.split(">")
        finder.dialog.needle.setText(needle)
        finder.replace_all(replacement)
        return
    if kind == "info":
        field = window.view.info.report_editors[arg].focus_widget()
        ime_type(field, "补充")
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
            assert at > 0 and kind in ("type", "heading", "info"), f"{kind} changed the report without a step"
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
