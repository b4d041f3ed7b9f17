"""The report's fields use the report's undo history (编辑 → 撤销/重做), never their own, which would know
only their own typing: Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z in a field undo and redo the report's steps, exactly
as in the outline, and the field's right-click menu offers the report's 撤销/重做 in place of its own. A
paste is one step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QMenu, QPlainTextEdit, QWidget

from fazhi_desktop.ui.edit import steps

HISTORY_KEYS = ("Ctrl+Z", "Ctrl+Y", "Ctrl+Shift+Z")
OWN_HISTORY = ("edit-undo", "edit-redo")  # the object names Qt gives a field's own 撤销/重做 entries


def history_actions(widget: QWidget) -> list[QAction]:
    """The 撤销 and 重做 of the report's history, from the window ``widget`` is in ([] outside one)."""
    window = widget.window()
    found = (getattr(window, "act_undo", None), getattr(window, "act_redo", None))
    return [a for a in found if isinstance(a, QAction)]


def _spin_box_menu(box: QAbstractSpinBox) -> QMenu:
    """What a date box offers (its text's menu, then 升高/降低 of the part under the cursor)."""
    inner = box.findChild(QLineEdit)
    menu = inner.createStandardContextMenu() if inner is not None else QMenu(box)
    menu.addSeparator()
    up = menu.addAction(QCoreApplication.translate("QAbstractSpinBox", "&Step up"))
    up.triggered.connect(box.stepUp)
    down = menu.addAction(QCoreApplication.translate("QAbstractSpinBox", "Step &down"))
    down.triggered.connect(box.stepDown)
    for action in (up, down):
        action.setEnabled(not box.isReadOnly())
    return menu


def field_menu(field: QWidget, point: QPoint) -> QMenu:
    """``field``'s right-click menu at ``point`` (its own, e.g. with 粘贴原文) with the report's 撤销/重做
    in place of the field's; the field's are kept only outside a window with a history."""
    own = getattr(field, "context_menu", None)
    if callable(own):
        menu: QMenu = own(point)
    elif isinstance(field, QPlainTextEdit):
        menu = field.createStandardContextMenu(point)
    elif isinstance(field, QLineEdit):
        menu = field.createStandardContextMenu()
    elif isinstance(field, QAbstractSpinBox):
        menu = _spin_box_menu(field)
    else:
        menu = QMenu(field)
    history = history_actions(field)
    if history:
        for action in [a for a in menu.actions() if a.objectName() in OWN_HISTORY]:
            if history:
                menu.insertAction(action, history.pop(0))
            menu.removeAction(action)
    return menu


class _UndoKeys(QObject):
    """Lets the window's 撤销/重做 shortcuts fire in the watched field instead of the field's own undo, and
    opens the field's menu with the report's 撤销/重做."""

    def __init__(self, field: QWidget) -> None:
        super().__init__(field)
        self.field = field
        self._keys = [QKeySequence(k) for k in HISTORY_KEYS]
        # a text box's right-click arrives at its viewport: watched from when the mouse or the focus first
        # comes to the box (asking for the viewports while the window is built costs ~10 ms of the start)
        self._viewport_pending = isinstance(field, QPlainTextEdit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._viewport_pending and kind in (QEvent.Type.Enter, QEvent.Type.FocusIn):
            self._viewport_pending = False
            field = self.field
            if isinstance(field, QPlainTextEdit):
                field.viewport().installEventFilter(self)
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(k) == QKeySequence.SequenceMatch.ExactMatch for k in self._keys):
                event.ignore()  # not the field's: the window's shortcut takes it
                return True
        elif (kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Paste)):
            steps.own_step()  # a paste is an undo step of its own
        elif kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent) and self._menu_is_ours():
            menu = field_menu(self.field, event.pos())
            menu.exec(event.globalPos())
            menu.deleteLater()
            return True
        return False

    def _menu_is_ours(self) -> bool:
        from PySide6.QtCore import Qt  # on a right-click, not while the window is being built

        # a field that shows a menu of its own making (the body's, with 检查's fixes) builds it on field_menu
        return self.field.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu


def route_undo_keys(*fields: QWidget) -> None:
    """Make ``fields`` (line, text and date fields of the report) use the report's undo history."""
    for field in fields:
        if isinstance(field, QPlainTextEdit):
            field.setUndoRedoEnabled(False)  # its own stack would fight the report's
        elif not isinstance(field, (QLineEdit, QAbstractSpinBox)):
            continue
        field.installEventFilter(_UndoKeys(field))
