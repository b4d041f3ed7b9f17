"""Which roster unit sent a file: found by name in the title, then the 落款, then the opening; the file
name is only a last hint (files are often mislabelled: 千佛镇.docx holding 石桥镇's report)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from fazhi_desktop.core.model import Unit, UnitKind

_YEAR = re.compile(r"(20\d{2})\s*年")


@dataclass(frozen=True)
class Evidence:
    """What a received file says about its sender and year."""

    title: str = ""
    signatories: tuple[str, ...] = ()
    opening: str = ""
    file_name: str = ""
    title_year: int | None = None
    date: dt.date | None = None  # 成文日期


@dataclass(frozen=True)
class Match:
    """The unit a file belongs to (None: not found, or several fit: ``candidates``), how it was found,
    and a note for the clerk (e.g. the file name names another unit)."""

    unit: Unit | None
    how: str = ""  # 标题 / 落款 / 开头段 / 文件名
    candidates: tuple[Unit, ...] = ()
    note: str = ""


def name_keys(unit: Unit, county: str = "") -> tuple[str, ...]:
    """The names a unit goes by in a report, longest first (a department also without its county)."""
    keys = {unit.short_name, unit.full_name, unit.party_name.removeprefix("中共")}
    if unit.kind is UnitKind.DEPARTMENT:
        for name in (unit.short_name, unit.full_name):
            for prefix in (county, "县", "中共"):
                if prefix and name.startswith(prefix) and len(name) - len(prefix) >= 3:
                    keys.add(name[len(prefix):])
    return tuple(sorted((k for k in keys if len(k) >= 2), key=len, reverse=True))


def units_in(text: str, units: Sequence[Unit], county: str = "") -> list[Unit]:
    """Units named in ``text``; a name inside a longer one found there (司法局 inside 市司法局 …) does not count."""
    spans: list[tuple[int, int, Unit]] = []
    for unit in units:
        best: tuple[int, int] | None = None
        for key in name_keys(unit, county):
            at = text.find(key)
            if at >= 0 and (best is None or len(key) > best[1] - best[0]):
                best = (at, at + len(key))
        if best is not None:
            spans.append((best[0], best[1], unit))
    found = [s for s in spans if not any(o is not s and o[0] <= s[0] and s[1] <= o[1] and o[1] - o[0] > s[1] - s[0]
                                         for o in spans)]
    found.sort(key=lambda s: s[0])
    out: list[Unit] = []
    for _, _, unit in found:
        if unit not in out:
            out.append(unit)
    return out


def _title_part(title: str) -> str:
    """The part of a title that names the sender: before the year or 关于 (千佛镇 / 渠县司法局)."""
    match = _YEAR.search(title)
    head = title[: match.start()] if match else title
    return head.split("关于")[0] if "关于" in head else head.split("法治")[0]


def match_unit(evidence: Evidence, units: Sequence[Unit], county: str = "") -> Match:
    """The roster unit that sent the file (see the module docstring)."""
    places = (("标题", _title_part(evidence.title)), ("落款", "\n".join(evidence.signatories)),
              ("开头段", evidence.opening[:60]))
    for how, text in places:
        found = units_in(text, units, county) if text else []
        if len(found) == 1:
            return Match(found[0], how, note=_label_note(evidence.file_name, found[0], units, county))
        if len(found) > 1:
            names = "、".join(u.short_name for u in found)
            return Match(None, how, tuple(found), f"{how}中出现多个单位（{names}），无法确定是哪一个")
    by_name = units_in(_stem(evidence.file_name), units, county)
    if len(by_name) == 1:
        return Match(by_name[0], "文件名", note="标题、落款中没有单位名称，仅按文件名判断，请核对")
    return Match(None, "", tuple(by_name), "标题、落款和开头段中都没有名单上的单位名称")


def _stem(name: str) -> str:
    """A file name without its extension."""
    return name.rsplit(".", 1)[0] if "." in name else name


def _label_note(file_name: str, unit: Unit, units: Sequence[Unit], county: str) -> str:
    named = [u for u in units_in(_stem(file_name), units, county) if u is not unit]
    if named and unit not in units_in(_stem(file_name), units, county):
        return f"文件名写的是“{named[0].short_name}”，内容是{unit.short_name}的报告，已按内容归入{unit.short_name}"
    return ""


def report_year(evidence: Evidence) -> tuple[int | None, str]:
    """(the year the file reports on, how it was found): the title's year; else the 成文日期's year before;
    else the first year the opening names. None when nothing tells."""
    if evidence.title_year is not None:
        return evidence.title_year, "标题"
    if evidence.date is not None:
        return evidence.date.year - 1, "成文日期"
    match = _YEAR.search(evidence.opening)
    if match:
        return int(match.group(1)), "开头段"
    return None, ""
