"""导入预览: the detected outline (newly numbered) beside the original text, corrected before anything is stored."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fazhi_desktop.core import outline
from fazhi_desktop.core.model import BlockKind, Chapter, ChapterRole, Report, Unit
from fazhi_desktop.core.outline import OutlineError
from fazhi_desktop.ui.chapter.block_editor import KIND_LABELS
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.importing.import_preview_outline import (
    CHAPTER_ROW,
    Position,
    fill_outline,
    outline_tree,
    position,
    summary,
)

if TYPE_CHECKING:
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
        self.detected = imported.detected
        self.exists = exists
        self.chapters: list[Chapter] = list(self.detected.chapters)
        self._updating = False
        self.unit = QLineEdit(self.detected.unit_name or "")
        self.unit.setPlaceholderText("单位简称，如：千佛镇")
        self.year = QSpinBox()
        self.year.setRange(NO_YEAR, 2100)
        self.year.setSpecialValueText("请填写")
        self.year.setSuffix(" 年度")
        self.year.setValue(self.detected.year or NO_YEAR)
        self.title = QLineEdit(self.detected.title)
        self.title.setPlaceholderText("留空则使用“单位+年度+法治政府建设情况报告”")
        self._last_key = (self.unit.text().strip(), self.year.value())
        head = QGridLayout()
        head.addWidget(QLabel("单位"), 0, 0)
        head.addWidget(self.unit, 0, 1)
        head.addWidget(QLabel("报告年度"), 0, 2)
        head.addWidget(self.year, 0, 3)
        head.addWidget(QLabel(f"来源：{imported.source}"), 0, 4)
        head.addWidget(QLabel("标题"), 1, 0)
        head.addWidget(self.title, 1, 1, 1, 4)
        head.setColumnStretch(1, 1)
        head.setColumnStretch(4, 2)

        self.tree = outline_tree()
        self.role = QComboBox()
        for role in ChapterRole:
            self.role.addItem(role.label, role.value)
        self.role.setToolTip("这一章在报告中的作用，检查功能据此判断是否缺少法定内容")
        self.level = QComboBox()
        for kind in BlockKind:
            self.level.addItem(KIND_LABELS[kind], kind.value)
        self.level.setToolTip("（一）→ 1. →（1）：改变层级时，下级条目随之升降；编号自动重排")
        edit = QFormLayout()
        edit.addRow("所选章的角色", self.role)
        edit.addRow("所选条目的层级", self.level)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        left_layout.addLayout(edit)

        self.original = QPlainTextEdit(imported.original)
        self.original.setReadOnly(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("原文（只读）"))
        right_layout.addWidget(self.original, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 11)
        splitter.setStretchFactor(1, 9)
        splitter.setChildrenCollapsible(False)

        self.notes = QListWidget()
        self.notes.setWordWrap(True)
        notes = list(self.detected.notes)
        if self.detected.removed:
            notes.append(f"已删除页码、页眉页脚等杂项 {len(self.detected.removed)} 行")
        self.notes.addItems([f"· {n}" for n in notes] or ["· 没有需要特别核对的地方"])
        rows = min(self.notes.count(), 5)  # room for the notes, not more: the outline needs the height
        self.notes.setMaximumHeight(self.notes.sizeHintForRow(0) * rows + 2 * self.notes.frameWidth() + 6)
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
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.role.currentIndexChanged.connect(self._role_chosen)
        self.level.currentIndexChanged.connect(self._level_chosen)
        self.unit.textChanged.connect(self._key_changed)
        self.year.valueChanged.connect(self._key_changed)
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
        """Select the start of ``text`` in the original, when it is there verbatim."""
        needle = text.strip()[:12]
        if not needle:
            return
        found = self.original.document().find(needle)
        if not found.isNull():
            self.original.setTextCursor(found)
            self.original.centerCursor()

    # ----- edits

    def set_role(self, chapter_index: int, role: ChapterRole) -> None:
        """Give the chapter at ``chapter_index`` the role ``role``."""
        self.chapters[chapter_index] = replace(self.chapters[chapter_index], role=role)
        self._rebuild(self.selected())
        self._key_changed()

    def set_level(self, chapter_index: int, block_index: int, kind: BlockKind) -> bool:
        """Make a block a section/item/point (its subordinate blocks move along) or a plain paragraph.

        False, with the reason shown, when the outline cannot take it (e.g. a point below （1）).
        """
        blocks = self.chapters[chapter_index].blocks
        old = blocks[block_index]
        try:
            if old.kind.numbered and kind.numbered:
                changed: outline.Outline = tuple(blocks)
                step = outline.indent if kind.level > old.level else outline.outdent
                for _ in range(abs(kind.level - old.level)):
                    changed = step(changed, block_index)
            else:
                changed = outline.set_kind(blocks, block_index, kind)
                if kind.numbered and not old.heading:
                    changed = (*changed[:block_index], replace(changed[block_index], run_in=True),
                               *changed[block_index + 1:])
        except OutlineError as exc:
            self.status.setText(f"不能改为{KIND_LABELS[kind]}：{exc}")
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
        roles = [c.role for c in self.chapters if c.role is not ChapterRole.CUSTOM]
        twice = sorted({r.label for r in roles if roles.count(r) > 1})
        warning = f"注意：有多章的角色都是“{'、'.join(twice)}”。" if twice else ""
        if not unit or year is None:
            self.status.setText(warning + "请填写单位和报告年度。")
            self.status.setStyleSheet("color: #b00020;")
            self._ok_text("导入")
        elif self.exists(unit, year):
            self.status.setText(warning + f"{unit}{year}年度的报告已经存在：确定后将用导入的各章替换它的各章"
                                "（基本信息保留；替换前自动备份，可通过“从备份恢复”找回）。")
            self.status.setStyleSheet("color: #a04000;")
            self._ok_text("替换已有报告…")
        else:
            self.status.setText(warning + f"确定后将新建{unit}{year}年度的报告：{summary(self.report())}。")
            self.status.setStyleSheet("")
            self._ok_text("导入为新报告")

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
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        width, height = 1120, 760
        if area is not None:
            width, height = min(width, area.width() - 40), min(height, area.height() - 60)
        self.resize(width, height)

    @classmethod
    def ask(cls, parent: QWidget | None, imported: Imported, exists: Exists) -> Report | None:
        """Show the preview; the edited report when the user confirms, None when cancelled."""
        dialog = cls(imported, exists, parent)
        return dialog.report() if dialog.exec() == QDialog.DialogCode.Accepted else None
