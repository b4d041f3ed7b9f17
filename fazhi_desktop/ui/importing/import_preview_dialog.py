"""导入预览: the detected outline (newly numbered) beside the original text, corrected before anything is stored."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole, Report, Unit
from fazhi_desktop.core.outline import OutlineError
from fazhi_desktop.ui.chapter.block_editor import KIND_LABELS
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.importing.import_preview_outline import (
    CHAPTER_ROW,
    ImportChoice,
    Position,
    change_level,
    fill_outline,
    fit_size,
    head_grid,
    import_status,
    level_buttons,
    level_combo,
    outline_pane,
    outline_tree,
    position,
    role_combo,
    step_level,
    summary,
    year_box,
)
from fazhi_desktop.ui.importing.import_source_pane import ImportSourcePane

if TYPE_CHECKING:
    from fazhi_desktop.core.tables import TableFigure
    from fazhi_desktop.importers.load import Imported

NO_YEAR = 1999  # the year spin box's minimum, shown as “请填写”
Exists = Callable[[str, int], bool]


def _generated_title(unit: str, year: int) -> str:
    return f"{unit}{year}年度法治政府建设情况报告"


class ImportPreviewDialog(QDialog):
    """Shows what an import would create; lets the user fix chapter roles, block levels, unit and year."""

    def __init__(self, imported: Imported, exists: Exists, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("导入预览 — 请核对识别结果")
        self.imported = imported
        self.removable = imported.detected.removed  # every line cleanup would remove (none kept yet)
        self.detected = imported.detected
        self.exists = exists
        self.chapters: list[Chapter] = list(self.detected.chapters)
        self._updating = False
        self.unit = QLineEdit(self.detected.unit_name or "")
        self.unit.setPlaceholderText("单位简称，如：千佛镇")
        self.year = year_box(NO_YEAR, self.detected.year)
        self.title = QLineEdit(self.detected.title)
        self.title.setPlaceholderText("留空则使用“单位+年度+法治政府建设情况报告”")
        self._last_key = (self.unit.text().strip(), self.year.value())
        head = head_grid(self.unit, self.year, self.title, f"来源：{imported.source}")

        self.tree = outline_tree()
        self.role, self.level = role_combo(), level_combo()
        self.promote, self.demote = level_buttons()  # 升级, 降级: as in the outline editor
        left = outline_pane(self.tree, self.role, (self.level, self.promote, self.demote))

        self.source = ImportSourcePane(imported.original)
        self.original = self.source.original
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.source)
        splitter.setStretchFactor(0, 11)
        splitter.setStretchFactor(1, 9)
        splitter.setChildrenCollapsible(False)

        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        self.copy_figures = QCheckBox()
        self._show_reading()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(splitter, 1)
        layout.addWidget(QLabel("识别说明（请核对）："))
        layout.addWidget(self.notes)
        layout.addWidget(self.copy_figures)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.role.currentIndexChanged.connect(self._role_chosen)
        self.level.currentIndexChanged.connect(self._level_chosen)
        self.promote.clicked.connect(lambda: self._step_level(-1))
        self.demote.clicked.connect(lambda: self._step_level(+1))
        self.unit.textChanged.connect(self._key_changed)
        self.year.valueChanged.connect(self._key_changed)
        self.source.sig_keep_changed.connect(self.keep_lines)
        self._rebuild()
        self._key_changed()
        self._fit_to_screen()

    # ----- the outline tree

    def _rebuild(self, select: Position | None = None) -> None:
        self._updating = True
        chosen = fill_outline(self.tree, self.chapters, select)
        self._updating = False
        chosen = chosen or self.tree.topLevelItem(0)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self._selection_changed()

    def selected(self) -> Position | None:
        """(chapter index, block index) of the selected row; block index is -1 for a chapter, -2 for its lead."""
        return position(self.tree.currentItem())

    def _selection_changed(self) -> None:
        if self._updating:
            return
        pos = self.selected()
        self._updating = True
        chapter_index = pos[0] if pos else None
        block_index = pos[1] if pos and pos[1] >= 0 else None
        self.role.setEnabled(chapter_index is not None)
        self.level.setEnabled(block_index is not None)
        for button in (self.promote, self.demote):
            button.setEnabled(block_index is not None)
        if chapter_index is not None:
            chapter = self.chapters[chapter_index]
            self.role.setCurrentIndex(self.role.findData(chapter.role.value))
            if block_index is not None:
                block = chapter.blocks[block_index]
                self.level.setCurrentIndex(self.level.findData(block.kind.value))
                self._show_in_original(block.heading or block.body)
            else:
                self._show_in_original(chapter.title if pos and pos[1] == CHAPTER_ROW else chapter.lead)
        self._updating = False

    def _show_in_original(self, text: str) -> None:
        self.source.show_text(text)

    def _show_reading(self) -> None:
        """Notes, removed lines and the figures offer of the current reading."""
        self.notes.clear()
        self.notes.addItems([f"· {n}" for n in self.detected.notes] or ["· 没有需要特别核对的地方"])
        rows = min(self.notes.count(), 5)  # room for the notes, not more: the outline needs the height
        self.notes.setMaximumHeight(self.notes.sizeHintForRow(0) * rows + 2 * self.notes.frameWidth() + 6)
        self.source.show_removed(self.removable, self.imported.keep)
        figures = self.detected.figures
        listed = "、".join(f"{f.indicator} {f.value}" for f in figures)
        self.copy_figures.setText(f"把表格中的数字填入“数据指标”：{listed}")
        self.copy_figures.setVisible(bool(figures))

    def keep_lines(self, keep: frozenset[int]) -> None:
        """Read the text again keeping the removed lines numbered in ``keep`` (the 保留 boxes)."""
        from fazhi_desktop.importers.load import reimport

        edited = self.chapters != list(self.detected.chapters)
        self.imported = reimport(self.imported, frozenset(keep))
        self.detected = self.imported.detected
        self.chapters = list(self.detected.chapters)
        self._show_reading()
        self._rebuild()
        self._key_changed()
        if edited:
            self.status.setText(self.status.text() + "（已按保留的行重新识别，之前在预览中改动的角色和层级需重新设置）")

    def figures(self) -> tuple[TableFigure, ...]:
        """The table figures the user chose to copy into 数据指标 (none unless the box is ticked)."""
        return self.detected.figures if self.copy_figures.isChecked() else ()

    # ----- edits

    def set_role(self, chapter_index: int, role: ChapterRole) -> None:
        """Give the chapter at ``chapter_index`` the role ``role``."""
        self.chapters[chapter_index] = replace(self.chapters[chapter_index], role=role)
        self._rebuild(self.selected())
        self._key_changed()

    def set_level(self, chapter_index: int, block_index: int, kind: BlockKind) -> bool:
        """Make a block a section/item/point (that block only: its sub-items keep their levels, as 升级/降级
        in the outline editor) or a plain paragraph. False, with the reason shown, when it cannot be."""
        return self._relevel(chapter_index, block_index, KIND_LABELS[kind],
                             lambda blocks: change_level(blocks, block_index, kind))

    def _step_level(self, delta: int) -> None:
        """升级 (−1) or 降级 (+1) the selected block."""
        pos = self.selected()
        if pos is not None and pos[1] >= 0:
            self._relevel(pos[0], pos[1], "上一级" if delta < 0 else "下一级",
                          lambda blocks: step_level(blocks, pos[1], delta))

    def _relevel(self, chapter_index: int, block_index: int, target: str,
                 op: Callable[[tuple[Block, ...]], tuple[Block, ...]]) -> bool:
        try:
            changed = op(self.chapters[chapter_index].blocks)
        except OutlineError as exc:
            self.status.setText(f"不能改为{target}：{exc}")
            self._selection_changed()
            return False
        self.chapters[chapter_index] = replace(self.chapters[chapter_index], blocks=changed)
        self._rebuild((chapter_index, block_index))
        self._key_changed()
        return True

    def _role_chosen(self, _index: int) -> None:
        pos = self.selected()
        if not self._updating and pos is not None:
            self.set_role(pos[0], ChapterRole(self.role.currentData()))

    def _level_chosen(self, _index: int) -> None:
        pos = self.selected()
        if not self._updating and pos is not None and pos[1] >= 0:
            self.set_level(pos[0], pos[1], BlockKind(self.level.currentData()))

    # ----- unit, year, result

    def unit_year(self) -> tuple[str, int | None]:
        year = self.year.value()
        return self.unit.text().strip(), (None if year == NO_YEAR else year)

    def _key_changed(self) -> None:
        unit, year = self.unit_year()
        old_unit, old_year = self._last_key
        if year is not None and self.title.text().strip() in ("", _generated_title(old_unit, old_year)):
            self.title.setText(_generated_title(unit, year))  # the title followed the old unit/year: keep it so
        self._last_key = (unit, year or NO_YEAR)
        text, colour, ok = import_status(unit, year, self.chapters, self.exists, lambda: summary(self.report()))
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour};" if colour else "")
        self._ok_text(ok)

    def _ok_text(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(text)

    def report(self) -> Report:
        """The report the import would store (unit not yet stored: import_actions resolves it)."""
        unit_name, year = self.unit_year()
        year = year or NO_YEAR
        report = self.detected.to_report(Unit.from_short_name(unit_name), year)
        title = self.title.text().strip()
        return replace(report, chapters=tuple(self.chapters),
                       title_override="" if title == report.generated_title else title)

    def confirmed(self) -> bool:
        """Whether 确定 may close the dialog: unit and year given, and replacing an existing report agreed."""
        unit, year = self.unit_year()
        if not unit or year is None:
            self.status.setText("请填写单位和报告年度。")
            (self.unit if not unit else self.year).setFocus()
            return False
        question = (f"{unit}{year}年度的报告已经存在。\n\n用导入的各章替换它的各章吗？"
                    "基本信息和数据指标保留，替换前会自动备份数据文件。")
        return not self.exists(unit, year) or Dialogs.confirm(self, "替换报告", question)

    def _accept(self) -> None:
        if self.confirmed():
            self.accept()

    def _fit_to_screen(self) -> None:
        self.resize(fit_size(self.screen() or QGuiApplication.primaryScreen(), 1120, 760))

    @classmethod
    def ask(cls, parent: QWidget | None, imported: Imported, exists: Exists) -> ImportChoice | None:
        """Show the preview; the edited report (and figures to copy) when the user confirms, else None."""
        dialog = cls(imported, exists, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()

    def choice(self) -> ImportChoice:
        """What 确定 confirms: the report, the figures to copy, the notes and removals of this reading."""
        return ImportChoice(self.report(), self.figures(), self.detected.notes, len(self.detected.removed))
