"""撤销修正: taking back exactly the changes of the last fix, and never another edit."""

from __future__ import annotations

from dataclasses import dataclass

from fazhi_desktop.core.textpatch import edits, revert_where_unchanged
from fazhi_desktop.ui.edit.change_command import Change
from fazhi_desktop.ui.edit.report_history import ReportHistory


@dataclass
class FixRecord:
    """One fix as pushed on the undo history: its changes, the history's index just after it, and
    whether it is in effect (undo and redo of the fix itself keep ``applied`` true)."""

    changes: tuple[Change, ...]
    index: int = -1
    applied: bool = True

    def set_applied(self, applied: bool) -> None:
        self.applied = applied

    def edit_count(self) -> int:
        return sum(len(edits(str(c.before), str(c.after))) for c in self.changes)


def take_back(history: ReportHistory, record: FixRecord) -> str:
    """Undo the fix of ``record``: the undo step itself when nothing came after it, else only the fixed
    texts still as the fix left them (as a new undo step). Returns what happened, for the status bar."""
    if not record.applied:
        return "这次修正已经撤销了。"
    stack = history.undo_stack
    if stack.index() == record.index:
        stack.undo()
        return f"已撤销修正（恢复了 {record.edit_count()} 处文字）"
    reverse: list[Change] = []
    reverted = kept = 0
    for change in record.changes:
        current = history.value(change.place)
        result = revert_where_unchanged(str(change.before), str(change.after), str(current))
        reverted += result.reverted
        kept += result.kept
        if result.reverted:
            reverse.append(Change(change.place, current, result.text))
    if not reverted:
        return "修正过的文字之后都又改过了，无法撤销修正；如需要，可从备份恢复（文件 → 从备份恢复）。"
    history.push("撤销修正", reverse)
    record.applied = False
    later = f"；另有 {kept} 处修正之后又改过，保留现状" if kept else ""
    return f"已撤销修正（恢复了 {reverted} 处文字，之后的其他修改都保留{later}）"
