"""导入预览: the detected outline with its new numbering, level and role fixes, nothing stored before 确定."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTreeWidgetItem

from fazhi_desktop.core.model import BlockKind, ChapterRole, Report
from fazhi_desktop.importers.load import Imported, import_file, import_text
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.importing.import_preview_dialog import ImportPreviewDialog
from fazhi_desktop.ui.window.main_window import MainWindow
from tests.helpers import sample_path

SCREENSHOTS = Path(os.environ.get("FAZHI_SCREENSHOT_DIR")
                   or Path(__file__).resolve().parents[2] / "build" / "screenshots")

NO_YEAR_TEXT = """示例乡法治政府建设情况报告
一、主要举措和成效
（一）加强组织领导
乡党委召开专题会议研究法治建设4次。
二、存在的不足和原因
执法力量不足。
"""


def _never(_unit: str, _year: int) -> bool:
    return False


@pytest.fixture
def sample() -> Imported:
    return import_file(sample_path())


@pytest.fixture
def preview(qtbot, sample: Imported) -> ImportPreviewDialog:
    dialog = ImportPreviewDialog(sample, _never)
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(Dialogs, "inform", lambda _p, _t, text: messages.append(text))
    monkeypatch.setattr(Dialogs, "warn", lambda _p, _t, text: messages.append(text))
    return messages


def _texts(item: QTreeWidgetItem) -> list[str]:
    return [item.child(i).text(0) for i in range(item.childCount())]


def _chapter(dialog: ImportPreviewDialog, index: int) -> QTreeWidgetItem:
    item = dialog.tree.topLevelItem(index)
    assert item is not None
    return item


def _find(dialog: ImportPreviewDialog, start: str) -> QTreeWidgetItem:
    matches = [it for it in _all_items(dialog) if it.text(0).startswith(start)]
    assert len(matches) == 1, start
    return matches[0]


def _all_items(dialog: ImportPreviewDialog) -> list[QTreeWidgetItem]:
    out: list[QTreeWidgetItem] = []

    def walk(item: QTreeWidgetItem) -> None:
        out.append(item)
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(dialog.tree.topLevelItemCount()):
        walk(_chapter(dialog, i))
    return out


def _choose(combo, value: str) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(value))


def test_the_sample_outline_is_shown_with_its_numbers(preview: ImportPreviewDialog, sample: Imported) -> None:
    chapters = [_chapter(preview, i) for i in range(preview.tree.topLevelItemCount())]
    assert [c.text(0) for c in chapters] == ["一、法治政府建设主要负责人履职情况", "二、2021年工作开展主要举措和成效",
                                             "三、工作存在不足及原因", "四、下一步工作打算"]
    assert [c.text(1) for c in chapters] == ["第一责任人职责履行情况", "主要举措和成效", "存在的不足和原因",
                                             "下一年度主要安排"]
    measures = _texts(chapters[1])
    assert measures[0].startswith("章首段：2021年我镇")
    assert [t[:3] for t in measures[1:]] == ["（一）", "（二）", "（三）", "（四）", "（五）"]
    assert measures[1] == "（一）强化组织领导，依法执政水平不断提升"  # its number was lost in the original
    items = _find(preview, "（二）坚持依法行政")
    assert [t.split(".")[0] for t in _texts(items)] == ["1", "2", "3", "4", "5", "6"]
    assert _texts(chapters[3])[1] == "（二）加强创新意识，提高工作效果"
    assert preview.original.isReadOnly() and preview.original.toPlainText() == sample.original
    notes = [preview.notes.item(i).text() for i in range(preview.notes.count())]
    assert any("原文缺少编号" in n for n in notes) and len(notes) == len(sample.detected.notes)
    assert preview.unit_year() == ("千佛镇", 2021)
    assert preview.title.text() == "千佛镇2021年度法治政府建设情况报告"


def test_selecting_a_heading_shows_it_in_the_original(preview: ImportPreviewDialog) -> None:
    preview.tree.setCurrentItem(_find(preview, "（三）支持依法监督"))
    assert preview.original.textCursor().selectedText() == "支持依法监督，强化责任性"
    assert preview.level.isEnabled() and preview.level.currentData() == BlockKind.SECTION.value


def test_changing_a_level_renumbers(preview: ImportPreviewDialog) -> None:
    preview.tree.setCurrentItem(_find(preview, "（三）完善便民服务体系"))
    _choose(preview.level, BlockKind.ITEM.value)  # 二（三） becomes item 7. of 二（二）
    assert _texts(_find(preview, "（二）坚持依法行政"))[-1] == "7.完善便民服务体系、全面建立高效政务服务体系"
    assert [t[:3] for t in _texts(_chapter(preview, 1))[1:]] == ["（一）", "（二）", "（三）", "（四）"]
    assert _find(preview, "（三）强化法制宣传教育").text(1) == "一级小标题（一）"
    assert preview.tree.currentItem().text(0).startswith("7.完善便民服务")  # the selection follows the block
    blocks = preview.report().chapters[1].blocks
    assert [b.kind for b in blocks if b.heading.startswith("完善便民服务")] == [BlockKind.ITEM]


def test_a_section_made_an_item_leaves_its_items_at_their_level(preview: ImportPreviewDialog) -> None:
    """As 降级 in the outline editor (core.outline.relevel): only the selected block changes level; its items
    stay items, now numbered after it (the preview used to take the whole subtree down a level)."""
    preview.tree.setCurrentItem(_find(preview, "（四）强化法制宣传教育"))
    _choose(preview.level, BlockKind.ITEM.value)
    section = _find(preview, "（三）完善便民服务体系")
    assert [t[:2] for t in _texts(section)] == ["1.", "2.", "3."]
    assert _texts(section)[0].startswith("1.强化法制宣传教育") and _texts(section)[1].startswith("2.全面贯彻落实")
    assert _find(preview, "（四）齐头并进").parent() is _chapter(preview, 1)


def test_promote_and_demote_are_the_outline_editors_and_exact_inverses(preview: ImportPreviewDialog) -> None:
    before = preview.report()
    preview.tree.setCurrentItem(_find(preview, "（二）坚持依法行政"))
    assert preview.demote.text() == "降级" and preview.promote.text() == "升级"
    assert preview.demote.shortcut().toString() == "Alt+Right"  # the outline editor's keys
    preview.demote.click()
    assert preview.tree.currentItem().text(0).startswith("1.坚持依法行政")  # under （一）
    assert _find(preview, "2.坚持民主集中制").parent() is _find(preview, "（一）强化组织领导")  # its items stay items
    assert preview.report() != before
    preview.promote.click()
    assert preview.report() == before  # 降级 then 升级: exactly the outline it was
    _choose(preview.level, BlockKind.POINT.value)  # two levels down with the list, and back
    _choose(preview.level, BlockKind.SECTION.value)
    assert preview.report() == before


def test_an_impossible_level_is_refused_and_the_outline_kept(preview: ImportPreviewDialog) -> None:
    before = preview.report()
    preview.tree.setCurrentItem(_find(preview, "（二）坚持依法行政"))
    preview.promote.click()  # （一） is the highest level
    assert preview.report() == before
    assert "不能改为上一级" in preview.status.text() and "三级" in preview.status.text()
    assert preview.level.currentData() == BlockKind.SECTION.value
    _choose(preview.level, BlockKind.PARAGRAPH.value)
    preview.demote.click()  # a plain paragraph has no level to change
    assert "段落没有层级" in preview.status.text()
    assert preview.level.currentData() == BlockKind.PARAGRAPH.value


def test_a_block_can_become_a_paragraph_and_back(preview: ImportPreviewDialog) -> None:
    preview.tree.setCurrentItem(_find(preview, "2.我镇法治政府建设机制"))
    _choose(preview.level, BlockKind.PARAGRAPH.value)
    assert preview.tree.currentItem().text(0).startswith("段落：我镇法治政府建设机制")
    assert _find(preview, "2.依法执政推行阻碍力度较大")  # 3. moved up
    _choose(preview.level, BlockKind.ITEM.value)
    assert preview.tree.currentItem().text(0).startswith("2.我镇法治政府建设机制")


def test_changing_a_role_sticks(preview: ImportPreviewDialog) -> None:
    preview.tree.setCurrentItem(_chapter(preview, 3))
    _choose(preview.role, ChapterRole.OTHER.value)
    assert _chapter(preview, 3).text(1) == "其他需要报告的情况"
    assert preview.tree.currentItem() is _chapter(preview, 3)
    preview.tree.setCurrentItem(_find(preview, "（一）加强思想认识"))  # a block: its chapter's role is shown
    assert preview.role.currentData() == ChapterRole.OTHER.value
    assert [c.role for c in preview.report().chapters] == [ChapterRole.PRINCIPAL_DUTY, ChapterRole.MEASURES,
                                                           ChapterRole.SHORTCOMINGS, ChapterRole.OTHER]
    preview.tree.setCurrentItem(_chapter(preview, 0))
    _choose(preview.role, ChapterRole.MEASURES.value)
    assert "有多章的角色都是“主要举措和成效”" in preview.status.text()


def test_unit_and_year_are_editable_and_the_title_follows(preview: ImportPreviewDialog) -> None:
    preview.year.setValue(2022)
    preview.unit.setText("万佛镇")
    report = preview.report()
    assert (report.unit.short_name, report.year) == ("万佛镇", 2022)
    assert report.title == "万佛镇2022年度法治政府建设情况报告" and report.title_override == ""
    assert "新建万佛镇2022年度的报告" in preview.status.text()


def test_an_unknown_year_must_be_filled_in(qtbot) -> None:
    dialog = ImportPreviewDialog(import_text(NO_YEAR_TEXT), _never)
    qtbot.addWidget(dialog)
    assert dialog.unit_year() == ("示例乡", None) and dialog.year.text() == "请填写"
    assert not dialog.confirmed() and "请填写单位和报告年度" in dialog.status.text()
    dialog.year.setValue(2024)
    assert dialog.confirmed()
    assert dialog.report().title == "示例乡法治政府建设情况报告"  # not the generated one: kept as written


def _in_modal(monkeypatch: pytest.MonkeyPatch,
              act: Callable[[ImportPreviewDialog], None]) -> list[ImportPreviewDialog]:
    """Run ``act`` on the preview where its modal loop would run; rejected if ``act`` leaves it open.

    exec() is replaced by a direct call: a timer-driven nested event loop could fire into a later test
    and crash it, while accept()/reject() behave the same without the loop.
    """
    seen: list[ImportPreviewDialog] = []

    def fake_exec(self: ImportPreviewDialog) -> int:
        seen.append(self)
        self.show()
        try:
            act(self)
        finally:
            if self.isVisible():
                self.reject()
        return int(self.result())

    monkeypatch.setattr(ImportPreviewDialog, "exec", fake_exec)
    return seen


def _button(dialog: ImportPreviewDialog, which: QDialogButtonBox.StandardButton):  # type: ignore[no-untyped-def]
    button = dialog.buttons.button(which)
    assert button is not None
    return button


def test_cancel_writes_nothing(monkeypatch: pytest.MonkeyPatch, window: MainWindow, store: ReportStore,
                               db_path: Path, told: list[str]) -> None:
    monkeypatch.setattr(Dialogs, "ask_open_file", lambda *_: sample_path())

    def edit_then_cancel(dialog: ImportPreviewDialog) -> None:
        dialog.tree.setCurrentItem(_chapter(dialog, 3))
        _choose(dialog.role, ChapterRole.OTHER.value)
        _button(dialog, QDialogButtonBox.StandardButton.Cancel).click()

    seen = _in_modal(monkeypatch, edit_then_cancel)
    window.import_report()
    assert seen and store.list_reports() == [] and told == []
    assert not (db_path.parent / "backups").exists() or not list((db_path.parent / "backups").glob("*.db"))


def test_confirm_stores_the_edited_report(monkeypatch: pytest.MonkeyPatch, window: MainWindow,
                                          store: ReportStore, told: list[str]) -> None:
    monkeypatch.setattr(Dialogs, "ask_open_file", lambda *_: sample_path())

    def edit_then_confirm(dialog: ImportPreviewDialog) -> None:
        dialog.tree.setCurrentItem(_chapter(dialog, 3))
        _choose(dialog.role, ChapterRole.OTHER.value)
        dialog.tree.setCurrentItem(_find(dialog, "（三）完善便民服务体系"))
        _choose(dialog.level, BlockKind.ITEM.value)
        assert _button(dialog, QDialogButtonBox.StandardButton.Ok).text() == "导入为新报告"
        _button(dialog, QDialogButtonBox.StandardButton.Ok).click()

    seen = _in_modal(monkeypatch, edit_then_confirm)
    window.import_report()
    report_id = store.find_report_id("千佛镇", 2021)
    assert seen and report_id is not None and window.view.report_id == report_id
    report = store.load_report(report_id)
    assert report.chapters[3].role is ChapterRole.OTHER
    measures = report.chapters[1].blocks
    assert [b.kind for b in measures if b.heading.startswith("完善便民服务")] == [BlockKind.ITEM]
    assert sum(b.kind is BlockKind.SECTION for b in measures) == 4
    assert told and told[0].startswith("已导入：千佛镇2021年度法治政府建设情况报告")


def test_replacing_asks_and_no_keeps_the_preview_open(monkeypatch: pytest.MonkeyPatch, window: MainWindow,
                                                     store: ReportStore, template_report: Report,
                                                     db_path: Path, told: list[str]) -> None:
    monkeypatch.setattr(Dialogs, "ask_open_file", lambda *_: sample_path())
    answers = [False, True]
    monkeypatch.setattr(Dialogs, "confirm", lambda *_: answers.pop(0))
    still_open: list[bool] = []

    def say_no_then_yes(dialog: ImportPreviewDialog) -> None:
        ok = _button(dialog, QDialogButtonBox.StandardButton.Ok)
        assert ok.text() == "替换已有报告…" and "已经存在" in dialog.status.text()
        ok.click()  # no: the preview stays, nothing is written
        still_open.append(dialog.isVisible())
        assert store.load_report(template_report.id or 0).chapters == template_report.chapters
        ok.click()  # yes

    _in_modal(monkeypatch, say_no_then_yes)
    window.import_report()
    assert still_open == [True] and answers == []
    report_id = store.find_report_id("千佛镇", 2021)
    assert report_id is not None and len(store.load_report(report_id).chapters) == 4
    assert list((db_path.parent / "backups").glob("*.db"))
    assert told and "从备份恢复" in told[0]


def test_screenshot_of_the_preview(qtbot, preview: ImportPreviewDialog) -> None:
    preview.resize(1120, 760)
    preview.show()
    qtbot.waitExposed(preview)
    preview.tree.setCurrentItem(_find(preview, "（二）坚持依法行政"))
    QApplication.processEvents()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / "import-preview.png"
    assert preview.grab().save(str(path))
    assert path.stat().st_size > 10_000
    metrics = preview.tree.fontMetrics()
    for item in _all_items(preview):  # chapter titles and short headings are not cut off
        text = item.text(0)
        if len(text) <= 26:
            assert metrics.horizontalAdvance(text) < preview.tree.visualItemRect(item).width(), text


# --- removed lines: listed, greyed, kept on request; table figures offered for 数据指标 ----------------
def _web_fixture() -> Path:
    from tests.ingest_support import FIXTURES

    return FIXTURES / "web-a-qingshi-2023.txt"


def test_removed_lines_are_listed_greyed_and_can_be_kept(qtbot) -> None:
    imported = import_file(_web_fixture())
    dialog = ImportPreviewDialog(imported, _never)
    qtbot.addWidget(dialog)
    removed = imported.detected.removed
    rows = dialog.source.removed
    assert rows.count() == len(removed) == 10
    texts = [rows.item(i).text() for i in range(rows.count())]
    assert texts[0] == "第1行［网页按钮（打印、关闭、字号、分享、简繁体等）］无障碍 | 长者模式 | 简体 | 繁体"
    assert any(t.startswith("第") and "［页码］" not in t and "ICP备" in t for t in texts)
    assert len(dialog.original.extraSelections()) == len(removed)  # greyed and struck through in 原文
    assert all(s.format.fontStrikeOut() for s in dialog.original.extraSelections())
    share = next(r for r in removed if r.text == "分享到：")
    rows.set_kept(share.line, True)  # the clerk ticks 保留
    assert share.line in dialog.imported.keep
    assert share not in dialog.imported.detected.removed
    assert "分享到：" in dialog.report().opening.split("\n")
    assert len(dialog.original.extraSelections()) == len(removed) - 1
    assert rows.count() == len(removed)  # the kept line stays in the list, ticked, to be removed again
    rows.set_kept(share.line, False)
    assert "分享到：" not in dialog.report().opening and dialog.imported.keep == frozenset()


def test_table_figures_are_offered_and_copied_into_the_indicators(monkeypatch: pytest.MonkeyPatch,
                                                                 window: MainWindow, store: ReportStore,
                                                                 tmp_path: Path, told: list[str]) -> None:
    from tests.ingest_support import FIXTURES, build_docx

    path = build_docx(FIXTURES / "word-autolist-fengshan-2024.docx.txt", tmp_path / "凤山镇.docx")
    monkeypatch.setattr(Dialogs, "ask_open_file", lambda *_: path)

    def tick_and_confirm(dialog: ImportPreviewDialog) -> None:
        assert dialog.copy_figures.isVisible()
        assert "受理矛盾纠纷 64" in dialog.copy_figures.text() and "发放宣传资料 4200" in dialog.copy_figures.text()
        assert not dialog.copy_figures.isChecked()  # offered, not done behind the clerk's back
        dialog.copy_figures.setChecked(True)
        _button(dialog, QDialogButtonBox.StandardButton.Ok).click()

    _in_modal(monkeypatch, tick_and_confirm)
    window.import_report()
    report_id = store.find_report_id("凤山镇", 2024)
    assert report_id is not None
    values = {k: str(v.value) for k, v in store.indicator_values(report_id).items() if v.value is not None}
    assert values == {"disputes_accepted": "64", "disputes_resolved": "62", "legal_consultations": "315",
                      "publicity_events": "18", "materials": "4200"}
    body = store.load_report(report_id).chapters[0].blocks[-1].body
    assert "受理纠纷：64；调解成功：62；法律咨询：315；普法活动：18；发放资料：4200。" in body
    assert told and "已把表格中的 5 个数字填入数据指标" in told[0]


def test_screenshot_of_the_preview_of_a_web_copy(qtbot) -> None:
    dialog = ImportPreviewDialog(import_file(_web_fixture()), _never)
    qtbot.addWidget(dialog)
    dialog.resize(1120, 760)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / "import-preview-web.png"
    assert dialog.grab().save(str(path))
    assert path.stat().st_size > 10_000
