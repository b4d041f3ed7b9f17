"""Deadlines of the annual report (domain.md §1.1): reported to the county by 3月1日 and published by 4月1日
of the year after the report year; a report that arrives on 3月1日 itself is on time.

Days are counted by the calendar (``datetime.date``), so 29 February of a leap year is one more day
before the deadline and never an off-by-one after it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


def submit_deadline(year: int) -> dt.date:
    """报送: 3月1日 of the year after the report year."""
    return dt.date(year + 1, 3, 1)


def publish_deadline(year: int) -> dt.date:
    """公开: 4月1日 of the year after the report year."""
    return dt.date(year + 1, 4, 1)


@dataclass(frozen=True)
class Timeliness:
    """How a date stands against a deadline: ``late_days`` > 0 late, 0 on time, None not happened yet."""

    deadline: dt.date
    on: dt.date | None  # when it happened (received, published); None: not yet
    today: dt.date

    @property
    def late_days(self) -> int | None:
        if self.on is None:
            return None
        return max(0, (self.on - self.deadline).days)

    @property
    def overdue_days(self) -> int:
        """Not happened and past the deadline: by how many days (0 otherwise)."""
        if self.on is not None:
            return 0
        return max(0, (self.today - self.deadline).days)

    @property
    def days_left(self) -> int | None:
        """Not happened and not yet due: days until the deadline, 0 on the day itself (None otherwise)."""
        if self.on is not None or self.today > self.deadline:
            return None
        return (self.deadline - self.today).days

    def text(self, done: str, not_done: str) -> str:
        """E.g. “2月20日报送，按时” / “3月5日报送，逾期4天” / “未报送，已逾期10天” / “未报送，距截止还有9天”."""
        if self.on is not None:
            when = f"{self.on.month}月{self.on.day}日{done}"
            return f"{when}，逾期{self.late_days}天" if self.late_days else f"{when}，按时"
        if self.overdue_days:
            return f"{not_done}，已逾期{self.overdue_days}天"
        if self.days_left == 0:
            return f"{not_done}，今天截止"
        return f"{not_done}，距截止还有{self.days_left}天"


def submitted(year: int, received: dt.date | None, today: dt.date) -> Timeliness:
    return Timeliness(submit_deadline(year), received, today)


def published(year: int, on: dt.date | None, today: dt.date) -> Timeliness:
    return Timeliness(publish_deadline(year), on, today)
