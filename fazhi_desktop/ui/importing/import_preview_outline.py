"""The outline tree of the import preview: chapters and blocks with their derived numbers, nested by level."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QScreen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
)

from fazhi_desktop.core import outline
from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole, Report
from fazhi_desktop.core.numbering import block_numbers, chapter_number
from fazhi_desktop.core.tables import TableFigure
from fazhi_desktop.ui.chapter.block_editor import KIND_LABELS

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
    combo.setToolTip("（一）→ 1. →（1）：改变层级时，下级条目随之升降；编号自动重排")
    return combo


def relevel(blocks: tuple[Block, ...], index: int, kind: BlockKind) -> tuple[Block, ...]:
    """The outline with the block at ``index`` made a section/item/point (its subordinate blocks move
    along) or a plain paragraph; OutlineError when the outline cannot take it."""
    old = blocks[index]
    if old.kind.numbered and kind.numbered:
        changed: outline.Outline = tuple(blocks)
        step = outline.indent if kind.level > old.level else outline.outdent
        for _ in range(abs(kind.level - old.level)):
            changed = step(changed, index)
        return tuple(changed)
    changed = outline.set_kind(blocks, index, kind)
    if kind.numbered and not old.heading:
        changed = (*changed[:index], replace(changed[index], run_in=True), *changed[index + 1:])
    return tuple(changed)


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
