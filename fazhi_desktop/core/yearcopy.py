"""Start year Y+1 from year Y: same structure and text, titles moved on a year, a fresh draft."""

from __future__ import annotations

import re
from dataclasses import replace

from fazhi_desktop.core.model import Block, Chapter, Report, Status

_PROTECTED = re.compile(r"《[^》]*》|\d{4}\s*[—–\-～~至]+\s*\d{4}")


def shift_years(text: str, from_year: int, to_year: int) -> str:
    """Move every four-digit year in ``text`` by ``to_year - from_year``.

    Years are shifted all at once ("2021年…2022年" becomes "2022年…2023年", never "2023…2023").
    Only standalone numbers from 1990 to 2099 count as years, and years inside a document name
    (《法治政府建设实施纲要（2021—2025年）》) or a year range (2021—2025) stay as they are.
    """
    delta = to_year - from_year

    def bump(match: re.Match[str]) -> str:
        year = int(match.group(0))
        return str(year + delta) if 1990 <= year <= 2099 else match.group(0)

    out: list[str] = []
    pos = 0
    for protected in _PROTECTED.finditer(text):
        out.append(re.sub(r"(?<!\d)\d{4}(?!\d)", bump, text[pos : protected.start()]))
        out.append(protected.group(0))
        pos = protected.end()
    out.append(re.sub(r"(?<!\d)\d{4}(?!\d)", bump, text[pos:]))
    return "".join(out)


def _fresh_block(block: Block) -> Block:
    return replace(block, id=None)


def _fresh_chapter(chapter: Chapter, from_year: int, to_year: int) -> Chapter:
    return replace(
        chapter,
        id=None,
        title=shift_years(chapter.title, from_year, to_year),
        blocks=tuple(_fresh_block(b) for b in chapter.blocks),
    )


def next_year_report(report: Report, to_year: int | None = None) -> Report:
    """A 草稿 for ``to_year`` (default: the next year) copied from ``report``.

    Structure and text are kept; chapter titles, the title override, the opening paragraph's
    years and the 发文字号 year move on; dates, statuses and ids are cleared. Statistics are not
    part of the copy (they start empty).
    """
    target = report.year + 1 if to_year is None else to_year
    shift = lambda text: shift_years(text, report.year, target)  # noqa: E731
    return replace(
        report,
        id=None,
        year=target,
        title_override=shift(report.title_override),
        opening=shift(report.opening),
        doc_number=shift(report.doc_number),
        date=None,
        imprint_date=None,
        status=Status.DRAFT,
        status_dates=(),
        chapters=tuple(_fresh_chapter(c, report.year, target) for c in report.chapters),
    )
