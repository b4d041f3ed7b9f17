"""Where a finding is, in words: the numbering of a chapter is computed once, not once per finding."""

from __future__ import annotations

import pytest

from fazhi_desktop.core.checks import describe
from fazhi_desktop.core.checks.describe import describe_location
from fazhi_desktop.core.checks.finding import Field, Location
from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole, Report, Unit


def _report(blocks: int) -> Report:
    many = tuple(Block(kind=BlockKind.SECTION if i % 10 == 0 else BlockKind.ITEM, heading=f"标题{i}", body="正文")
                 for i in range(blocks))
    return Report(unit=Unit.from_short_name("千佛镇"), year=2021,
                  chapters=(Chapter(role=ChapterRole.MEASURES, title="主要举措", blocks=many),))


def test_places_read_as_the_clerk_sees_the_outline() -> None:
    report = _report(12)
    assert describe_location(Location(Field.BODY, 0, 11, offset=4), report) == \
        "第一章“主要举措” › 1.标题11 › 正文第5字"
    assert describe_location(Location(Field.HEADING, 0, 10), report, with_offset=False) == \
        "第一章“主要举措” › （二）标题10 › 小标题"
    assert describe_location(Location(Field.TITLE, offset=2), report) == "标题第3字"


def test_thousands_of_findings_number_each_chapter_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Numbering the chapter again for every finding made the 检查 tab take minutes on a 10,000-block report.
    report = _report(10_000)
    calls: list[int] = []
    real = describe.block_numbers
    monkeypatch.setattr(describe, "block_numbers", lambda blocks: calls.append(1) or real(blocks))
    places = [describe_location(Location(Field.BODY, 0, i), report) for i in range(0, 10_000, 5)]
    assert len(calls) == 1
    assert places[-1].startswith("第一章“主要举措” › 5.标题9995")
