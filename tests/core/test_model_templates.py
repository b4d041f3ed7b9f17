"""Report model basics, templates and new-year copies."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi_desktop.core.model import ChapterRole, Report, Status, Unit
from fazhi_desktop.core.templates import load_template, new_report, suggestions, template_keys
from fazhi_desktop.core.yearcopy import next_year_report, shift_years


def test_unit_names_derived_from_short_name() -> None:
    town = Unit.from_short_name("千佛镇")
    assert (town.full_name, town.party_name) == ("千佛镇人民政府", "中共千佛镇委员会")
    street = Unit.from_short_name("东城街道")
    assert (street.full_name, street.party_name) == ("东城街道办事处", "中共东城街道工作委员会")


def test_title_generated_unless_overridden() -> None:
    report = Report(unit=Unit.from_short_name("千佛镇"), year=2021)
    assert report.title == "千佛镇2021年度法治政府建设情况报告"
    assert Report(unit=report.unit, year=2021, title_override=" 自定 ").title == "自定"


def test_deadlines_and_status_dates() -> None:
    report = Report(unit=Unit.from_short_name("千佛镇"), year=2021)
    assert report.deadlines == (dt.date(2022, 3, 1), dt.date(2022, 4, 1))
    done = report.with_status(Status.FINAL, dt.date(2022, 1, 5)).with_status(Status.SUBMITTED, dt.date(2022, 2, 1))
    assert done.status is Status.SUBMITTED
    assert dict(done.status_dates) == {Status.FINAL: dt.date(2022, 1, 5), Status.SUBMITTED: dt.date(2022, 2, 1)}


def test_both_templates_exist_and_statutory_comes_first() -> None:
    assert template_keys()[0] == "statutory"
    assert "principal-first" in template_keys()


@pytest.mark.parametrize("key", ["statutory", "principal-first"])
def test_templates_cover_the_five_statutory_roles(key: str) -> None:
    report = new_report(Unit.from_short_name("千佛镇"), 2021, key)
    roles = [c.role for c in report.chapters]
    assert set(roles) >= {ChapterRole.MEASURES, ChapterRole.SHORTCOMINGS, ChapterRole.PRINCIPAL_DUTY,
                          ChapterRole.NEXT_YEAR, ChapterRole.OTHER}
    if key == "principal-first":
        assert roles[0] is ChapterRole.PRINCIPAL_DUTY
    titles = {c.role: c.title for c in report.chapters}
    assert titles[ChapterRole.MEASURES] == "2021年度推进法治政府建设的主要举措和成效"
    assert titles[ChapterRole.NEXT_YEAR] == "2022年度推进法治政府建设的主要安排"
    assert "{" not in report.opening and "2021年" in report.opening
    assert load_template(key).name


def test_every_role_but_custom_has_suggestions() -> None:
    for role in ChapterRole:
        found = suggestions(role)
        assert bool(found) == (role is not ChapterRole.CUSTOM), role
    measures = suggestions(ChapterRole.MEASURES)
    assert any("法律明白人" in item for s in measures for item in s.items)


def test_shift_years_is_simultaneous_and_spares_document_names() -> None:
    text = "2021年工作，2022年安排；《法治政府建设实施纲要（2021—2025年）》；2021-2025；编号12345"
    assert shift_years(text, 2021, 2022) == (
        "2022年工作，2023年安排；《法治政府建设实施纲要（2021—2025年）》；2021-2025；编号12345"
    )


def test_next_year_report_is_a_fresh_draft(demo_report: Report) -> None:
    final = demo_report.with_status(Status.FINAL, dt.date(2026, 1, 16))
    copy = next_year_report(final)
    assert copy.year == 2026 and copy.status is Status.DRAFT and copy.status_dates == ()
    assert copy.date is None and copy.imprint_date is None
    assert copy.doc_number == "示府报〔2027〕2号"
    assert copy.title == "示例镇2026年度法治政府建设情况报告"
    assert next(c.title for c in copy.chapters) == "2026年度推进法治政府建设的主要举措和成效"
    assert [c.title for c in copy.chapters][3] == "2027年度推进法治政府建设的主要安排"
    assert [b.body for c in copy.chapters for b in c.blocks] == [
        b.body for c in demo_report.chapters for b in c.blocks
    ]


@pytest.mark.parametrize("key", ["statutory", "principal-first"])
def test_template_text_passes_the_checker_in_every_year(key: str) -> None:
    """Openings and chapter titles are year-dependent: no period, law or term finding in any year."""
    from fazhi_desktop.core.checks import check_report

    for year in range(2016, 2029):
        report = new_report(Unit.from_short_name("千佛镇"), year, key)
        text_findings = [f for f in check_report(report)
                         if f.location.field.value in ("opening", "chapter_title", "title", "heading")
                         and f.severity.value != "提示" and f.rule != "structure.empty_block"]
        assert text_findings == [], (year, [(f.rule, f.message) for f in text_findings])
