"""The outline tree of the import preview: chapters and blocks with their derived numbers, nested by level."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QScreen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fazhi_desktop.core import outline
from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole, Report
from fazhi_desktop.core.numbering import block_numbers, chapter_number
from fazhi_desktop.core.tables import TableFigure
from fazhi_desktop.ui.chapter.block_editor import KIND_LABELS
from fazhi_desktop.ui.chapter.outline_requests import ACTIONS

POS_ROLE = Qt.ItemDataRole.UserRole + 1
CHAPTER_ROW = -1  # block index stored on a chapter's row
LEAD_ROW = -2  # block index stored on a chapter's lead paragraph row
Position = tuple[int, int]  # (chapter index, block index or CHAPTER_ROW / LEAD_ROW)


@dataclass(frozen=True)
class ImportChoice:
    """What the user confirmed: the report to store, and table figures to copy into 数据指标."""

    report: Report
    figures: tuple[TableFigure, ...] = ()
    notes: tuple[str, ...] = ()  # the notes of the reading confirmed (after lines were kept)
    removed: int = 0  # how many lines cleanup removed


def summary(report: Report) -> str:
    """"4 章，12 个小节，11 个条目"."""
    blocks = [b for c in report.chapters for b in c.blocks]
    sections = sum(1 for b in blocks if b.kind is BlockKind.SECTION)
    items = sum(1 for b in blocks if b.kind in (BlockKind.ITEM, BlockKind.POINT))
    return f"{len(report.chapters)} 章，{sections} 个小节，{items} 个条目"


def excerpt(text: str, size: int = 24) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= size else flat[:size] + "…"


def block_text(block: Block) -> str:
    """What a block's row shows after its number: the heading, else the start of its text."""
    if block.kind is BlockKind.PARAGRAPH:
        return f"段落：{excerpt(block.heading or block.body)}"
    return block.heading or excerpt(block.body, 20)


def outline_tree() -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(["识别出的大纲（导入后的编号）", "角色 / 层级"])
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    return tree


def outline_pane(tree: QTreeWidget, role: QComboBox, level: tuple[QWidget, ...]) -> QWidget:
    """The tree, and under it the selected chapter's role and the selected block's level (with 升级/降级)."""
    levels = QHBoxLayout()
    for widget in level:
        levels.addWidget(widget)
    edit = QFormLayout()
    edit.addRow("所选章的角色", role)
    edit.addRow("所选条目的层级", levels)
    pane = QWidget()
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(tree, 1)
    layout.addLayout(edit)
    return pane


def position(item: QTreeWidgetItem | None) -> Position | None:
    if item is None:
        return None
    ci, bi = item.data(0, POS_ROLE)
    return int(ci), int(bi)


def fill_outline(tree: QTreeWidget, chapters: Sequence[Chapter], select: Position | None) -> QTreeWidgetItem | None:
    """Show ``chapters`` in ``tree`` (cleared first); the row at ``select``, if it exists."""
    tree.clear()
    grey = QBrush(QColor("#666666"))
    chosen: QTreeWidgetItem | None = None
    for ci, chapter in enumerate(chapters):
        top = QTreeWidgetItem([chapter_number(ci) + chapter.title, chapter.role.label])
        top.setData(0, POS_ROLE, (ci, CHAPTER_ROW))
        tree.addTopLevelItem(top)
        if select == (ci, CHAPTER_ROW):
            chosen = top
        if chapter.lead.strip():
            lead = QTreeWidgetItem(top, [f"章首段：{excerpt(chapter.lead)}", "章首段"])
            lead.setData(0, POS_ROLE, (ci, LEAD_ROW))
            lead.setToolTip(0, excerpt(chapter.lead, 80))
            for col in (0, 1):
                lead.setForeground(col, grey)
            if select == (ci, LEAD_ROW):
                chosen = lead
        rows: list[QTreeWidgetItem] = []
        parents = outline.parent_indices(chapter.blocks)
        for bi, (number, block) in enumerate(zip(block_numbers(chapter.blocks), chapter.blocks, strict=True)):
            parent_at = parents[bi]
            row = QTreeWidgetItem(rows[parent_at] if parent_at is not None else top,
                                  [number + block_text(block), KIND_LABELS[block.kind]])
            row.setData(0, POS_ROLE, (ci, bi))
            row.setToolTip(0, block.heading or f"没有标题句，显示的是正文开头：{excerpt(block.body, 80)}")
            if block.kind is BlockKind.PARAGRAPH or not block.heading:
                row.setForeground(0, grey)
            rows.append(row)
            if select == (ci, bi):
                chosen = row
    tree.expandAll()
    return chosen


