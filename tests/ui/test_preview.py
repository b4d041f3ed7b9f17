"""Issue 20: the 预览 tab — the report's pages as they will print, following edits, toggles shared with
the 导出Word dialog, zoom and two pages side by side, thumbnails, problems marked on the pages, a click on
a line opening where it is written, and 导出PDF from the window."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from fazhi_desktop.export.options import ExportOptions
from fazhi_desktop.export.pageproblems import page_marks
from fazhi_desktop.export.pages import Row
from fazhi_desktop.export.preflight import Preflight, preflight
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.exporting.export_dialog import ExportDialog, ExportRequest
from fazhi_desktop.ui.preview.page_painter import LEFT, SHEET_H, SHEET_W, TOP
from fazhi_desktop.ui.preview.preview_pane import PreviewPane
from fazhi_desktop.ui.window.main_window import MainWindow


def shown(qtbot, window: MainWindow) -> PreviewPane:
    """Show the 预览 tab (Ctrl+P) and wait until the pages are laid out."""
    window.resize(1024, 768)
    window.show()
    qtbot.waitExposed(window)
    window.act_preview.trigger()
    pane = window.view.preview
    assert window.view.currentWidget() is pane
    qtbot.waitUntil(lambda: window.preview.controller.plan is not None and bool(pane.canvas.layout_.pages),
                    timeout=5000)
    return pane


def laid_out_again(qtbot, window: MainWindow, action) -> Preflight:
    with qtbot.waitSignal(window.preview.controller.sig_laid_out, timeout=5000) as blocker:
        action()
    plan = blocker.args[0]
    assert isinstance(plan, Preflight)
    return plan


def test_the_tab_sits_after_the_chapters_and_is_made_when_first_shown(qtbot, demo_window: MainWindow) -> None:
    view = demo_window.view
    texts = [view.tabText(i) for i in range(view.count())]
    assert texts[-3:] == ["预览", "数据指标", "检查"]
    assert texts.index("预览") == len(demo_window.view.report().chapters) + 1  # right after the chapters
    assert not isinstance(view.widget(texts.index("预览")), PreviewPane)  # an empty page until shown
    assert "Ctrl+P" in demo_window.act_preview.shortcuts()[0].toString()
    pane = shown(qtbot, demo_window)
    report = demo_window.view.report()
    request = demo_window.preview.choices.request
    plan = preflight(report, ExportOptions(red_header=request.red_header, sealed=request.sealed))
    assert pane.canvas.layout_ == plan.layout  # the export's own page plan
    assert pane.thumbnails.count() == plan.pages
    assert pane.summary.text().startswith(f"共 {plan.pages} 页")
    assert pane.problems.count() >= len(page_marks(plan))
    assert any(p.seals for p in plan.layout.pages)  # the 落款 page carries the seal(s)


def test_toggles_are_the_export_dialogs_options(qtbot, monkeypatch: pytest.MonkeyPatch,
                                                demo_window: MainWindow, tmp_path: Path) -> None:
    pane = shown(qtbot, demo_window)
    before = demo_window.preview.controller.plan
    assert before is not None
    plan = laid_out_again(qtbot, demo_window, lambda: pane.toggles["imprint"].setChecked(True))
    assert any(r.kind == "imprint" for p in plan.layout.pages for r in p.rows)
    assert demo_window.preview.choices.request.imprint
    asked: list[ExportRequest | None] = []

    def ask(*_args: object, previous: ExportRequest | None = None, **_kw: object) -> ExportRequest | None:
        asked.append(previous)
        assert previous is not None
        return replace(previous, path=tmp_path / "a.docx", web=True, imprint=False)

    monkeypatch.setattr(ExportDialog, "ask", ask)
    monkeypatch.setattr(Dialogs, "export_done", lambda _p, _t: "")
    result = demo_window.export_word()
    assert result is not None and asked[0] is not None and asked[0].imprint  # the dialog opened as the preview
    assert pane.toggles["web"].isChecked() and not pane.toggles["imprint"].isChecked()  # and back
    assert not pane.toggles["red_header"].isEnabled()  # the web version has no 版头
    demo_window.view.setCurrentWidget(pane)
    qtbot.waitUntil(lambda: demo_window.preview.controller.plan is not None
                    and not any(r.rule_color for p in demo_window.preview.controller.plan.layout.pages
                                for r in p.rows), timeout=5000)
    plan = laid_out_again(qtbot, demo_window, lambda: pane.toggles["sealed"].setChecked(False))
    assert not any(p.seals for p in plan.layout.pages)  # 不加盖印章: no circle
    assert not demo_window.preview.choices.request.sealed


def test_the_preview_follows_edits_and_undo(qtbot, demo_window: MainWindow) -> None:
    view = demo_window.view
    shown(qtbot, demo_window)
    editor = view.chapter_editors()[0]
    view.setCurrentWidget(editor)
    editor.tree.select_index(1)
    editor.block_editor.body.moveCursor(editor.block_editor.body.textCursor().MoveOperation.End)
    editor.block_editor.body.insertPlainText("预览里马上能看到的一句话。")  # typed (QTest cannot type Chinese)
    plan = laid_out_again(qtbot, demo_window, lambda: view.setCurrentWidget(view.preview))
    text = "".join(r.text for p in plan.layout.pages for r in p.rows)
    assert "预览里马上能看到的一句话。" in text
    plan = laid_out_again(qtbot, demo_window, demo_window.undo_stack.undo)  # Ctrl+Z on the preview
    assert "预览里马上能看到的一句话。" not in "".join(r.text for p in plan.layout.pages for r in p.rows)


def _click_row(qtbot, pane: PreviewPane, page: int, row: Row) -> None:
    canvas = pane.canvas
    canvas.scroll_to_page(page)
    rect = canvas.page_rect(page)
    scale = rect.width() / SHEET_W
    y = TOP + (row.y + row.height / 2) / 20
    at = QPoint(round(rect.left() + (LEFT + 60) * scale), round(rect.top() + y * scale)) - canvas._offset()
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def test_clicking_a_line_opens_the_chapter_and_selects_that_line(qtbot, demo_window: MainWindow) -> None:
    pane = shown(qtbot, demo_window)
    plan = demo_window.preview.controller.plan
    assert plan is not None
    page = plan.layout.pages[1]
    row = next(r for r in page.rows if r.role == "body" and r.part > 0)  # a line inside a paragraph
    _click_row(qtbot, pane, page.index, row)
    editor = demo_window.view.current_editor()
    assert editor is not None
    selected = editor.block_editor.body.textCursor().selectedText()
    assert selected and selected.replace(" ", "") == row.text.replace(" ", "")
    report = demo_window.view.report()
    chapter = next(c for c in report.chapters if c.id == editor.chapter_id)
    assert editor.tree.current_index() >= 0 and selected in chapter.blocks[editor.tree.current_index()].body
    demo_window.act_preview.trigger()
    title = next(r for r in plan.layout.pages[0].rows if r.role == "title")
    _click_row(qtbot, pane, 1, title)  # the title: 基本信息
    assert demo_window.view.currentWidget() is demo_window.view.info


def test_zoom_two_pages_and_thumbnails(qtbot, demo_window: MainWindow) -> None:
    pane = shown(qtbot, demo_window)
    canvas = pane.canvas
    pane.zoom.setCurrentIndex(0)  # 适合宽度
    assert abs(canvas.page_rect(1).width() - (canvas.viewport().width() - 32)) <= 2
    pane.zoom.setCurrentIndex(1)  # 适合页面
    assert canvas.page_rect(1).height() <= canvas.viewport().height() - 32 + 1
    pane.zoom.setCurrentIndex(2)  # 100%: the sheet's true size on this screen
    assert abs(canvas.page_rect(1).width() - 210 / 25.4 * canvas.logicalDpiX()) <= 2
    assert abs(canvas.page_rect(1).height() / canvas.page_rect(1).width() - SHEET_H / SHEET_W) < 0.01
    pane.zoom.setCurrentIndex(0)
    pane.two_up.setChecked(True)
    one, two, three = (canvas.page_rect(i) for i in (1, 2, 3))
    assert one.left() > two.left() and two.top() == three.top() > one.top() and three.left() == one.left()
    pane.thumbnails.setCurrentRow(2)  # page 3
    assert canvas.current_page() in (2, 3)
    pane.grid.setChecked(True)
    image = canvas.viewport().grab().toImage()
    assert image.width() > 100


def test_problems_are_listed_and_marked(qtbot, demo_window: MainWindow) -> None:
    pane = shown(qtbot, demo_window)
    plan = laid_out_again(qtbot, demo_window, lambda: pane.toggles["imprint"].setChecked(True))
    marks = page_marks(plan)
    assert [m.kind for m in marks if m.kind in ("blank", "imprint")] == ["blank", "imprint"]  # the demo's 版记
    assert [pane.problems.item(i).text() for i in range(len(marks))] == [
        f"{n}. 第{m.page}页：{m.message}" for n, m in enumerate(marks, start=1)]
    assert pane.canvas.marks == marks
    pane.problems.setCurrentRow(len(marks) - 1)
    assert pane.canvas.current_page() == marks[-1].page or pane.canvas.current_page() == marks[-1].page - 1
    assert "⚠" in pane.thumbnails.item(marks[-1].page - 1).text()


needs_poppler = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils is not installed")


@needs_poppler
def test_export_pdf_from_the_window(qtbot, monkeypatch: pytest.MonkeyPatch, demo_window: MainWindow,
                                    tmp_path: Path) -> None:
    pane = shown(qtbot, demo_window)
    target = tmp_path / "报告.pdf"
    offered: list[Path] = []

    def ask_save(_parent: object, _title: str, start: Path, _filters: str) -> Path:
        offered.append(start)
        return target

    monkeypatch.setattr(Dialogs, "ask_save_file", ask_save)
    monkeypatch.setattr(Dialogs, "export_done", lambda _p, _t: "")
    pane.export_pdf.click()
    assert offered[0].name == "示例镇2025年度法治政府建设情况报告.pdf"
    plan = demo_window.preview.controller.plan
    assert plan is not None
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert re.search(rf"Pages:\s+{plan.pages}\n", info)
    assert "已导出PDF" in demo_window.statusBar().currentMessage()


def test_read_only_viewing_keeps_the_preview_usable(qtbot, demo_window: MainWindow) -> None:
    from fazhi_desktop.ui.window.read_only import lock_editing

    pane = shown(qtbot, demo_window)
    lock_editing(demo_window.view)
    assert all(box.isEnabled() for name, box in pane.toggles.items() if name not in ("red_header", "imprint"))
    assert pane.zoom.isEnabled() and pane.export_pdf.isEnabled() and pane.two_up.isEnabled()


def test_writing_with_the_pages_beside(qtbot, demo_window: MainWindow) -> None:
    """边写边看: the pages in a dock beside the chapter follow the typing and show the block being written."""
    view = demo_window.view
    demo_window.resize(1366, 768)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    editor = view.chapter_editors()[2]
    view.setCurrentWidget(editor)
    editor.tree.select_index(1)
    demo_window.act_preview_beside.trigger()
    controller = demo_window.preview.controller
    qtbot.waitUntil(lambda: controller.plan is not None, timeout=5000)
    dock = next(p for p in controller.panes if p.compact)
    assert dock.isVisible() and not dock.thumbnails.isVisible() and not dock.toggles["imprint"].isVisible()
    plan = laid_out_again(qtbot, demo_window,
                          lambda: editor.block_editor.body.insertPlainText("边写边看时刚输入的一句话。"))
    rows = [(p.index, r) for p in plan.layout.pages for r in p.rows if "边写边看时刚输入" in r.text]
    assert rows and view.currentWidget() is editor  # typing went on in the chapter
    page = rows[0][0]
    assert dock.canvas.current_page() in (page, page - 1)  # the view went to the block being written
    demo_window.act_preview_beside.trigger()
    assert not dock.isVisible()


def test_the_pdf_has_no_seal_circle_and_the_preview_images_do(qtbot, monkeypatch: pytest.MonkeyPatch,
                                                              demo_report: object) -> None:
    from fazhi_desktop.ui.preview import page_painter
    from fazhi_desktop.ui.preview.pdf_writer import PdfInfo, pdf_bytes
    from fazhi_desktop.ui.preview.png_writer import page_image

    plan = preflight(demo_report, ExportOptions())  # type: ignore[arg-type]
    seal_page = next(p for p in plan.layout.pages if p.seals)
    drawn: list[int] = []
    real = page_painter.paint_seal
    monkeypatch.setattr(page_painter, "paint_seal", lambda painter, page, *a: (drawn.append(page.index),
                                                                              real(painter, page, *a)))
    assert pdf_bytes(plan, PdfInfo("t", "a")).startswith(b"%PDF") and drawn == []
    image = page_image(seal_page, 30)
    assert seal_page.index in drawn and image.width() == round(SHEET_W * 30 / 72)


def test_big_glyphs_are_drawn_when_zoomed_in(qtbot, demo_report: object) -> None:
    """The 版头's 36 pt mark zoomed in (over 64 pixels a glyph) is drawn too: Qt's glyph cache draws nothing
    there, so such glyphs are painted as outlines."""
    from fazhi_desktop.ui.preview.png_writer import page_image

    plan = preflight(demo_report, ExportOptions(red_header=True))  # type: ignore[arg-type]
    page = plan.layout.pages[0]
    mark = next(r for r in page.rows if r.role == "mark")
    for dpi in (96, 300):
        image = page_image(page, dpi)
        scale = dpi / 72
        top, bottom = round((TOP + mark.y / 20) * scale), round((TOP + mark.bottom / 20) * scale)
        red = sum(1 for y in range(top, bottom, 3) for x in range(0, image.width(), 3)
                  if (c := image.pixelColor(x, y)).red() > 200 and c.green() < 90 and c.blue() < 90)
        assert red * 9 > 0.04 * image.width() * (bottom - top), dpi  # the mark's strokes are there


def test_the_statistics_table_from_the_figures(qtbot, demo_window: MainWindow) -> None:
    from fazhi_desktop.core.indicators import load_catalog, parse_values
    from fazhi_desktop.resources import load_json

    pane = shown(qtbot, demo_window)
    laid_out_again(qtbot, demo_window, lambda: pane.toggles["data_table"].setChecked(True))
    texts = [pane.problems.item(i).text() for i in range(pane.problems.count())]
    assert any("还没有填写任何数字" in t for t in texts)  # the demo window's report has no figures yet
    report_id = demo_window.view.report_id
    assert report_id is not None
    figures = load_json("demo", "demo-report.json")["indicators"]
    demo_window.store.set_indicator_values(report_id, parse_values(load_catalog(), figures))
    plan = laid_out_again(qtbot, demo_window, lambda: demo_window.undo_stack.indexChanged.emit(0))
    assert any(r.kind == "table" for p in plan.layout.pages for r in p.rows)
    table_row = next((p.index, r) for p in plan.layout.pages for r in p.rows if r.kind == "table")
    _click_row(qtbot, pane, *table_row)
    assert demo_window.view.currentWidget() is demo_window.view.indicators  # the table opens 数据指标
