"""Proofreading built for the annual report: pure functions from a report to a list of findings.

Rules live in the submodules and read their tables from ``resources/checks/*.json``:
law names (laws), period phrases and terms (terms), structure, typed numbering, text hygiene,
statistics. :func:`check_report` runs them all; :func:`apply_fixes` makes the safe fixes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache

from fazhi_desktop.core.checks.context import CheckContext, CheckOptions
from fazhi_desktop.core.checks.finding import Field, Finding, Location, Severity, TextUnit
from fazhi_desktop.core.checks.fixes import apply_fixes, fixable
from fazhi_desktop.core.model import Report

Rule = Callable[[CheckContext], Iterator[Finding]]



@cache
def rule_groups() -> tuple[tuple[str, Rule], ...]:
    """Rule groups in the order their findings are shown within one location.

    Imported on first use: the rule tables compile many patterns, and a window that has not run a
    check yet should not pay for them at start-up.
    """
    from fazhi_desktop.core.checks.figures import check_figures
    from fazhi_desktop.core.checks.hygiene import check_hygiene
    from fazhi_desktop.core.checks.laws import check_laws
    from fazhi_desktop.core.checks.numbering import check_numbering
    from fazhi_desktop.core.checks.stats import check_stats
    from fazhi_desktop.core.checks.structure import check_structure
    from fazhi_desktop.core.checks.terms import check_congress_numerals, check_periods, check_terms

    return (
        ("structure", check_structure),
        ("law", check_laws),
        ("period", check_periods),
        ("term", check_terms),
        ("typo", check_congress_numerals),
        ("numbering", check_numbering),
        ("text", check_hygiene),
        ("stats", check_stats),
        ("figures", check_figures),
    )


__all__ = [
    "CheckContext", "CheckOptions", "Field", "Finding", "Location", "Severity", "TextUnit",
    "apply_fixes", "check_report", "fix_all", "fixable", "has_errors", "severity_counts",
]


def check_report(report: Report, options: CheckOptions | None = None) -> list[Finding]:
    """All findings, sorted by position in the report; ignored keys are left out."""
    ctx = CheckContext(report, options or CheckOptions())
    order = {(unit.field, unit.chapter, unit.block): i for i, unit in enumerate(ctx.units)}  # Location.unit_key
    findings: list[Finding] = []
    seen: set[tuple[str, tuple[Field, int | None, int | None], int, str]] = set()
    ignored = ctx.options.ignored
    for _, rule in rule_groups():
        for finding in rule(ctx):
            identity = (finding.rule, finding.location.unit_key, finding.location.offset, finding.text)
            if identity in seen or (ignored and finding.key in ignored):
                continue
            seen.add(identity)
            findings.append(finding)
    return sorted(findings, key=lambda f: (order.get(f.location.unit_key, -1), f.location.offset))


def fix_all(report: Report, options: CheckOptions | None = None, passes: int = 3) -> Report:
    """Apply every safe fix, re-checking until nothing changes (a fix may expose another)."""
    for _ in range(passes):
        fixed = apply_fixes(report, check_report(report, options))
        if fixed == report:
            break
        report = fixed
    return report


def severity_counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
