"""On time or late against 3月1日, published by 4月1日; leap years count their 29 February."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi_desktop.core.county.deadline import published, submitted

D = dt.date


@pytest.mark.parametrize(("year", "received", "late", "text"), [
    (2025, D(2026, 2, 27), 0, "2月27日收到，按时"),
    (2025, D(2026, 2, 28), 0, "2月28日收到，按时"),
    (2025, D(2026, 3, 1), 0, "3月1日收到，按时"),  # the deadline day itself is on time
    (2025, D(2026, 3, 2), 1, "3月2日收到，逾期1天"),
    (2025, D(2026, 3, 9), 8, "3月9日收到，逾期8天"),
    (2023, D(2024, 2, 29), 0, "2月29日收到，按时"),  # a leap year's extra day is before the deadline
    (2023, D(2024, 3, 2), 1, "3月2日收到，逾期1天"),
    (2023, D(2024, 4, 1), 31, "4月1日收到，逾期31天"),
    (2027, D(2028, 3, 31), 30, "3月31日收到，逾期30天"),
])
def test_received_against_1_march(year: int, received: dt.date, late: int, text: str) -> None:
    t = submitted(year, received, today=D(2030, 1, 1))
    assert t.deadline == D(year + 1, 3, 1)
    assert t.late_days == late and t.overdue_days == 0 and t.days_left is None
    assert t.text("收到", "未收到") == text


@pytest.mark.parametrize(("year", "today", "left", "overdue", "text"), [
    (2023, D(2024, 2, 28), 2, 0, "未收到，距截止还有2天"),  # 2月29日 and 3月1日 are still to come
    (2025, D(2026, 2, 28), 1, 0, "未收到，距截止还有1天"),
    (2025, D(2026, 3, 1), 0, 0, "未收到，今天截止"),
    (2025, D(2026, 3, 2), None, 1, "未收到，已逾期1天"),
    (2023, D(2024, 3, 31), None, 30, "未收到，已逾期30天"),
    (2025, D(2026, 1, 1), 59, 0, "未收到，距截止还有59天"),
    (2023, D(2024, 1, 1), 60, 0, "未收到，距截止还有60天"),
])
def test_not_received_yet(year: int, today: dt.date, left: int | None, overdue: int, text: str) -> None:
    t = submitted(year, None, today)
    assert (t.late_days, t.days_left, t.overdue_days) == (None, left, overdue)
    assert t.text("收到", "未收到") == text


def test_published_against_1_april() -> None:
    assert published(2025, D(2026, 4, 1), D(2026, 5, 1)).text("公开", "未公开") == "4月1日公开，按时"
    assert published(2025, D(2026, 4, 3), D(2026, 5, 1)).text("公开", "未公开") == "4月3日公开，逾期2天"
    assert published(2025, None, D(2026, 3, 20)).text("公开", "未公开") == "未公开，距截止还有12天"
    assert published(2025, None, D(2026, 4, 11)).text("公开", "未公开") == "未公开，已逾期10天"
