"""What every rule gets: the report, its year, the options and the report's text units."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from fazhi_desktop.core.checks.finding import TextUnit, text_units
from fazhi_desktop.core.checks.joined import joinable, relaxed
from fazhi_desktop.core.model import Report

if TYPE_CHECKING:
    from fazhi_desktop.core.indicators import Catalog, IndicatorValue


@dataclass(frozen=True)
class CheckOptions:
    """Tunable thresholds (domain.md §1.3 length, §3 rate tolerance)."""

    min_chars: int = 1500
    max_chars: int = 10000
    rate_tolerance: float = 0.5  # percentage points between a stated rate and its counts
    ignored: frozenset[str] = frozenset()  # Finding.key values the user chose to ignore (忽略)
    # The report's 数据指标 (catalog and values), when the caller has them: enables the figures rules.
    figures: tuple[Catalog, tuple[IndicatorValue, ...]] | None = None


@dataclass
class CheckContext:
    report: Report
    options: CheckOptions = field(default_factory=CheckOptions)

    @property
    def year(self) -> int:
        return self.report.year

    @cached_property
    def units(self) -> list[TextUnit]:
        return list(text_units(self.report))

    @cached_property
    def full_text(self) -> str:
        """All text joined by line breaks, for report-wide look-ups (unless_text, counts)."""
        return "\n".join(unit.text for unit in self.units if unit.text)

    def mentions(self, pattern: re.Pattern[str], needs: str = "") -> bool:
        """False only when ``pattern`` matches in none of the report's texts, so that a rule can skip its
        pass over each of them (one search of :attr:`full_text`, where :func:`joinable` vouches for it; the
        pattern without lookarounds first, which is quicker and can only find more).
        ``needs``: characters one of which any text the pattern matches in holds (a quicker test first)."""
        if needs and not any(char in self.full_text for char in needs):
            return False
        if not joinable(pattern):
            return True
        quick = relaxed(pattern)
        if quick is not None and quick.search(self.full_text) is None:
            return False
        return pattern.search(self.full_text) is not None

    def effective_year(self, unit: TextUnit, shift_next_year: bool = True) -> int:
        """The year a passage is about: Y, or Y+1 inside the 下一年度 chapter."""
        return self.year + 1 if shift_next_year and unit.in_next_year else self.year
