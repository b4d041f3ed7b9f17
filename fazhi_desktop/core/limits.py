"""What a stored report and its figures may hold: the ranges every file from outside is checked against.

A package (.fzbg) from another PC and a backup chosen for 从备份恢复 are checked against these before
anything is written; the numbers are far above any real report, so a genuine file always passes.
"""

from __future__ import annotations

import re
from decimal import Decimal

from fazhi_desktop.core.model import Report

YEAR_MIN, YEAR_MAX = 2000, 2100
MAX_CHAPTERS = 100
MAX_BLOCKS = 5000  # per chapter
MAX_LINE = 2000  # a title, heading, unit name or other one-line field
MAX_TEXT = 500_000  # a body, lead or opening paragraph
MAX_INTEGER_DIGITS = 12  # 999,999,999,999: no township counts or spends more
MAX_DECIMALS = 4
MAX_FIGURES = 2000
_NUMBER = re.compile(rf"^\d{{1,{MAX_INTEGER_DIGITS}}}(\.\d{{1,{MAX_DECIMALS}}})?$")


class LimitError(ValueError):
    """A value outside what a report may hold; the message is Chinese and names the field."""


def check_year(year: object, what: str = "年度") -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not YEAR_MIN <= year <= YEAR_MAX:
        raise LimitError(f"{what}应为{YEAR_MIN}—{YEAR_MAX}之间的年份，实际是 {str(year)[:20]}")
    return year


def check_number(text: str, what: str = "数值") -> Decimal:
    """A figure as stored: plain digits, finite, not negative, at most 12 digits and 4 decimals.

    Never hands text like ``NaN``, ``Infinity``, ``-5`` or ``1e999999999`` to Decimal arithmetic."""
    if not isinstance(text, str) or not _NUMBER.match(text):
        shown = text[:20] if isinstance(text, str) else type(text).__name__
        raise LimitError(f"{what}应为不超过{MAX_INTEGER_DIGITS}位的非负数（最多{MAX_DECIMALS}位小数），实际是 {shown}")
    return Decimal(text)


def _line(text: str, what: str, limit: int = MAX_LINE) -> None:
    if len(text) > limit:
        raise LimitError(f"{what}太长（{len(text)} 字，最多 {limit} 字）")


def check_report(report: Report) -> None:
    """Raises LimitError when the report holds something no real report does."""
    check_year(report.year, "报告年度")
    if not report.unit.short_name.strip():
        raise LimitError("单位简称不能为空")
    for name in ("short_name", "full_name", "party_name", "default_addressee", "default_cc"):
        _line(getattr(report.unit, name), f"单位的 {name}")
    for name in ("title_override", "addressee", "closing", "note", "issuer_mark", "doc_number", "signer",
                 "imprint_cc", "imprint_printer"):
        _line(getattr(report, name), name)
    _line(report.opening, "开头段", MAX_TEXT)
    if len(report.signatories) > 2:
        raise LimitError("落款机关最多两个")
    for signatory in report.signatories:
        _line(signatory, "落款机关")
    if len(report.chapters) > MAX_CHAPTERS:
        raise LimitError(f"章节太多（{len(report.chapters)} 章，最多 {MAX_CHAPTERS} 章）")
    for n, chapter in enumerate(report.chapters, start=1):
        _line(chapter.title, f"第{n}章的标题")
        _line(chapter.lead, f"第{n}章的导语", MAX_TEXT)
        if len(chapter.blocks) > MAX_BLOCKS:
            raise LimitError(f"第{n}章的条目太多（{len(chapter.blocks)} 条，最多 {MAX_BLOCKS} 条）")
        for m, block in enumerate(chapter.blocks, start=1):
            _line(block.heading, f"第{n}章第{m}条的标题")
            _line(block.body, f"第{n}章第{m}条的正文", MAX_TEXT)
