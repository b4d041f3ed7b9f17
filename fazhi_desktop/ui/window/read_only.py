"""Read-only viewing (the data file is in use by the program on another PC): look, copy, export — no edits.

Text fields become read-only (selecting and copying still work); switches, pickers and the buttons that
change the report are disabled; tables and outlines stop editing and dragging. Widgets that enable their
own buttons again later (the 检查 list, the report list, the block editor) have a
``set_read_only(bool)`` method, which :func:`lock_editing` calls, and keep honouring it.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

SAFE_PROPERTY = "fazhi_read_only_safe"
"""Set to True on a button or action that only looks (重新检查): it stays enabled when read-only."""


def banner(why: str = "") -> QLabel:
    """The status-bar notice of a read-only window (``why``: e.g. 数据文件正被其他程序使用)."""
    label = QLabel(f"只读：{why or '数据文件正被其他程序使用'}，修改不会保存")
    label.setStyleSheet("color: #b00020;")
    return label


def mark_safe(thing: QWidget | QAction) -> None:
    thing.setProperty(SAFE_PROPERTY, True)


def _safe(thing: QWidget | QAction) -> bool:
    return bool(thing.property(SAFE_PROPERTY))


def lock_editing(root: QWidget) -> None:
    """Make everything under ``root`` that could change the report read-only or disabled."""
    for text in root.findChildren(QLineEdit):
        text.setReadOnly(True)
    for area in root.findChildren(QTextEdit):
        area.setReadOnly(True)
    for plain in root.findChildren(QPlainTextEdit):
        plain.setReadOnly(True)
    for spin in root.findChildren(QAbstractSpinBox):  # also the date pickers
        spin.setReadOnly(True)
    for combo in root.findChildren(QComboBox):
        combo.setEnabled(False)
    for button in root.findChildren(QAbstractButton):  # push buttons, check boxes, tool buttons
        if not _safe(button) and not isinstance(button.parent(), QTabBar):  # tab scroll arrows stay
            button.setEnabled(False)
    for view in root.findChildren(QAbstractItemView):
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
    for action in root.findChildren(QAction):  # the outline's 添加/移动/删除 with their shortcuts
        if not _safe(action):
            action.setEnabled(False)
    for widget in (root, *root.findChildren(QWidget)):
        setter = getattr(widget, "set_read_only", None)
        if callable(setter):
            setter(True)
