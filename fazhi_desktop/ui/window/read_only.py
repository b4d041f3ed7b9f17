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


_WAS = "fazhi_read_only_was"  # what lock_editing changed, so that unlock_editing can put it back


def _remember(thing: QWidget | QAction, value: object) -> None:
    if thing.property(_WAS) is None:
        thing.setProperty(_WAS, value)


def lock_editing(root: QWidget) -> None:
    """Make everything under ``root`` that could change the report read-only or disabled."""
    texts: list[QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox] = [
        *root.findChildren(QLineEdit), *root.findChildren(QTextEdit), *root.findChildren(QPlainTextEdit),
        *root.findChildren(QAbstractSpinBox)]  # spin boxes: also the date pickers
    for text in texts:
        _remember(text, text.isReadOnly())
        text.setReadOnly(True)
    for combo in root.findChildren(QComboBox):
        if not _safe(combo):  # a combo that only changes the view (the preview's zoom) stays
            _remember(combo, combo.isEnabled())
            combo.setEnabled(False)
    for button in root.findChildren(QAbstractButton):  # push buttons, check boxes, tool buttons
        if not _safe(button) and not isinstance(button.parent(), QTabBar):  # tab scroll arrows stay
            _remember(button, button.isEnabled())
            button.setEnabled(False)
    for view in root.findChildren(QAbstractItemView):
        _remember(view, [view.editTriggers().value, view.dragDropMode().value])
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
    for action in root.findChildren(QAction):  # the outline's 添加/移动/删除 with their shortcuts
        if not _safe(action):
            _remember(action, action.isEnabled())
            action.setEnabled(False)
    for widget in (root, *root.findChildren(QWidget)):
        setter = getattr(widget, "set_read_only", None)
        if callable(setter):
            setter(True)


def unlock_editing(root: QWidget) -> None:
    """Undo :func:`lock_editing` under ``root`` (a report viewed from the 汇总 view that the user chose to edit):
    every input gets back the state it had before it was locked."""
    for widget in (root, *root.findChildren(QWidget)):
        setter = getattr(widget, "set_read_only", None)
        if callable(setter):
            setter(False)
    for thing in (root, *root.findChildren(QWidget), *root.findChildren(QAction)):
        was = thing.property(_WAS)
        if was is None:
            continue
        thing.setProperty(_WAS, None)
        if isinstance(thing, QAbstractItemView):
            thing.setEditTriggers(QAbstractItemView.EditTrigger(was[0]))
            thing.setDragDropMode(QAbstractItemView.DragDropMode(was[1]))
        elif isinstance(thing, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)):
            thing.setReadOnly(bool(was))
        elif isinstance(thing, (QWidget, QAction)):
            thing.setEnabled(bool(was))
