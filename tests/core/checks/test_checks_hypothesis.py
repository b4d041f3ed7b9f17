"""Property tests: the checks never crash on arbitrary text and the fixes converge."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fazhi_desktop.core.checks import apply_fixes, check_report, fix_all
from fazhi_desktop.core.checks.fixes import field_text
from fazhi_desktop.core.checks.source import ingest_findings
from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole, Report, Unit
from fazhi_desktop.core.structure import detect_text

# Characters the rules care about, mixed with anything at all.
_INTERESTING = list("《》（）()、，,。.；;：:“”\"' \u3000\n0123456789一二三四五六七八九十是年月日%％率件人-—～")
_WORDS = ["民法总则", "土地法", "法制宣传", "二十大", "十四五", "八五", "普法", "调解成功", "受理", "合格率",
          "2021", "2025", "报告如下", "今年", "截止", "布署", "尊法", "守法", "学法", "用法", "原",
          "\n- 3 -\n", "第 4 页", "党的20大", "（一）、", "1、", "一是", "三是", "20212025年",
          "法律红线不能碰法律底线不能碰"]
text = st.lists(
    st.one_of(st.sampled_from(_INTERESTING), st.sampled_from(_WORDS), st.text(max_size=3)), max_size=40
).map("".join)

_FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _report(year: int, title: str, lead: str, heading: str, body: str, number: bool) -> Report:
    blocks = (Block(BlockKind.SECTION, heading=heading, body=body), Block(BlockKind.PARAGRAPH, body=body))
    chapters = (Chapter(ChapterRole.MEASURES, title, lead, blocks),
                Chapter(ChapterRole.NEXT_YEAR, title, lead, blocks[1:]))
    return Report(unit=Unit.from_short_name("示例镇"), year=year, title_override=title, opening=body,
                  number_chapters=number, chapters=chapters)


reports = st.builds(_report, st.integers(2000, 2100), text, text, text, text, st.booleans())


@_FAST
@given(reports)
def test_checks_never_crash_and_point_at_real_text(report: Report) -> None:
    for finding in check_report(report):
        assert finding.message
        current = field_text(report, finding.location)
        if current is not None:  # text fields: the offending text is exactly where it is said to be
            start = finding.location.offset
            assert current[start:start + len(finding.text)] == finding.text


@_FAST
@given(reports)
def test_fix_all_is_idempotent(report: Report) -> None:
    once = fix_all(report, passes=6)
    assert fix_all(once, passes=6) == once


@_FAST
@given(reports)
def test_stale_findings_change_nothing(report: Report) -> None:
    """Findings of an older version whose text has moved are skipped, never misapplied."""
    findings = check_report(report)
    shifted = replace(report, opening="前置" + report.opening)
    fixed = apply_fixes(shifted, [f for f in findings if f.location.field.value == "opening"])
    for finding in findings:
        if finding.location.field.value == "opening" and finding.fix is not None:
            assert fixed.opening.startswith("前置") or fixed.opening == shifted.opening


@_FAST
@given(text, st.integers(2000, 2100))
def test_reading_a_file_never_crashes(raw: str, year: int) -> None:
    """check FILE's way in (the import pipeline) on arbitrary text: no crash, findings for every issue."""
    detected = detect_text(raw)
    report = detected.to_report(Unit.from_short_name(detected.unit_name or "示例镇"), year)
    findings = ingest_findings(detected.issues, report)
    assert len(findings) >= len(detected.issues)
