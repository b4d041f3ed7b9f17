"""Findings about the text as typed, from the one ingest pipeline (core.structure.detect_text).

The import repairs these (a lost number, （一）、, 2024年01月15日, half-width punctuation …); ``check FILE``
must still report them, and so must every other way in: :func:`ingest_findings` is what import, the
import preview, paste and ``check FILE`` all show for the same input.
"""

from __future__ import annotations

from fazhi_desktop.core.checks.context import CheckOptions
from fazhi_desktop.core.checks.finding import Field, Finding, Location, Severity
from fazhi_desktop.core.issues import SourceIssue
from fazhi_desktop.core.model import Report

_FIELDS = {"report": Field.REPORT, "chapter_title": Field.CHAPTER_TITLE, "heading": Field.HEADING,
           "date": Field.DATE}


def source_finding(issue: SourceIssue, report: Report) -> Finding:
    """The finding for one issue; ids are taken from ``report`` when it was stored."""
    chapter_id = block_id = None
    if issue.chapter is not None and 0 <= issue.chapter < len(report.chapters):
        chapter = report.chapters[issue.chapter]
        chapter_id = chapter.id
        if issue.block is not None and 0 <= issue.block < len(chapter.blocks):
            block_id = chapter.blocks[issue.block].id
    location = Location(_FIELDS.get(issue.where, Field.REPORT), issue.chapter, issue.block, 0, chapter_id, block_id)
    text = issue.text if issue.where == "date" else ""  # the typed number is gone from the imported heading
    return Finding(issue.rule, Severity(issue.severity), location, text, issue.message, issue.fix)


def ingest_findings(issues: tuple[SourceIssue, ...], report: Report,
                    options: CheckOptions | None = None) -> list[Finding]:
    """Every check on ``report`` and the issues of the text it was read from, in report order."""
    from fazhi_desktop.core.checks import check_report

    found = check_report(report, options)
    ignored = (options or CheckOptions()).ignored
    extra = [f for f in (source_finding(i, report) for i in issues) if f.key not in ignored]
    return extra + found if extra else found
