"""Running the proofreading checks on the stored report and saving the safe fixes back.

core.checks (the rules, the law-name tables) is imported by the functions that check or fix, so
opening the window does not load it; the first check does.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from fazhi_desktop.core.model import Report
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.long_task import run_long

if TYPE_CHECKING:
    from fazhi_desktop.core.checks import CheckOptions, Finding


def _ignored_meta_key(report_id: int) -> str:
    return f"checks.ignored.{report_id}"


def ignored_keys(store: ReportStore, report_id: int) -> frozenset[str]:
    """The findings the user chose to ignore (忽略) for this report (Finding.key values)."""
    raw = store.get_meta(_ignored_meta_key(report_id))
    try:
        keys = json.loads(raw) if raw else []
    except ValueError:
        keys = []
    return frozenset(str(k) for k in keys)


def set_ignored(store: ReportStore, report_id: int, keys: frozenset[str]) -> None:
    store.set_meta(_ignored_meta_key(report_id), json.dumps(sorted(keys), ensure_ascii=False))


def options_for(store: ReportStore, report_id: int) -> CheckOptions:
    """The report's 数据指标 go into the check, so the text's figures are compared with the table;
    ignored findings stay hidden."""
    from fazhi_desktop.core.checks import CheckOptions

    values = store.indicator_values(report_id)
    return CheckOptions(figures=(store.catalog_for_report(report_id), tuple(values.values())),
                        ignored=ignored_keys(store, report_id))


def run_checks(store: ReportStore, report_id: int, parent: QWidget | None = None) -> tuple[Report, list[Finding]]:
    """The stored report and its findings. The checking itself runs off the GUI thread (a huge report
    takes a second or more; the user can cancel: :class:`Cancelled`); the database stays in this one."""
    from fazhi_desktop.core.checks import check_report

    report = store.load_report(report_id)
    options = options_for(store, report_id)
    return report, run_long(parent, "正在检查报告……", lambda _stop: check_report(report, options), abandon=True)


def save_text_changes(store: ReportStore, before: Report, after: Report) -> int:
    """Write the texts that differ between ``before`` and ``after`` (same structure), all in one transaction;
    how many."""
    assert before.id is not None
    changed = 0
    with store.transaction():
        if after.title_override != before.title_override or after.title != before.title:
            store.update_report_field(before.id, "title_override", after.title_override or after.title)
            changed += 1
        for key in ("addressee", "opening", "closing"):
            if getattr(after, key) != getattr(before, key):
                store.update_report_field(before.id, key, getattr(after, key))
                changed += 1
        for old, new in zip(before.chapters, after.chapters, strict=True):
            if old.id is not None and (old.title, old.lead) != (new.title, new.lead):
                store.update_chapter(old.id, title=new.title, lead=new.lead)
                changed += 1
            for old_block, new_block in zip(old.blocks, new.blocks, strict=True):
                if old_block.id is not None and (old_block.heading, old_block.body) != (new_block.heading,
                                                                                        new_block.body):
                    store.update_block(old_block.id, heading=new_block.heading, body=new_block.body)
                    changed += 1
    return changed


def apply_safe_fixes(store: ReportStore, report_id: int) -> tuple[Report, int]:
    """Apply every safe fix to the stored report; (the report before, the number of texts changed)."""
    from fazhi_desktop.core.checks import fix_all

    report = store.load_report(report_id)
    return report, save_text_changes(store, report, fix_all(report, options_for(store, report_id)))


def apply_some_fixes(store: ReportStore, report_id: int, findings: list[Finding]) -> tuple[Report, int]:
    """Apply the fixes of ``findings`` only (one finding, or all of a rule); (before, texts changed)."""
    from fazhi_desktop.core.checks import apply_fixes

    report = store.load_report(report_id)
    return report, save_text_changes(store, report, apply_fixes(report, findings))


def undo_fixes(store: ReportStore, before: Report) -> int:
    """Put back the texts of ``before`` (the report as it was before a fix); texts changed.

    Raises ValueError when chapters or blocks were added or removed since (the texts no longer line up).
    """
    assert before.id is not None
    return save_text_changes(store, store.load_report(before.id), before)
