"""Realistic inputs the benchmark generates for itself: reports of a given size, a .docx, a big database."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from fazhi_desktop.core.model import Block, BlockKind, Chapter, Report
from fazhi_desktop.core.numbering import block_numbers, chapter_number
from fazhi_desktop.core.schema import format_date_cn
from fazhi_desktop.core.serialize import report_from_dict
from fazhi_desktop.resources import load_json

_FILLER = (
    "坚持问题导向和目标导向，围绕群众反映集中的突出问题开展专项整治，建立问题清单、责任清单和整改清单，"
    "逐项明确责任单位和完成时限，全年共排查整改问题{n}个，办结率达到{p}%，群众满意度明显提升。"
)


def demo_report() -> Report:
    return report_from_dict(load_json("demo", "demo-report.json"))


def sized_report(chars: int, year: int = 2025) -> Report:
    """The demo report, its measures chapter grown with realistic sections until about ``chars`` characters."""
    base = replace(demo_report(), year=year)
    measures = base.chapters[0]
    blocks = list(measures.blocks)
    n = 0
    while replace(base, chapters=(replace(measures, blocks=tuple(blocks)), *base.chapters[1:])).char_count() < chars:
        n += 1
        blocks.append(Block(kind=BlockKind.SECTION, heading=f"推进第{n}项重点工作，提升基层依法治理水平"))
        for item in range(1, 4):
            body = "".join(_FILLER.format(n=n * 3 + item, p=90 + (n + item) % 10) for _ in range(2))
            blocks.append(Block(kind=BlockKind.ITEM, heading=f"落实第{item}项具体措施。", body=body, run_in=True))
    chapters: tuple[Chapter, ...] = (replace(measures, blocks=tuple(blocks)), *base.chapters[1:])
    return replace(base, chapters=chapters)


def report_text(report: Report) -> str:
    """The report as plain text with its typed numbers, as a clerk would paste it."""
    lines = [report.title, f"{report.addressee}：", report.opening]
    for index, chapter in enumerate(report.chapters):
        lines.append(f"{chapter_number(index)}{chapter.title}")
        if chapter.lead:
            lines.append(chapter.lead)
        for block, number in zip(chapter.blocks, block_numbers(chapter.blocks), strict=True):
            paragraphs = block.paragraphs()
            if block.kind is BlockKind.PARAGRAPH:
                lines.extend(paragraphs)
            elif block.run_in and paragraphs:
                lines.append(f"{number}{block.heading}{paragraphs[0]}")
                lines.extend(paragraphs[1:])
            else:
                lines.append(f"{number}{block.heading}")
                lines.extend(paragraphs)
    lines.append(report.closing)
    lines.extend(report.signatories)
    if report.date:
        lines.append(format_date_cn(report.date))
    return "\n".join(line for line in lines if line)


def write_docx(report: Report, path: Path) -> Path:
    """A plain .docx of the report's text (typed numbers, no styles), as last year's Word file often is."""
    import docx

    document = docx.Document()
    for line in report_text(report).split("\n"):
        document.add_paragraph(line)
    document.save(str(path))
    return path


def build_database(path: Path, units: int = 20, years: int = 10, chars: int = 6000) -> Path:
    """A database holding ``units`` × ``years`` reports of about ``chars`` characters."""
    from fazhi_desktop.storage.database import open_database
    from fazhi_desktop.storage.repository import ReportStore

    template = sized_report(chars)
    store = ReportStore(open_database(path))
    for u in range(units):
        unit = store.ensure_unit(f"第{u + 1}镇")
        for y in range(years):
            store.create_report(replace(template, unit=unit, year=2016 + y))
    store.db.close()
    return path
