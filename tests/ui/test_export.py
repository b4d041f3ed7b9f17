"""导出Word from the window: the dialog's choices reach the file; busy files get another name."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from fazhi_desktop.core.indicators import load_catalog, parse_values
from fazhi_desktop.core.model import Report
from fazhi_desktop.export import TargetLockedError
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.exporting import export_actions
from fazhi_desktop.ui.exporting.export_dialog import ExportDialog, ExportRequest
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.ui.ime import ime_type


def _document_text(path: Path) -> str:
    with zipfile.ZipFile(path) as docx:
        return docx.read("word/document.xml").decode("utf-8")


def test_export_writes_the_report_including_unsaved_typing(monkeypatch: pytest.MonkeyPatch,
                                                           demo_window: MainWindow, tmp_path: Path) -> None:
    editor = demo_window.view.chapter_editors()[0]
    demo_window.view.setCurrentWidget(editor)
    editor.tree.select_index(1)
    ime_type(editor.block_editor.body, "导出前刚输入的话")
    target = tmp_path / "out" / "示例镇报告.docx"
    target.parent.mkdir()
    defaults: list[Path] = []
    summaries: list[str] = []

    def ask(_parent, _report, default: Path, check_summary: str = "", **_options: object) -> ExportRequest:
        defaults.append(default)
        summaries.append(check_summary)
        return ExportRequest(path=target, red_header=True, imprint=True)

    opened: list[QUrl] = []
    monkeypatch.setattr(ExportDialog, "ask", ask)
    monkeypatch.setattr(Dialogs, "export_done", lambda _p, text: "folder")
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    result = demo_window.export_word()
    assert result is not None and result.path == target
    assert defaults[0].name == "示例镇2025年度法治政府建设情况报告.docx"
    assert summaries[0].startswith("导出前检查：")  # the check ran before the dialog
    text = _document_text(target)
    assert "导出前刚输入的话" in text and "示例镇人民政府文件" in text  # typing flushed; red header on
    assert Path(opened[0].toLocalFile()) == target.parent
    assert demo_window.settings.value(export_actions.LAST_DIR_KEY) == str(target.parent)
    assert export_actions.default_path(demo_window.view.report(), demo_window.settings).parent == target.parent


def test_file_open_in_word_offers_another_name(monkeypatch: pytest.MonkeyPatch, stored_demo: Report,
                                               tmp_path: Path) -> None:
    target = tmp_path / "报告.docx"
    other = tmp_path / "报告(2).docx"
    real = export_actions.export_docx
    calls: list[Path] = []

    def busy_once(report, path, options, should_stop=None):
        calls.append(path)
        if path == target:
            raise TargetLockedError(target, other)
        return real(report, path, options, should_stop=should_stop)

    asked: list[str] = []
    monkeypatch.setattr(export_actions, "export_docx", busy_once)
    monkeypatch.setattr(Dialogs, "confirm", lambda _p, _t, text: asked.append(text) or True)
    result = export_actions.write(stored_demo, ExportRequest(path=target), None)
    assert result is not None and result.path == other and other.exists()
    assert calls == [target, other] and "报告(2).docx" in asked[0]


def test_export_dialog_choices(qtbot, stored_demo: Report, tmp_path: Path) -> None:
    dialog = ExportDialog(stored_demo, tmp_path / "a.docx")
    qtbot.addWidget(dialog)
    assert dialog.sealed.isChecked() and dialog.red_header.isChecked()  # the demo has a 发文机关标志
    dialog.web.click()
    assert not dialog.red_header.isEnabled()
    dialog.path.setText(str(tmp_path / "公开版"))
    request = dialog.request()
    assert request.web and not request.red_header and request.path.name == "公开版.docx"


def test_file_names_drop_characters_windows_forbids() -> None:
    assert export_actions.safe_file_name('关于"2025"年度/报告?') == "关于2025年度报告"


def test_statistics_table_goes_along_as_an_attachment(monkeypatch: pytest.MonkeyPatch,
                                                      demo_window: MainWindow, store, stored_demo: Report,
                                                      tmp_path: Path) -> None:
    warned: list[str] = []
    monkeypatch.setattr(Dialogs, "warn", lambda _p, _t, text: warned.append(text))
    monkeypatch.setattr(Dialogs, "export_done", lambda *_: "")
    target = tmp_path / "带附件.docx"
    asked: list[ExportRequest | None] = []

    def ask(*_args: object, previous: ExportRequest | None = None, **_options: object) -> ExportRequest | None:
        asked.append(previous)
        return ExportRequest(path=target, data_table=True) if len(asked) == 1 else None  # then 取消

    monkeypatch.setattr(ExportDialog, "ask", ask)
    assert demo_window.export_word() is None  # nothing filled in yet: said so, nothing written
    assert warned and "还没有填写任何数据指标" in warned[0] and not target.exists()
    assert asked[1] is not None and asked[1].data_table  # the dialog came back with the choices made
    monkeypatch.setattr(ExportDialog, "ask", lambda *_a, **_k: ExportRequest(path=target, data_table=True))
    assert stored_demo.id is not None
    store.set_indicator_values(stored_demo.id, parse_values(load_catalog(), {"disputes_accepted": "186"}))
    assert demo_window.export_word() is not None
    text = _document_text(target)
    assert "附件" in text and "186" in text


def test_export_dialog_shows_the_check_before_export(qtbot, stored_demo: Report, store, tmp_path: Path) -> None:
    """The check runs before every export and its result is shown; it does not block the export."""
    assert stored_demo.id is not None
    clean = export_actions.check_summary(store, stored_demo)
    assert clean == "导出前检查：未发现问题。"
    store.update_report_field(stored_demo.id, "opening", "认真学习《民法总则》。")
    summary = export_actions.check_summary(store, store.load_report(stored_demo.id))
    assert summary.startswith("导出前检查：错误1处") and "也可以直接导出" in summary
    dialog = ExportDialog(stored_demo, tmp_path / "a.docx", None, summary)
    qtbot.addWidget(dialog)
    assert dialog.check_summary.text() == summary


def test_export_dialog_shows_pages_and_warnings_before_export(qtbot, store, stored_demo: Report,
                                                              tmp_path: Path) -> None:
    """The pre-flight's page count (what LibreOffice renders) and the warnings follow the ticked options."""
    from dataclasses import replace

    assert stored_demo.id is not None
    store.update_report_field(stored_demo.id, "doc_number", "")
    report = replace(store.load_report(stored_demo.id), date=None)
    dialog = ExportDialog(report, tmp_path / "a.docx", None, "", estimate=export_actions.estimate_for(store, report))
    qtbot.addWidget(dialog)
    dialog.resize(1024, 700)
    dialog.show()
    plain = dialog.pages.text()
    assert plain.startswith("预计 ") and plain.endswith("页（按所选格式排版后的页数）")
    assert "未填写成文日期" in dialog.warnings.text() and "版头没有发文字号" in dialog.warnings.text()
    dialog.red_header.setChecked(False)
    assert "版头没有发文字号" not in dialog.warnings.text()
    dialog.imprint.setChecked(True)
    pages = int(dialog.pages.text().split()[1])
    assert pages % 2 == 0  # the 版记 ends on an even page
    dialog.grab().save(str(tmp_path / "export-dialog.png"))
