"""导入已有报告 from the window: a .txt/.docx report becomes a stored report and opens."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from fazhi_desktop.core.model import Report
from fazhi_desktop.importers.load import Imported
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.importing.import_preview_dialog import Exists, ImportPreviewDialog
from fazhi_desktop.ui.importing.import_preview_outline import ImportChoice
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.conftest import SAMPLE_TXT

SAMPLE = """示例乡2024年度法治政府建设情况报告
县委、县人民政府：
2024年，示例乡认真落实法治政府建设各项任务。现将有关情况报告如下：
一、主要举措和成效
（一）加强组织领导
乡党委召开专题会议研究法治建设4次。
二、存在的不足和原因
执法力量不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
主要负责人带头学法。
四、2025年度推进法治政府建设的主要安排
继续加强法治宣传教育。
"""


def confirm_preview_unchanged(parent: QWidget | None, imported: Imported, exists: Exists) -> ImportChoice | None:
    """ImportPreviewDialog.ask without the modal loop: the user presses 确定 at once."""
    dialog = ImportPreviewDialog(imported, exists, parent)
    try:
        return dialog.choice() if dialog.confirmed() else None
    finally:
        dialog.deleteLater()


@pytest.fixture(autouse=True)
def preview_confirmed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ImportPreviewDialog, "ask", confirm_preview_unchanged)


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(Dialogs, "inform", lambda _p, _t, text: messages.append(text))
    monkeypatch.setattr(Dialogs, "warn", lambda _p, _t, text: messages.append(text))
    return messages


def test_import_a_text_report_from_the_chooser(monkeypatch: pytest.MonkeyPatch, window: MainWindow,
                                               store: ReportStore, tmp_path: Path, told: list[str]) -> None:
    source = tmp_path / "示例乡报告.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    monkeypatch.setattr(Dialogs, "ask_open_file", lambda *_: source)
    window.show_chooser()
    window.chooser.import_button.click()
    report_id = store.find_report_id("示例乡", 2024)
    assert report_id is not None and window.view.report_id == report_id
    report = store.load_report(report_id)
    assert [c.role.value for c in report.chapters][:2] == ["measures", "shortcomings"]
    assert report.chapters[0].blocks[0].heading == "加强组织领导"
    assert told and told[0].startswith("已导入：示例乡2024年度法治政府建设情况报告")
    assert len(window.view.chapter_editors()) == len(report.chapters)


def test_importing_an_existing_year_asks_before_replacing(monkeypatch: pytest.MonkeyPatch, window: MainWindow,
                                                          store: ReportStore, template_report: Report,
                                                          told: list[str], db_path: Path) -> None:
    if not SAMPLE_TXT.exists():
        pytest.skip("sample report not available")
    monkeypatch.setattr(Dialogs, "ask_open_file", lambda *_: SAMPLE_TXT)
    answers = [False, True]
    monkeypatch.setattr(Dialogs, "confirm", lambda *_: answers.pop(0))
    window.import_report()  # 千佛镇 2021 exists: the user says no
    assert store.load_report(template_report.id or 0).chapters == template_report.chapters
    window.import_report()  # and now yes
    report_id = store.find_report_id("千佛镇", 2021)
    assert report_id is not None
    assert len(store.load_report(report_id).chapters) == 4 != len(template_report.chapters)  # replaced
    assert list((db_path.parent / "backups").glob("*.db"))
    assert window.view.report_id == report_id


def test_a_file_without_text_is_refused_in_chinese(monkeypatch: pytest.MonkeyPatch, window: MainWindow,
                                                   store: ReportStore, tmp_path: Path, told: list[str]) -> None:
    empty = tmp_path / "空.txt"
    empty.write_text("\n\n", encoding="utf-8")
    monkeypatch.setattr(Dialogs, "ask_open_file", lambda *_: empty)
    window.import_report()
    assert store.list_reports() == []
    assert told and "没有可导入的文字" in told[0]
