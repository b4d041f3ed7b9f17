"""查找 (Ctrl+F) and 替换 (Ctrl+H) across the open report: search the stored texts, show a hit in its field,
replace one or all as one undo step of the report's history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from fazhi_desktop.core.schema import FieldValueError
from fazhi_desktop.core.search import Hit, TextField, find, replaced
from fazhi_desktop.ui.edit.change_command import Change, Place
from fazhi_desktop.ui.edit.find_dialog import FindDialog

if TYPE_CHECKING:
    from fazhi_desktop.ui.window.main_window import MainWindow

DIALOG_NAME = "find_dialog"
MOVED = "这一处已经改动，已重新查找，请核对后再替换。"


def place_of(field: TextField) -> Place:
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
        window.sig_report_opened.connect(lambda _id, _viewing: self._on_report_opened())

    def _on_report_opened(self) -> None:
        if self.window.view.read_only:
            self.dialog.set_replacing(False)  # a report opened for viewing only: finding, no replacing
        if self.dialog.isVisible():
            self.search()

    def search(self, select: int = 0) -> list[Hit]:
        """Find the dialog's text in the stored report (typing saved first) and list the hits."""
        view = self.window.view
        self.dialog.show_error("")
        if view.report_id is None:
            self.hits = []
        else:
            self.window.autosaver.flush()
            dialog = self.dialog
            self.hits = find(view.report(), dialog.needle.text(), dialog.match_case.isChecked(),
                             dialog.whole_word.isChecked())
        self.dialog.show_hits(self.hits, select)
        return self.hits

    def goto(self, index: int) -> None:
        """Show the hit in its field with the found text selected; the dialog keeps the keyboard."""
        if not 0 <= index < len(self.hits):
            return
        hit = self.hits[index]
        self.window.view.display.show_text(place_of(hit.field), hit.start, hit.end - hit.start)
        if self.dialog.isVisible():
            self.dialog.activateWindow()

    def replace_one(self, index: int, replacement: str) -> bool:
        """Replace the hit at ``index`` (as it is now in the report) as one undo step; False: refused."""
        if not 0 <= index < len(self.hits):
            return False
        chosen = self.hits[index]
        fresh = next((h for h in self.search(select=index) if place_of(h.field) == place_of(chosen.field)
                      and (h.start, h.end) == (chosen.start, chosen.end)), None)
        if fresh is None:  # typed over since it was listed
            self.dialog.show_error(MOVED)
            return False
        needle = self.dialog.needle.text()
        if not self._push(f"替换“{needle}”", [fresh], replacement):
            return False
        self.search(select=index)  # the next one is now at this index of the list
        return True

    def replace_all(self, replacement: str) -> int:
        """Every hit replaced as one undo step; how many (0 when a field refused: then nothing changed)."""
        hits = self.search()
        needle = self.dialog.needle.text()
        count = len(hits)
        if not count or not self._push(f"全部替换“{needle}”（{count} 处）", hits, replacement):
            return 0
        self.window.statusBar().showMessage(f"已替换 {count} 处（可按 Ctrl+Z 一次全部撤销）", 8000)
        self.search()
        return count

    def _push(self, label: str, hits: list[Hit], replacement: str) -> bool:
        """The fields of ``hits`` with each hit replaced, as one step of the history: all, or (when a field
        cannot hold its new text, a date that does not exist …) none, with the reason shown."""
        if self.window.view.read_only:
            self.dialog.show_error("只读打开时不能替换。")
            return False
        by_field: dict[Place, tuple[TextField, list[tuple[int, int]]]] = {}
        for hit in hits:
            by_field.setdefault(place_of(hit.field), (hit.field, []))[1].append((hit.start, hit.end))
        changes, refused = [], []
        for place, (field, places) in by_field.items():
            try:
                value = field.value_for(replaced(field.text, places, replacement))
                self._check_unit_name(field, value)
            except FieldValueError as exc:
                label = field.where.rsplit(" › ", 1)[-1]
                refused.append(f"{field.where}：{str(exc).removeprefix(label + '：')}")
                continue
            changes.append(Change(place, field.stored, value))
        if refused:
            more = f"等 {len(refused)} 处" if len(refused) > 2 else ""
            self.dialog.show_error("没有替换，报告未作任何改动：" + "；".join(refused[:2]) + more
                                   + ("。其他地方可以逐处替换。" if len(by_field) > len(refused) else "。"))
            return False
        changes = [c for c in changes if c.before != c.after]  # (a date written another way stays the date)
        if changes and self.window.view.history.push(label, changes) is None:
            self.dialog.show_error("没有替换：数据文件没有写入（原因见状态栏）。")
            return False
        return True

    def _check_unit_name(self, field: TextField, value: object) -> None:
        if (field.kind, field.key) != ("unit", "short_name") or not isinstance(value, str):
            return
        other = self.window.store.find_unit(value)
        if other is not None and other.id != self.window.view.report().unit.id:
            raise FieldValueError(f"单位“{value}”已存在，不能重名")


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
