"""The short texts of the window: deadlines, tab names, window title."""

from __future__ import annotations

import datetime as dt

from fazhi_desktop.core.model import ChapterRole, Report, Status, Unit
from fazhi_desktop.ui.window.report_texts import deadline_lines, deadline_reminder, tab_text, window_title

REPORT = Report(unit=Unit.from_short_name("千佛镇"), year=2025)


def test_deadlines_count_down_to_march_and_april_of_the_next_year() -> None:
    assert deadline_lines(REPORT, dt.date(2026, 2, 27)) == [
        "报送截止：2026年3月1日（还剩 2 天）", "公开截止：2026年4月1日（还剩 33 天）"]
    assert deadline_lines(REPORT, dt.date(2026, 3, 1))[0].endswith("（就是今天）")
    assert deadline_lines(REPORT, dt.date(2026, 3, 3))[0].endswith("（已过 2 天）")


def test_reminder_follows_the_status() -> None:
    day = dt.date(2026, 2, 1)
    assert deadline_reminder(REPORT, day) == "距报送截止（3月1日）还剩 28 天"
    submitted = REPORT.with_status(Status.SUBMITTED, day)
    assert deadline_reminder(submitted, day) == "距公开截止（4月1日）还剩 59 天"
    assert deadline_reminder(submitted.with_status(Status.PUBLISHED, day), day) == ""


def test_window_title() -> None:
    assert window_title(REPORT) == "千佛镇 2025年度 · 草稿 — 法治政府建设年度报告助手"
    assert window_title(None) == "法治政府建设年度报告助手"


def test_tab_names_drop_the_common_opening_of_chapter_titles() -> None:
    assert tab_text(0, "2025年度推进法治政府建设的主要举措和成效") == "一、主要举措和成效"
    assert tab_text(3, "2026年度推进法治政府建设的主要安排") == "四、主要安排"
    long = "党政主要负责人履行推进法治建设第一责任人职责情况"
    assert tab_text(2, long, ChapterRole.PRINCIPAL_DUTY) == "三、第一责任人职责履行情况"
    assert tab_text(5, "关于疫情防控期间依法行政工作的专门说明") == "六、关于疫情防控期间依法行…"
    assert tab_text(1, "工作举措") == "二、工作举措"
