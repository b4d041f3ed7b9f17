"""Period phrases keyed on the report year (§4.2), dated terms and 公文 typos (§4.5)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from fazhi_desktop.core.checks.context import CheckContext
from fazhi_desktop.core.checks.data import period_rules, term_rules
from fazhi_desktop.core.checks.finding import Finding, Severity, clause_around
from fazhi_desktop.core.numbering import chinese_numeral

_ARABIC_CONGRESS = re.compile(r"(?<=党的)(\d{1,2})(?=大|次全国代表大会)|(?<=[十九二十]届)([1-9])(?=中全会)")
NEEDS = {_ARABIC_CONGRESS: "党届"}  # one of them is in a text the pattern matches in (see CheckContext.mentions)


def check_periods(ctx: CheckContext) -> Iterator[Finding]:
    for rule in period_rules():
        # a unit is about the report year, or (shift_next_year, 下一年度 chapter) the year after
        flagged = {ctx.year: rule.flags(ctx.year), ctx.year + 1: rule.flags(ctx.year + 1)}
        if not any(flagged.values()) or not ctx.mentions(rule.pattern):
            continue
        if rule.unless_text is not None and rule.unless_text.search(ctx.full_text):
            continue
        rule_id = f"period.{rule.id}"
        for unit in ctx.units:
            if not unit.text or not flagged[ctx.effective_year(unit, rule.shift_next_year)]:
                continue
            for match in rule.pattern.finditer(unit.text):
                clause = clause_around(unit.text, match.start(), match.end())
                if rule.exempt is not None and rule.exempt.search(clause):
                    continue
                message = rule.message.format(year=ctx.year, next=ctx.year + 1)
                yield unit.match(rule_id, rule.severity, match, message)


def check_terms(ctx: CheckContext) -> Iterator[Finding]:
    for rule in term_rules():
        if (rule.from_year is not None and ctx.year < rule.from_year) or not ctx.mentions(rule.pattern):
            continue
        for unit in ctx.units:
            if not unit.text:
                continue
            for match in rule.pattern.finditer(unit.text):
                fix = match.expand(rule.fix) if rule.fix is not None else None
                if rule.canonical:
                    found = match.group(0)
                    if found.replace("、", "") == rule.canonical:
                        continue
                    fix = "、".join(rule.canonical[i:i + 2] for i in range(0, len(rule.canonical), 2)) \
                        if "、" in found else rule.canonical
                yield unit.match(rule.id, rule.severity, match, rule.message, fix)


def check_congress_numerals(ctx: CheckContext) -> Iterator[Finding]:
    """"党的20大", "二十届3中全会": congresses and plenums are numbered in Chinese."""
    if not ctx.mentions(_ARABIC_CONGRESS, NEEDS[_ARABIC_CONGRESS]):
        return
    for unit in ctx.units:
        if not unit.text:
            continue
        for match in _ARABIC_CONGRESS.finditer(unit.text):
            value = int(match.group(0))
            if value <= 0:
                continue
            yield unit.match("typo.congress_numeral", Severity.ERROR, match,
                             f"党的代表大会和全会的序数用汉字：应为“{chinese_numeral(value)}”",
                             fix=chinese_numeral(value))
