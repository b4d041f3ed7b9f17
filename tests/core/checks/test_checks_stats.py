"""Statistics that contradict themselves (domain.md §3 checker rules)."""

from __future__ import annotations

from fazhi_desktop.core.checks import CheckOptions, Severity, check_report
from fazhi_desktop.core.model import ChapterRole

OTHER = ChapterRole.OTHER


def test_rate_over_100_percent(find) -> None:
    [finding] = find("调解成功率达105%。", "stats", role=OTHER)
    assert finding.rule == "stats.rate_over_100" and finding.severity is Severity.ERROR
    assert find("调解成功率达100%。", "stats", role=OTHER) == []
    assert find("罚没金额同比增长150%。", "stats", role=OTHER) == []  # growth may exceed 100 %


def test_part_above_total(find) -> None:
    [finding] = find("受理矛盾纠纷86件，调解成功91件。", "stats", role=OTHER)
    assert finding.rule == "stats.part_over_total" and finding.severity is Severity.ERROR
    assert "91" in finding.message and "86" in finding.message
    assert find("受理矛盾纠纷186件，调解成功181件。", "stats", role=OTHER) == []


def test_rate_that_does_not_follow_from_the_counts(find) -> None:
    assert find("受理矛盾纠纷186件，调解成功181件，调解成功率97.3%。", "stats", role=OTHER) == []
    [finding] = find("受理矛盾纠纷186件，调解成功181件，调解成功率99%。", "stats", role=OTHER)
    assert finding.rule == "stats.rate_mismatch" and finding.severity is Severity.WARNING
    assert "97.3%" in finding.message


def test_rate_tolerance_is_configurable(build) -> None:
    report = build("参加考试120人，合格118人，合格率98%。", role=OTHER)
    strict = [f for f in check_report(report, CheckOptions(rate_tolerance=0.1)) if f.rule.startswith("stats")]
    assert [f.rule for f in strict] == ["stats.rate_mismatch"]  # 118/120 = 98.3 %
    assert [f for f in check_report(report) if f.rule.startswith("stats")] == []


def test_unrelated_counts_are_not_compared(find) -> None:
    assert find("受理信访事项64件，其中来信12件，按期办结率100%。", "stats", role=OTHER) == []
    assert find("开展排查48次，受理纠纷186件，调解成功率97.3%。", "stats", role=OTHER) == []
    assert find("发放资料1200余份，其中宣传册1500余份。", "stats", role=OTHER) == []  # approximate
