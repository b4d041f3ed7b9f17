"""The 汇总 view at 1024×768: the board, filtering and sorting, opening a unit read-only then editing it,
pasting a roster and collecting a folder with a hand assignment (screenshots in build/screenshots)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from fazhi_desktop.core.model import UnitKind
from fazhi_desktop.ui.county.collect_dialog import CollectDialog
from fazhi_desktop.ui.county.roster_dialog import RosterDialog
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.county.conftest import Folder
from tests.county.fixture import ROSTER
from tests.county.windows import open_window, shot

_window = open_window


@pytest.fixture
def board(qtbot, county_db: str, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = _window(qtbot, Path(county_db), tmp_path)
    window.county.act_show.trigger()
    yield window
    window.close()
    window.store.db.close()


def _shot(window: MainWindow, name: str) -> Path:
    return shot(window, name)


def test_board_lists_filters_and_sorts(board: MainWindow) -> None:
    view = board.county.view
    assert board.pages.currentWidget() is view and board.windowTitle().startswith("各单位报送汇总")
    assert view.summary.text().startswith("应报送30个单位：已收到27个（按时25个，逾期2个），未收到3个")
    table = view.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ROSTER
    assert _shot(board, "county_board").stat().st_size > 20_000
    view.kind.setCurrentText(UnitKind.DEPARTMENT.value)
    assert table.rowCount() == 12 and {table.item(r, 1).text() for r in range(12)} == {"县级部门"}
    view.kind.setCurrentIndex(0)
    table.sortItems(6, Qt.SortOrder.DescendingOrder)  # 错误
    errors = [int(table.item(r, 6).text() or -1) for r in range(table.rowCount())]
    assert errors == sorted(errors, reverse=True) and errors[0] >= 2
    table.sortItems(2, Qt.SortOrder.DescendingOrder)  # 报送: not received first, then the most days late
    assert [table.item(r, 2).text() for r in range(5)][-2:] == ["3月9日收到，逾期8天"] * 2
    for button in (view.roster, view.collect, view.review, view.export):  # every button is on screen
        assert button.mapTo(board, button.rect().topRight()).x() < 1024


def test_a_unit_opens_read_only_until_the_user_chooses_to_edit(board: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = board.county.view
    row = next(r for r in range(view.table.rowCount()) if view.table.item(r, 0).text() == "石桥镇")
    view.table.selectRow(row)
    view.open_view.click()
    assert board.pages.currentWidget() is board.view and board.view.read_only
    addressee = board.view.info.report_editors["addressee"].line
    assert addressee.isReadOnly() and not board.act_add_chapter.isEnabled()
    assert board.county.act_edit.isEnabled() and board.county._banner is not None
    _shot(board, "county_viewing")
    board.county._banner_button.click()  # type: ignore[union-attr]  # 允许编辑
    assert not board.view.read_only and not addressee.isReadOnly() and board.act_add_chapter.isEnabled()
    addressee.setText("县委、县人民政府")
    addressee.textEdited.emit("县委、县人民政府")
    board.autosaver.flush()
    assert board.store.load_report(board.view.report_id or 0).addressee == "县委、县人民政府"
    board.county.act_show.trigger()
    assert board.pages.currentWidget() is view


def test_roster_dialog_and_collect_dialog(qtbot, county_files: Folder, tmp_path: Path,  # type: ignore[no-untyped-def]
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, tmp_path / "新.db", tmp_path)
    window.county.act_show.trigger()
    assert window.county.view.empty_hint.isVisible()

    def paste_and_accept(dialog: RosterDialog) -> int:
        dialog.county.setText("安平县")
        dialog.paste.setPlainText(county_files.roster.read_text(encoding="utf-8") + "柳树村\n")
        assert dialog.preview.rowCount() == 31 and dialog.preview.item(30, 2).text() == "无法推断，请选择"
        dialog.preview.cellWidget(30, 1).setCurrentText("街道")  # the clerk corrects a kind
        return 1

    monkeypatch.setattr(RosterDialog, "exec", paste_and_accept)
    assert window.county.import_roster() == 31
    assert window.store.find_unit("柳树村").kind is UnitKind.STREET  # type: ignore[union-attr]
    again = RosterDialog("安平县", window, {u.short_name: u.kind for u in window.store.list_units()})
    qtbot.addWidget(again)
    again.paste.setPlainText("柳树村\n新设街道\n")  # the list pasted again: the correction stays
    assert [again.preview.item(r, 2).text() for r in range(2)] == ["已有单位，沿用原有类型", "按名称推断"]
    assert again.preview.cellWidget(0, 1).currentText() == "街道"
    assert [(e.name, e.kind) for e in again.entries()] == [("柳树村", UnitKind.STREET), ("新设街道", UnitKind.STREET)]
    again.close()
    dialog = CollectDialog(2025, ROSTER, window.county.run_collect, window.county.run_assign, window)
    qtbot.addWidget(dialog)
    dialog.received.setDate(dialog.received.date().fromString("2026-02-27", "yyyy-MM-dd"))
    result = dialog.run([county_files.first])
    assert result is not None and dialog.table.rowCount() == 36
    outcomes = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(36)}
    assert outcomes["柳树村法治报告.docx"] == "已导入"  # 柳树村 is on this roster
    row = next(r for r in range(36) if dialog.table.item(r, 0).text() == "和平乡报告（定稿）.docx")
    dialog.table.selectRow(row)
    assert dialog.assign.isEnabled() and dialog.unit.currentText() == "和平乡"
    assert dialog.assign_selected() is not None and dialog.table.item(row, 1).text() == "已导入"
    dialog.close()
    window.county.refresh()
    assert window.county.view.summary.text().startswith("应报送31个单位：已收到27个（按时27个，逾期0个），未收到4个")
    window.close()
    window.store.db.close()


def test_review_notes_and_the_table_from_the_board(board: MainWindow, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """生成审核意见 for the selected units and 导出汇总表, written in a worker thread: the window keeps its
    timers running, a 请稍候 dialog offers 取消, which stops between units."""
    import itertools
    import time

    from openpyxl import load_workbook
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractItemView

    from fazhi_desktop.county import review_notes
    from fazhi_desktop.ui.common.dialogs import Dialogs

    view = board.county.view
    folder = tmp_path / "审核意见"
    folder.mkdir()
    told: list[str] = []
    monkeypatch.setattr(Dialogs, "ask_directory", lambda *_a, **_k: folder)
    monkeypatch.setattr(Dialogs, "inform", lambda _p, _t, text: told.append(text))
    real = review_notes.write_note

    def slow(job, where):  # type: ignore[no-untyped-def]
        time.sleep(0.4)
        return real(job, where)

    monkeypatch.setattr(review_notes, "write_note", slow)
    view.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
    rows = {view.table.item(r, 0).text(): r for r in range(view.table.rowCount())}
    for name in ("石桥镇", "青龙乡", "龙潭镇"):
        view.table.selectRow(rows[name])
    ticks: list[float] = []
    clock = QTimer()
    clock.timeout.connect(lambda: ticks.append(time.monotonic()))
    clock.start(10)
    view.review.click()
    clock.stop()
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        f"{n}2025年度报告审核意见.docx" for n in ("石桥镇", "青龙乡", "龙潭镇"))
    assert told == [f"已生成3份审核意见，保存在：\n{folder}"]
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 40 and max(gaps) < 0.35, (len(ticks), max(gaps))
    # 取消 between units: what was written stays, the rest is not written
    from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

    def press_cancel() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                button = widget.findChild(QPushButton)
                if button is not None and button.text() == "取消":
                    button.click()
                    return
        QTimer.singleShot(20, press_cancel)

    view.table.clearSelection()
    for path in folder.iterdir():
        path.unlink()
    QTimer.singleShot(700, press_cancel)
    view.review.click()  # all 27 units
    written = len(list(folder.iterdir()))
    assert 1 <= written < 27 and told[-1] == f"已生成{written}份审核意见（共27份，已取消其余），保存在：\n{folder}"
    target = tmp_path / "汇总表.xlsx"
    monkeypatch.setattr(Dialogs, "ask_save_file", lambda *_a, **_k: target)
    view.export.click()
    assert board.statusBar().currentMessage() == f"已导出汇总表：{target}"
    sheet = load_workbook(target).active
    assert sheet.cell(1, 1).value == "安平县2025年度法治政府建设主要数据汇总表"
    assert [sheet.cell(r, 1).value for r in range(4, 8)] == ROSTER[:4]
