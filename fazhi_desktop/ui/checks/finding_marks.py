"""检查's findings marked in a body text box: a wavy underline (red for 错误, amber for 警告, blue for 提示),
the explanation as a tooltip, the fix at the top of the right-click menu."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QHelpEvent, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip

from fazhi_desktop.ui.edit import steps
from fazhi_desktop.ui.edit.undo_keys import field_menu

if TYPE_CHECKING:
    from fazhi_desktop.core.checks import Finding

COLOURS = {"错误": "#d0021b", "警告": "#d98c00", "提示": "#1f6fd1"}  # by Severity value


@dataclass(frozen=True)
class Mark:
    """One finding in a body: characters ``start``–``end``, its severity, message and fix (None: none;
    "": delete the text)."""

    start: int
    end: int
    text: str  # what was found there; a mark whose text is no longer there is not shown
    severity: str
    message: str
    fix: str | None = None

    def tip(self) -> str:
        fix = "" if self.fix is None else (f"\n可改为“{self.fix}”（右键）" if self.fix else "\n可删除（右键）")
        return f"{self.severity}：{self.message}{fix}"


class FindingMarks(QSyntaxHighlighter):
    """Underlines the marks in ``edit``'s text and keeps them on their words while the clerk types
    (a mark whose own text is edited goes away until the next check)."""

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit.document())
        self.edit = edit
        self.marks: list[Mark] = []
        self._text = edit.toPlainText()
        self._formats = {name: self._format(colour) for name, colour in COLOURS.items()}
        edit.document().contentsChange.connect(self._on_change)
        edit.viewport().installEventFilter(self)
        edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        edit.customContextMenuRequested.connect(self._context_menu)

    @staticmethod
    def _format(colour: str) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(colour))
        return fmt

    def set_marks(self, marks: Sequence[Mark]) -> None:
        text = self._text = self.edit.toPlainText()
        self.marks = [m for m in marks if 0 <= m.start < m.end <= len(text) and text[m.start:m.end] == m.text]
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        start = self.currentBlock().position()
        end = start + len(text)
        for mark in self.marks:
            if mark.start < end and mark.end > start:
                a = max(mark.start, start) - start
                self.setFormat(a, min(mark.end, end) - start - a, self._formats.get(mark.severity,
                                                                                      self._formats["提示"]))

    def _on_change(self, _position: int, _removed: int, _added: int) -> None:
        old, new = self._text, self.edit.toPlainText()
        self._text = new
        if not self.marks:
            return
        start = 0  # the edit, from the texts (Qt reports whole paragraphs for an input method's commit)
        while start < min(len(old), len(new)) and old[start] == new[start]:
            start += 1
        tail = 0
        while tail < min(len(old), len(new)) - start and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        end, delta = len(old) - tail, len(new) - len(old)
        kept = [m if m.end <= start else replace(m, start=m.start + delta, end=m.end + delta)
                for m in self.marks if m.end <= start or m.start >= end]
        if kept != self.marks:  # Qt formatted the edited paragraph before the marks moved: again, after it
            QTimer.singleShot(0, self.rehighlight)
        self.marks = kept

    def mark_at(self, point: QPoint) -> Mark | None:
        """The mark under ``point`` of the viewport."""
        position = self.edit.cursorForPosition(point).position()
        return next((m for m in self.marks if m.start <= position <= m.end), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            mark = self.mark_at(event.pos())
            if mark is not None:
                QToolTip.showText(event.globalPos(), mark.tip(), self.edit)
                return True
        return False

    def _context_menu(self, point: QPoint) -> None:
        menu = self.menu_at(point)
        menu.exec(self.edit.viewport().mapToGlobal(point))
        menu.deleteLater()

    def menu_at(self, point: QPoint) -> QMenu:
        """The text box's own menu (粘贴原文 included; its 撤销/重做 those of the report's history), with the
        fix of the mark under ``point`` first."""
        menu = field_menu(self.edit, point)
        mark = self.mark_at(point)
        if mark is None:
            return menu
        first = menu.actions()[0] if menu.actions() else None
        note = menu.addAction(f"{mark.severity}：{mark.message[:40]}")
        note.setEnabled(False)
        menu.removeAction(note)
        menu.insertAction(first, note)  # type: ignore[arg-type]
        if mark.fix is not None:
            label = f"改为“{mark.fix}”" if mark.fix else f"删除“{mark.text}”"
            fix = menu.addAction(label)
            fix.triggered.connect(lambda _checked=False, m=mark: self.apply_fix(m))
            menu.removeAction(fix)
            menu.insertAction(first, fix)  # type: ignore[arg-type]
        menu.insertSeparator(first)  # type: ignore[arg-type]
        return menu

    def apply_fix(self, mark: Mark) -> None:
        """Put the fix in place of the marked text: one undo step, like typing it."""
        cursor = self.edit.textCursor()
        cursor.setPosition(mark.start)
        cursor.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
        steps.own_step()
        cursor.insertText(mark.fix or "")
        self.edit.setTextCursor(cursor)


def marks_by_chapter(findings: Sequence[Finding]) -> dict[int, dict[int, list[Mark]]]:
    """The findings in block bodies as marks: chapter id → block id → marks."""
    out: dict[int, dict[int, list[Mark]]] = {}
    for f in findings:
        loc = f.location
        if loc.field.value != "body" or not f.text or loc.chapter_id is None or loc.block_id is None:
            continue
        mark = Mark(loc.offset, loc.offset + len(f.text), f.text, f.severity.value, f.message, f.fix)
        out.setdefault(loc.chapter_id, {}).setdefault(loc.block_id, []).append(mark)
    return out
