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
from fazhi_desktop.ui.edit.change_command import Change, Place

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


def report_changes(before: Report, after: Report) -> list[Change]:
    """The texts that differ between ``before`` and ``after`` (same structure), as changes of places."""
    assert before.id is not None
    rid = before.id
    changes = [Change(Place("report", key, rid), getattr(before, key), getattr(after, key))
               for key in ("title_override", "addressee", "opening", "closing")]
    for old, new in zip(before.chapters, after.chapters, strict=True):
        assert old.id is not None
        changes += [Change(Place("chapter", key, old.id), getattr(old, key), getattr(new, key))
                    for key in ("title", "lead")]
        for old_block, new_block in zip(old.blocks, new.blocks, strict=True):
            assert old_block.id is not None
            changes += [Change(Place("block", key, old_block.id, old.id), getattr(old_block, key),
                               getattr(new_block, key)) for key in ("heading", "body")]
    return [c for c in changes if c.before != c.after]


def safe_fixes(store: ReportStore, report: Report) -> list[Change]:
    """Every safe fix of the stored ``report``, as changes."""
    from fazhi_desktop.core.checks import fix_all

    assert report.id is not None
    return report_changes(report, fix_all(report, options_for(store, report.id)))


def some_fixes(report: Report, findings: list[Finding]) -> list[Change]:
    """The fixes of ``findings`` only (one finding, or all of a rule), as changes."""
    from fazhi_desktop.core.checks import apply_fixes

    return report_changes(report, apply_fixes(report, findings))
