"""A rule skips its pass over each text when one search of the joined text finds its pattern nowhere
(CheckContext.mentions): that must never change a finding."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fazhi_desktop.core.checks import CheckContext, CheckOptions, Finding, check_report, hygiene, terms
from fazhi_desktop.core.checks.data import period_rules, term_rules
from fazhi_desktop.core.checks.joined import joinable, relaxed
from fazhi_desktop.core.indicators import load_catalog, parse_values
from fazhi_desktop.core.model import Block, BlockKind, Report
from fazhi_desktop.importers.load import import_file
from fazhi_desktop.resources import load_json
from tests.core.checks.test_checks_hypothesis import _FAST, reports, text

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ingest"
SKIPPED = [rule.pattern for rule in (*period_rules(), *term_rules())] + [
    terms._ARABIC_CONGRESS, hygiene._HALF_PUNCT, hygiene._DOUBLE, hygiene._FULLWIDTH, hygiene._SPACE_CJK,
    hygiene._SPACE_DIGIT, hygiene._STRAIGHT_QUOTE, hygiene._FORMULA, *hygiene._DATE_PATTERNS]
# Text a clerk pastes: every rule the skipping concerns finds something in it, in some year.
MESSY = ["截止2024年底，按排部署，其它事项制订工作方案，布署贯切，汇报如下。",
         "党的20大和二十届3中全会精神，十九大精神，十九届五中全会，“十四五”收官，十四五期间，八五普法启动，七五普法总结。",
         "受理案件186件，其中调解成功190件，调解成功率97.3%，办结率120%，行政应诉率 100 %。",
         "2024-3-5召开会议,研究部署;;工作。。(一)项，２０２４年01月05日，2021 2025年，2016-2020年，202412月。",
         "汉字 之间 空格和数字 12 个，\"直引号\"和\"另一个\"。",
         "习近平新时代中国特色社会主义思想，习近平法治思想，两个确立，中国式现代化，中央全面依法治国委员会，法制宣传教育。",
         "学法、尊法、守法、用法，《宪法》、《民法典》，“法律”、“法规”，做出决定，纲要（2021-2025年）收官。",
         "现将有关情况报告如下：现将工作报告如下。法律明白员，出庭率，民主法制示范村。"]


def _every_pass(ctx: CheckContext, pattern: re.Pattern[str], needs: str = "") -> bool:
    return True


def _both_ways(report: Report, options: CheckOptions, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Finding],
                                                                                              list[Finding]]:
    skipping = check_report(report, options)
    with monkeypatch.context() as patch:
        patch.setattr(CheckContext, "mentions", _every_pass)
        return skipping, check_report(report, options)


def test_every_shipped_pattern_can_be_skipped() -> None:
    """Else the check would still be right, only slow: a rule table edited with a ^ would show up here."""
    assert [p.pattern for p in SKIPPED if not joinable(p)] == []


@pytest.mark.parametrize("source, flags", [
    (r"^第", 0), (r"页$", 0), (r"\A第", 0), (r"页\Z", 0), (r"(?<!\s)第", 0), (r"(?<![^，。])第", 0),
    (r"第(?!\n)", 0), (r"(?<!.)第", re.DOTALL), (r"(?<![\x00-\x1f])第", 0), (r"\[^第", 0)])
def test_a_pattern_that_can_tell_a_text_edge_from_a_line_break_is_run_on_each_text(source: str, flags: int) -> None:
    assert not joinable(re.compile(source, flags))


def test_what_cannot_tell_them_apart_is_skipped() -> None:
    assert all(joinable(re.compile(s, f)) for s, f in [
        (r"十四五", 0), (r"[^，。]{0,12}精神", 0), (r"(?<![“\"])十四五(?![”\"])", 0), (r"\b\d+\B", 0),
        (r"^\s*第\d+页$", re.MULTILINE), (r"(?<=》)、(?=《)", 0)])


@_FAST
@given(st.lists(text, min_size=1, max_size=6))
def test_a_match_in_one_text_is_a_match_in_the_joined_text(texts: list[str]) -> None:
    joined = "\n".join(t for t in texts if t)
    for pattern in SKIPPED:
        if any(pattern.search(t) for t in texts if t):
            assert pattern.search(joined), pattern.pattern


@_FAST
@given(st.one_of(text, st.lists(st.sampled_from(MESSY), max_size=3).map("".join)))
def test_a_pattern_without_its_lookarounds_matches_wherever_the_pattern_does(sample: str) -> None:
    for pattern in SKIPPED:
        quick = relaxed(pattern)
        if quick is not None and pattern.search(sample):
            assert quick.search(sample), (pattern.pattern, quick.pattern)


def test_lookarounds_are_dropped_only_where_nothing_else_changes() -> None:
    assert relaxed(re.compile(r"(?<!\d)(20\d{2})(?=年)")).pattern == r"(20\d{2})"  # type: ignore[union-attr]
    assert relaxed(re.compile(r"a(?=b(?!c))d")).pattern == "ad"  # type: ignore[union-attr]
    assert relaxed(re.compile(r"[(?=]x")) is None  # a bracket in a class opens nothing
    for source in (r"十四五", r"(?<=(a))b\1", r"(?P<x>a)(?=b)(?P=x)", r"(a)?(?=b)(?(1)c|d)", r"a(?=b){2}",
                   r"a(?<=a)*"):
        assert relaxed(re.compile(source)) is None, source


NEEDS = {**hygiene.NEEDS, **terms.NEEDS}
_NEAR = st.text(st.sampled_from(list("党的届十九二 \u00a0\u3000,;:?!()-－~–―/.—0123456789２年月日大中全会次代表，。")),
                max_size=30)


@_FAST
@given(st.one_of(text, _NEAR))
def test_a_text_a_pattern_matches_in_holds_one_of_the_characters_it_needs(sample: str) -> None:
    for pattern, needs in NEEDS.items():
        if pattern.search(sample):
            assert any(char in sample for char in needs), pattern.pattern


def test_the_characters_needed_are_those_the_messy_text_is_found_by() -> None:
    for pattern in NEEDS:
        hits = [m.group(0) for line in MESSY for m in pattern.finditer(line)]
        assert hits, pattern.pattern  # the equivalence test below sees each of them at work


def _corpus() -> list[Report]:
    out = []
    for path in sorted(FIXTURES.glob("*.txt")):
        imported = import_file(path)
        report = imported.report(year=imported.detected.year or 2024)
        chapter = report.chapters[0]
        messy = tuple(Block(BlockKind.PARAGRAPH, body="\n".join(MESSY[i::3])) for i in range(3))
        out.append(report)
        out.append(replace(report, opening=report.opening + MESSY[0], closing=report.closing + MESSY[2],
                           chapters=(replace(chapter, lead=MESSY[1], blocks=(*chapter.blocks, *messy)),
                                     *report.chapters[1:])))
    return out


def test_the_findings_are_the_same_as_reading_every_text(monkeypatch: pytest.MonkeyPatch) -> None:
    catalog = load_catalog()
    figures = tuple(parse_values(catalog, load_json("demo", "demo-report.json")["indicators"]).values())
    rules = set()
    for report in _corpus():
        for year in (2016, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026):
            for options in (CheckOptions(), CheckOptions(figures=(catalog, figures))):
                skipping, reading = _both_ways(replace(report, year=year), options, monkeypatch)
                assert skipping == reading
                rules.update(f.rule for f in skipping)
    # the corpus exercises what is skipped: period, term, typo and text rules all find something
    assert {"period.plan14_early", "period.congress19_late", "term.fazhi_publicity", "typo.jiezhi",
            "typo.congress_numeral", "text.halfwidth", "text.space", "text.straight_quote", "text.date_format",
            "text.year_range", "text.duplicate_formula", "text.fullwidth", "text.double_punct",
            "text.missing_year_char"} <= rules


@_FAST
@given(reports)
def test_the_findings_on_any_text_are_the_same_as_reading_every_text(report: Report) -> None:
    with pytest.MonkeyPatch.context() as patch:
        skipping = check_report(report)
        patch.setattr(CheckContext, "mentions", _every_pass)
        reading = check_report(report)
    assert skipping == reading
