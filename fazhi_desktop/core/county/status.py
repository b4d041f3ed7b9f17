"""One line of the status board per unit: received or not (on time or late against 3月1日), published
(against 4月1日), and what the checks say of its report (pages, characters, errors, missing parts, stale
phrases, contradicting figures)."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from fazhi_desktop.core.checks.finding import Finding, Severity
from fazhi_desktop.core.county.deadline import Timeliness, published, submitted
from fazhi_desktop.core.model import Unit, UnitKind

_QUOTED = re.compile(r"“([^”]+)”")


@dataclass(frozen=True)
class ReportMetrics:
    """What the board shows of a report's content; cached per report (see storage.county)."""

    pages: int = 0
    chars: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    missing: tuple[str, ...] = ()  # statutory parts missing or left empty
    stale: tuple[str, ...] = ()  # phrases of the wrong period (十九大, “十四五” as current …)
    contradictions: int = 0  # 数据指标 that contradict each other

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> ReportMetrics:
        data = json.loads(text)
        data["missing"] = tuple(data.get("missing", ()))
        data["stale"] = tuple(data.get("stale", ()))
        return cls(**data)


def metrics_of(findings: Iterable[Finding], pages: int, chars: int) -> ReportMetrics:
    """The board's figures from a report's check findings (with its 数据指标) and its estimated pages."""
    findings = list(findings)
    count = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    missing: list[str] = []
    stale: list[str] = []
    for f in findings:
        if f.rule == "structure.missing_role":
            found = _QUOTED.search(f.message)
            missing.append(found.group(1) if found else f.message)
        elif f.rule == "structure.empty_chapter" and f.severity is Severity.ERROR:
            found = _QUOTED.search(f.message)
            missing.append(f"{found.group(1) if found else '某章'}（无内容）")
        elif f.rule.startswith("period.") and f.text and f.text not in stale:
            stale.append(f.text)
    contradictions = sum(1 for f in findings if f.rule == "figures.consistency")
    return ReportMetrics(pages, chars, count[Severity.ERROR], count[Severity.WARNING], count[Severity.INFO],
                         tuple(missing), tuple(stale), contradictions)


@dataclass(frozen=True)
class UnitStatus:
    """The board's line for one unit and year."""

    unit: Unit
    year: int
    today: dt.date
    on_roster: bool = True
    report_id: int | None = None
    received: dt.date | None = None  # first received (what counts for the deadline)
    last_received: dt.date | None = None
    files: int = 0  # files received for this year
    published_on: dt.date | None = None
    metrics: ReportMetrics | None = None
    file_names: tuple[str, ...] = field(default=())
    metrics_pending: bool = False  # the report's figures are being worked out (the 汇总 view fills them in)

    @property
    def submit(self) -> Timeliness:
        return submitted(self.year, self.received, self.today)

    @property
    def publish(self) -> Timeliness:
        return published(self.year, self.published_on, self.today)

    @property
    def state(self) -> str:
        """未收到 / 已收到 / 已公开 (a report typed in here without a received file counts as 已收到)."""
        if self.published_on is not None:
            return "已公开"
        return "已收到" if self.received is not None or self.report_id is not None else "未收到"

    @property
    def late_days(self) -> int:
        """Days late (received late, or not received and past the deadline): the sort key of 逾期."""
        return self.submit.late_days or self.submit.overdue_days

    def submit_text(self) -> str:
        if self.received is None and self.report_id is not None:
            return "已有报告（未记录收到日期）"
        text = self.submit.text("收到", "未收到")
        if self.files > 1 and self.last_received is not None:
            last = self.last_received
            latest = "" if last == self.received else f"，最近{last.month}月{last.day}日"
            text += f"（共{self.files}个文件{latest}）"
        return text

    def publish_text(self) -> str:
        if self.report_id is None and self.published_on is None:
            return ""
        return self.publish.text("公开", "未公开")

    def to_dict(self) -> dict[str, Any]:
        """The line in the stable JSON of ``county status --json``."""
        m = self.metrics
        return {
            "unit": self.unit.short_name, "kind": self.unit.kind.value, "on_roster": self.on_roster,
            "state": self.state, "report_id": self.report_id,
            "received": self.received.isoformat() if self.received else None,
            "late_days": self.submit.late_days, "overdue_days": self.submit.overdue_days,
            "published": self.published_on.isoformat() if self.published_on else None,
            "publish_late_days": self.publish.late_days,
            "files": list(self.file_names),
            "pages": m.pages if m else None, "chars": m.chars if m else None,
            "errors": m.errors if m else None, "warnings": m.warnings if m else None,
            "missing_parts": list(m.missing) if m else [], "stale_phrases": list(m.stale) if m else [],
            "contradictions": m.contradictions if m else None,
            "submit_text": self.submit_text(), "publish_text": self.publish_text(),
        }


SORT_KEYS = {
    "roster": lambda s: 0,
    "name": lambda s: s.unit.short_name,
    "kind": lambda s: list(UnitKind).index(s.unit.kind),
    "received": lambda s: (s.received is None, s.received or dt.date.max),
    "late": lambda s: -s.late_days,
    "errors": lambda s: -(s.metrics.errors if s.metrics else -1),
    "warnings": lambda s: -(s.metrics.warnings if s.metrics else -1),
    "pages": lambda s: -(s.metrics.pages if s.metrics else -1),
    "chars": lambda s: -(s.metrics.chars if s.metrics else -1),
}
"""``county status --sort``: roster order (default), name, kind, received date, most late, most errors …"""


def board(lines: list[UnitStatus], kind: UnitKind | None = None, sort: str = "roster") -> list[UnitStatus]:
    """The lines filtered by kind and sorted (stable: ties keep roster order)."""
    chosen = [s for s in lines if kind is None or s.unit.kind is kind]
    return sorted(chosen, key=SORT_KEYS[sort])


def summary(lines: list[UnitStatus]) -> str:
    """E.g. “应报送30个单位：已收到26个（按时22个，逾期4个），未收到4个；已公开10个”."""
    expected = [s for s in lines if s.on_roster]
    got = [s for s in expected if s.state != "未收到"]
    late = [s for s in got if s.submit.late_days]
    public = [s for s in expected if s.published_on is not None]
    return (f"应报送{len(expected)}个单位：已收到{len(got)}个（按时{len(got) - len(late)}个，逾期{len(late)}个），"
            f"未收到{len(expected) - len(got)}个；已公开{len(public)}个")
