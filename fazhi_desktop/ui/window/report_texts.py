"""Short Chinese texts about a report, shared by the window title, the status bar and the form."""

from __future__ import annotations

import datetime as dt
import re

from fazhi_desktop.core.model import ChapterRole, Report, Status
from fazhi_desktop.core.numbering import chapter_number
from fazhi_desktop.core.schema import format_date_cn

APP_NAME = "法治政府建设年度报告助手"


def window_title(report: Report | None) -> str:
    """"示例镇 2025年度 · 定稿 — 法治政府建设年度报告助手"."""
    if report is None:
        return APP_NAME
    return f"{report.unit.short_name} {report.year}年度 · {report.status.value} — {APP_NAME}"


def days_left_text(deadline: dt.date, today: dt.date) -> str:
    days = (deadline - today).days
    if days > 0:
        return f"还剩 {days} 天"
    if days == 0:
        return "就是今天"
    return f"已过 {-days} 天"


def deadline_lines(report: Report, today: dt.date | None = None) -> list[str]:
    """["报送截止：2026年3月1日（还剩 95 天）", "公开截止：2026年4月1日（…）"]."""
    today = today or dt.date.today()
    submit, publish = report.deadlines
    return [
        f"报送截止：{format_date_cn(submit)}（{days_left_text(submit, today)}）",
        f"公开截止：{format_date_cn(publish)}（{days_left_text(publish, today)}）",
    ]


def deadline_reminder(report: Report, today: dt.date | None = None) -> str:
    """The one deadline that matters now, for the status bar ("" once the report is published)."""
    today = today or dt.date.today()
    submit, publish = report.deadlines
    done = {s for s, _ in report.status_dates} | {report.status}
    if Status.SUBMITTED not in done and Status.PUBLISHED not in done:
        return f"距报送截止（{submit.month}月{submit.day}日）{days_left_text(submit, today)}"
    if Status.PUBLISHED not in done:
        return f"距公开截止（{publish.month}月{publish.day}日）{days_left_text(publish, today)}"
    return ""


def status_dates_text(report: Report) -> str:
    if not report.status_dates:
        return "（尚无记录）"
    return "；".join(f"{s.value} {format_date_cn(d)}" for s, d in report.status_dates)


def char_count_text(total: int, chapter: int | None) -> str:
    text = f"全文 {total} 字"
    return text if chapter is None else f"{text} · 本章 {chapter} 字"


TAB_TITLE_CHARS = 12
_BOILERPLATE = re.compile(r"^\s*(?:\d{4}\s*年度?\s*)?(?:推进)?(?:法治政府建设(?:工作)?的?)?")


def tab_text(index: int, title: str, role: ChapterRole = ChapterRole.CUSTOM) -> str:
    """"一、主要举措和成效": the title without its "2025年度推进法治政府建设的" opening, shortened
    (to the role's name for long statutory titles); the full title is the tooltip."""
    short = _BOILERPLATE.sub("", title).strip() or title.strip() or "（未命名）"
    if len(short) > TAB_TITLE_CHARS:
        short = role.label if role.statutory else short[: TAB_TITLE_CHARS - 1] + "…"
    return f"{chapter_number(index)}{short}"
