"""The checkers' data tables (resources/checks/*.json), loaded once and compiled."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from fazhi_desktop.core.checks.finding import Severity
from fazhi_desktop.resources import ResourceError, load_json


@dataclass(frozen=True)
class KnownLaw:
    name: str  # normalized short name, as cited in 《》
    adopted: dt.date | None = None  # before this year a report cannot cite it
    latest: dt.date | None = None  # latest amendment or entry into force


@dataclass(frozen=True)
class WrongLaw:
    name: str
    correct: str
    kind: str  # repealed / replaced / wrong
    since: dt.date | None = None
    note: str = ""
    severity: Severity = Severity.ERROR


@dataclass(frozen=True)
class LawTable:
    known: dict[str, KnownLaw]  # normalized names and aliases → entry
    wrong: dict[str, WrongLaw]
    historical: re.Pattern[str]
    skip_suffixes: tuple[str, ...]


@dataclass(frozen=True)
class PeriodRule:
    id: str
    pattern: re.Pattern[str]
    severity: Severity
    message: str
    flag_from: int | None = None
    flag_to: int | None = None
    shift_next_year: bool = False
    exempt: re.Pattern[str] | None = None
    unless_text: re.Pattern[str] | None = None

    def flags(self, year: int) -> bool:
        return (self.flag_from is None or year >= self.flag_from) and (
            self.flag_to is None or year <= self.flag_to)


@dataclass(frozen=True)
class TermRule:
    id: str
    pattern: re.Pattern[str]
    severity: Severity
    message: str
    fix: str | None = None  # a re.Match.expand template
    from_year: int | None = None
    canonical: str = ""  # for order rules: the one correct spelling


def _date(text: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(text)) if text else None


def _regex(text: Any) -> re.Pattern[str] | None:
    return re.compile(str(text)) if text else None


def normalize_law_name(name: str) -> str:
    """Drop the 中华人民共和国 prefix, spaces and 修正 notes; unify brackets and range dashes."""
    name = re.sub(r"\s+", "", name)
    name = name.replace("(", "（").replace(")", "）")
    name = re.sub(r"^(中华人民共和国|中国共产党)(?=.)", "", name) if not name.startswith(
        "中国共产党章程") else name
    name = re.sub(r"（\d{4}年?(修正|修订|修改|版)[^）]*）$", "", name)
    name = re.sub(r"（[^）]*(修正|修订|修正文本|修订版)）$", "", name)
    return re.sub(r"(?<=\d)[-－~～–―](?=\d)", "—", name)


@cache
def law_table() -> LawTable:
    data = load_json("checks", "laws.json")
    try:
        known: dict[str, KnownLaw] = {}
        for entry in data["known"]:
            law = KnownLaw(entry["name"], _date(entry.get("adopted")), _date(entry.get("latest")))
            for name in [entry["name"], *entry.get("aliases", [])]:
                known[normalize_law_name(name)] = law
        wrong = {
            normalize_law_name(e["name"]): WrongLaw(
                e["name"], e["correct"], e["kind"], _date(e.get("since")), e.get("note", ""),
                Severity(e.get("severity", Severity.ERROR.value)))
            for e in data["wrong"]
        }
        return LawTable(known, wrong, re.compile(f"(?:{data['historical_markers']})$"),
                        tuple(data.get("skip_unknown_suffixes", ())))
    except (KeyError, ValueError, re.error) as exc:
        raise ResourceError(f"数据文件 laws.json 格式有误：{exc}") from exc


@cache
def period_rules() -> tuple[PeriodRule, ...]:
    try:
        return tuple(
            PeriodRule(
                id=r["id"], pattern=re.compile(r["pattern"]), severity=Severity(r["severity"]),
                message=r["message"], flag_from=r.get("flag_from"), flag_to=r.get("flag_to"),
                shift_next_year=bool(r.get("shift_next_year", False)), exempt=_regex(r.get("exempt")),
                unless_text=_regex(r.get("unless_text")))
            for r in load_json("checks", "periods.json")["rules"]
        )
    except (KeyError, ValueError, re.error) as exc:
        raise ResourceError(f"数据文件 periods.json 格式有误：{exc}") from exc


@cache
def term_rules() -> tuple[TermRule, ...]:
    try:
        return tuple(
            TermRule(id=r["id"], pattern=re.compile(r["pattern"]), severity=Severity(r["severity"]),
                     message=r["message"], fix=r.get("fix"), from_year=r.get("from_year"),
                     canonical=r.get("canonical", ""))
            for r in load_json("checks", "terms.json")["rules"]
        )
    except (KeyError, ValueError, re.error) as exc:
        raise ResourceError(f"数据文件 terms.json 格式有误：{exc}") from exc
