"""查找 (Ctrl+F) and 替换 (Ctrl+H) across the open report: search the stored texts, show a hit in its field,
replace one or all as one undo step of the report's history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from fazhi_desktop.core.search import Hit, find, replaced
from fazhi_desktop.ui.edit.change_command import Change, Place
from fazhi_desktop.ui.edit.find_dialog import FindDialog

if TYPE_CHECKING:
    from fazhi_desktop.ui.window.main_window import MainWindow

DIALOG_NAME = "find_dialog"


def place_of(hit: Hit) -> Place:
    field = hit.field
    return Place(field.kind, field.key, field.row, field.chapter)


class FindController(QObject):
    """Answers the :class:`FindDialog` of one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog = FindDialog(window)
        self.dialog.setObjectName(DIALOG_NAME)
        self.hits: list[Hit] = []
        self.dialog.sig_search.connect(lambda _text: self.search())
        self.dialog.sig_goto.connect(self.goto)
        self.dialog.sig_replace_one.connect(self.replace_one)
        self.dialog.sig_replace_all.connect(self.replace_all)

    def search(self, select: int = 0) -> list[Hit]:
        """Find the dialog's text in the stored report (typing saved first) and list the hits."""
        view = self.window.view
        if view.report_id is None:
            self.hits = []
        else:
            self.window.autosaver.flush()
            self.hits = find(view.report(), self.dialog.needle.text())
        self.dialog.show_hits(self.hits, select)
        return self.hits

    def goto(self, index: int) -> None:
        """Show the hit in its field with the found text selected; the dialog keeps the keyboard."""
        if not 0 <= index < len(self.hits):
            return
        hit = self.hits[index]
        self.window.view.display.show_text(place_of(hit), hit.start, hit.end - hit.start)
        if self.dialog.isVisible():
            self.dialog.activateWindow()

    def replace_one(self, index: int, replacement: str) -> None:
        if not 0 <= index < len(self.hits):
            return
        hit = self.hits[index]
        needle = self.dialog.needle.text()
        text = replaced(hit.field.text, needle, replacement, hit.start)
        self.window.view.history.push(f"替换“{needle}”", [Change(place_of(hit), hit.field.text, text)])
        self.search(select=index)  # the next one is now at this index of the list

    def replace_all(self, replacement: str) -> int:
        """Every hit replaced as one undo step; how many."""
        self.search()
        needle = self.dialog.needle.text()
        changes: dict[Place, Change] = {}
        for hit in self.hits:
            place = place_of(hit)
            changes[place] = Change(place, hit.field.text, replaced(hit.field.text, needle, replacement))
        count = len(self.hits)
        if count:
            self.window.view.history.push(f"全部替换“{needle}”（{count} 处）", list(changes.values()))
            self.window.statusBar().showMessage(f"已替换 {count} 处（可按 Ctrl+Z 一次全部撤销）", 8000)
        self.search()
        return count


def show_find_dialog(window: MainWindow, replacing: bool) -> FindController:
    """Open (or bring forward) the window's 查找和替换 dialog, with the selected text to find."""
    controller = window.findChild(FindController)
    if controller is None:
        controller = FindController(window)
    focused = QApplication.focusWidget()
    selected = ""
    if isinstance(focused, QLineEdit):
        selected = focused.selectedText()
    elif isinstance(focused, QPlainTextEdit):
        selected = focused.textCursor().selectedText()
    controller.dialog.open_with(selected if "\u2029" not in selected else "", replacing)
    controller.search()
    return controller
