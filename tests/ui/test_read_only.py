"""Viewing a data file that another PC holds: the window opens read-only — look, check, export; no edits."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QPlainTextEdit, QTextEdit

from fazhi_desktop.core.model import BlockKind, Report
from fazhi_desktop.storage.database import open_database
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.storage.session import Session
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.exporting import export_actions
from fazhi_desktop.ui.exporting.export_dialog import ExportDialog, ExportRequest
from fazhi_desktop.ui.window.launcher import build_window, open_or_recover
from fazhi_desktop.ui.window.main_window import LAST_REPORT_KEY, MainWindow
from tests.lock_holder import held_lock


@pytest.fixture
def viewer(tmp_path: Path, demo_report: Report, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    path = tmp_path / "fazhi.db"
    store = ReportStore(open_database(path, journal="delete"))
    stored = store.create_report(replace(demo_report, unit=store.save_unit(demo_report.unit)))
    store.set_meta(LAST_REPORT_KEY, str(stored.id))  # the holder had the report open: we reopen it too
    store.db.close()
    with held_lock(path, host="XZ-PC-02"):
        monkeypatch.setattr(Dialogs, "confirm", staticmethod(lambda *a: True))  # 是否以只读方式打开查看？ 是
        session = open_or_recover(path)
        assert session is not None and session.read_only
        yield session
        session.close()


@pytest.fixture
def window(qtbot, viewer: Session) -> Iterator[MainWindow]:
    w = build_window(viewer.store, viewer.path, read_only=True)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()


def test_the_last_report_opens_and_says_read_only(window: MainWindow) -> None:
    # Reopening used to write "last report" into the file and crash on the read-only connection.
    assert window.pages.currentWidget() is window.view
    assert window.windowTitle().endswith("（只读）")
    assert window.save_label.text() == "只读"
    assert any("只读" in label.text() for label in window.statusBar().findChildren(QLabel))


def test_nothing_can_be_typed_or_restructured(window: MainWindow, qtbot) -> None:
    info = window.view.info
    assert len(info.findChildren(QLineEdit)) > 10  # the form is there …
    assert all(e.isReadOnly() for e in info.findChildren(QLineEdit))  # … and read-only
    assert all(e.isReadOnly() for e in (*info.findChildren(QTextEdit), *info.findChildren(QPlainTextEdit)))
    editor = window.view.chapter_editors()[0]
    window.view.setCurrentWidget(editor)
    editor.tree.select_index(1)  # selecting re-evaluates the outline actions: they stay off
    assert not any(a.isEnabled() for a in editor.actions_by_name.values())
    assert editor.block_editor.body.isReadOnly() and not editor.block_editor.run_in.isEnabled()
    body_before = editor.block_editor.body.toPlainText()
    qtbot.keyClicks(editor.block_editor.body, "abc")  # (QTest cannot type Chinese; ASCII proves the point)
    assert editor.block_editor.body.toPlainText() == body_before
    blocks_before = len(editor.blocks)
    editor.insert_suggestion(BlockKind.SECTION, "依法化解矛盾纠纷")  # what double-clicking a 参考标题 does
    assert len(window.store.load_blocks(editor.chapter_id)) == blocks_before
    for action in (window.act_new, window.act_import, window.act_add_chapter, window.act_delete_chapter,
                   window.figures.action):
        assert not action.isEnabled()
    assert window.act_export.isEnabled()
    assert window.autosaver.flush()  # nothing pending, nothing failed


def test_checks_are_listed_but_not_fixed(window: MainWindow) -> None:
    panel = window.view.checks
    window.view.setCurrentWidget(panel)
    assert panel.recheck.isEnabled()
    assert not any(b.isEnabled() for b in (panel.fix, panel.ignore, panel.fix_one, panel.fix_rule, panel.undo_fix))


def test_export_works_while_viewing(window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "查看.docx"
    monkeypatch.setattr(ExportDialog, "ask", lambda *_a, **_k: ExportRequest(path=target))
    monkeypatch.setattr(Dialogs, "export_done", lambda *_a: "")
    result = window.export_word()
    assert result is not None and target.read_bytes()[:2] == b"PK"
    assert window.settings.value(export_actions.LAST_DIR_KEY) == str(tmp_path)  # in the INI, not the data file


def test_the_report_list_only_opens(window: MainWindow) -> None:
    window.show_chooser()
    chooser = window.chooser
    assert chooser.open_button.isEnabled()
    assert chooser.heading.text().startswith("只读查看")
    assert not any(b.isEnabled() for b in (chooser.new_button, chooser.import_button, chooser.copy_button,
                                          chooser.delete_button))
    chooser.open_button.click()
    assert window.pages.currentWidget() is window.view
    assert all(e.body.isReadOnly() for e in (c.block_editor for c in window.view.chapter_editors()))


def test_figures_filled_after_opening_cannot_be_edited(window: MainWindow) -> None:
    window.view.setCurrentWidget(window.view.indicators)  # the 数据指标 tab is filled when first shown
    page = window.view.indicators
    assert page.table.rowCount() > 20
    assert page.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert not page.add_button.isEnabled()
