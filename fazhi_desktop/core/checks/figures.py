"""数据指标 in the checker: contradictions among the figures, and figures in the text that differ from the table."""

from __future__ import annotations

from collections.abc import Iterator

from fazhi_desktop.core.checks.context import CheckContext
from fazhi_desktop.core.checks.finding import Field, Finding, Location, Severity
from fazhi_desktop.core.indicator_text import text_mismatches
from fazhi_desktop.core.indicators import consistency


def check_figures(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.options.figures is None:
        return
    catalog, value_list = ctx.options.figures
    values = {v.key: v for v in value_list}
    for problem in consistency(catalog, values):
        severity = Severity.ERROR if problem.severity == "错误" else Severity.WARNING
        yield Finding("figures.consistency", severity, Location(Field.REPORT), catalog[problem.key].label,
                      f"数据指标：{problem.message}")
    report = ctx.report
    for m in text_mismatches(report, catalog, values):
        chapter_id = report.chapters[m.chapter].id if m.chapter is not None else None
        block_id = (report.chapters[m.chapter].blocks[m.block].id
                    if m.chapter is not None and m.block is not None else None)
        location = Location(Field(m.field), m.chapter, m.block, m.offset, chapter_id, block_id)
        yield Finding("figures.text", Severity.WARNING, location, m.snippet, m.message(catalog))