def role_combo() -> QComboBox:
    combo = QComboBox()
    for role in ChapterRole:
        combo.addItem(role.label, role.value)
    combo.setToolTip("这一章在报告中的作用，检查功能据此判断是否缺少法定内容")
    return combo


def level_combo() -> QComboBox:
    combo = QComboBox()
    for kind in BlockKind:
        combo.addItem(KIND_LABELS[kind], kind.value)
    combo.setToolTip("（一）→ 1. →（1）：只改所选条目的层级，下级条目层级不变（与提纲中的升级、降级相同）；"
                     "编号自动重排")
    return combo


def level_buttons() -> tuple[QPushButton, QPushButton]:
    """升级 and 降级 with the outline editor's words and keys (Alt+← / Alt+→)."""
    buttons = []
    for name in ("outdent", "indent"):
        _name, text, keys, tip = next(a for a in ACTIONS if a[0] == name)
        button = QPushButton(text)
        button.setShortcut(QKeySequence(keys))
        button.setToolTip(f"{tip}（{QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)}）")
        buttons.append(button)
    return buttons[0], buttons[1]


def change_level(blocks: tuple[Block, ...], index: int, kind: BlockKind) -> tuple[Block, ...]:
    """The outline with the block at ``index`` made a section/item/point — that block only, its sub-items
    keep their levels, exactly as 升级/降级 in the outline editor (core.outline.relevel) — or a plain
    paragraph; OutlineError (Chinese) when the block cannot take it."""
    old = blocks[index]
    if old.kind.numbered and kind.numbered:
        return outline.relevel(blocks, [index], kind.level - old.level)
    changed = outline.set_kind(blocks, index, kind)
    if kind.numbered and not old.heading:
        changed = (*changed[:index], replace(changed[index], run_in=True), *changed[index + 1:])
    return tuple(changed)


def step_level(blocks: tuple[Block, ...], index: int, delta: int) -> tuple[Block, ...]:
    """升级 (``delta`` −1) or 降级 (+1) of the block at ``index`` (core.outline.relevel)."""
    return outline.relevel(blocks, [index], delta)


def import_status(unit: str, year: int | None, chapters: Sequence[Chapter], exists: Callable[[str, int], bool],
                  summary_text: Callable[[], str]) -> tuple[str, str, str]:
    """What 确定 will do, in words: (the status line, its colour or "", the 确定 button's text)."""
    roles = [c.role for c in chapters if c.role is not ChapterRole.CUSTOM]
    twice = sorted({r.label for r in roles if roles.count(r) > 1})
    warning = f"注意：有多章的角色都是“{'、'.join(twice)}”。" if twice else ""
    if not unit or year is None:
        return warning + "请填写单位和报告年度。", "#b00020", "导入"
    if exists(unit, year):
        return (warning + f"{unit}{year}年度的报告已经存在：确定后将用导入的各章替换它的各章"
                "（基本信息保留；替换前自动备份，可通过“从备份恢复”找回）。", "#a04000", "替换已有报告…")
    return warning + f"确定后将新建{unit}{year}年度的报告：{summary_text()}。", "", "导入为新报告"


def fit_size(screen: QScreen | None, width: int, height: int) -> QSize:
    """``width`` × ``height``, or less where the screen is smaller."""
    if screen is not None:
        area = screen.availableGeometry()
        width, height = min(width, area.width() - 40), min(height, area.height() - 60)
    return QSize(width, height)


def year_box(no_year: int, year: int | None) -> QSpinBox:
    """The report year, “请填写” while unknown (``no_year``)."""
    box = QSpinBox()
    box.setRange(no_year, 2100)
    box.setSpecialValueText("请填写")
    box.setSuffix(" 年度")
    box.setValue(year or no_year)
    return box


def head_grid(unit: QLineEdit, year: QSpinBox, title: QLineEdit, source: str) -> QGridLayout:
    """单位, 报告年度 and the source on one row, 标题 under them."""
    head = QGridLayout()
    for column, widget in enumerate((QLabel("单位"), unit, QLabel("报告年度"), year, QLabel(source))):
        head.addWidget(widget, 0, column)
    head.addWidget(QLabel("标题"), 1, 0)
    head.addWidget(title, 1, 1, 1, 4)
    head.setColumnStretch(1, 1)
    head.setColumnStretch(4, 2)
    return head
