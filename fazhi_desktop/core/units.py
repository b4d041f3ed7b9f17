"""Units and their kind (乡镇、街道、县级部门、县政府): names, kind inference and the kind's defaults.

The data (name suffixes, default 主送机关/落款/抄送, the template's wording per kind) is in
``resources/unit_kinds.json``. A kind is inferred from the name by its longest matching suffix
(“县委办公室” ends in 办公室, not 室; “经济开发区” in 开发区, not 区).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from fazhi_desktop.core.model import Unit, UnitKind
from fazhi_desktop.resources import load_json

_NUMBERING = re.compile(r"^\s*(?:[（(]\s*\d+\s*[)）]|\d+\s*[\.．、,，)）]|[一二三四五六七八九十]+\s*[、.．])\s*")
_PUNCT = " \t\u3000.,，。、;；:：·\"'“”‘’"
_PLACE = r"(?:镇|乡|县|区|市|旗)"


@dataclass(frozen=True)
class KindProfile:
    """What a kind sets: name patterns and defaults (see resources/unit_kinds.json)."""

    kind: UnitKind
    suffixes: tuple[str, ...]
    full_name: str
    party_name: str
    addressee: str
    cc: str
    printer: str


@cache
def _data() -> dict[str, Any]:
    data = load_json("unit_kinds.json")
    assert isinstance(data, dict)
    return data


@cache
def profiles() -> dict[UnitKind, KindProfile]:
    kinds = _data()["kinds"]
    return {kind: KindProfile(kind, tuple(kinds[kind.value]["suffixes"]), kinds[kind.value]["full_name"],
                              kinds[kind.value]["party_name"], kinds[kind.value]["addressee"],
                              kinds[kind.value]["cc"], kinds[kind.value]["printer"]) for kind in UnitKind}


def wording(kind: UnitKind) -> dict[str, Any]:
    """The template wording of ``kind``: ``opening`` replacements and chapters by role (may be empty)."""
    found = _data().get("wording", {}).get(kind.value, {})
    return found if isinstance(found, dict) else {}


def parse_kind(text: str) -> UnitKind:
    """A kind from its Chinese name (乡镇/街道/县级部门/县政府, also 部门/镇/乡); ValueError otherwise."""
    value = text.strip()
    aliases = {"镇": "乡镇", "乡": "乡镇", "部门": "县级部门", "县直部门": "县级部门", "县": "县政府",
               "县人民政府": "县政府"}
    try:
        return UnitKind(aliases.get(value, value))
    except ValueError:
        raise ValueError(f"单位类型应为：{'、'.join(k.value for k in UnitKind)}（不是“{text}”）") from None


def normalize_name(text: str) -> str:
    """The short name of a unit as written in a roster or a title: numbering, spaces, 人民政府, 办事处 and
    the party committee's 中共…委员会 are taken off (千佛镇人民政府 → 千佛镇; 中共千佛镇委员会 → 千佛镇;
    石桥街道办事处 → 石桥街道); a department keeps its name (县司法局)."""
    name = _NUMBERING.sub("", text.strip()).strip(_PUNCT)
    name = "".join(name.split())
    if name.startswith("中共"):
        inner = re.sub(r"(工作委员会|委员会|党组|党委|党工委)$", "", name[2:])
        name = inner if re.search(_PLACE + "$|街道$", inner) or name.endswith(("党组", "党委")) else name
    if re.search(_PLACE + "人民政府$", name):
        name = name.removesuffix("人民政府")
    for suffix in ("办事处", "办"):
        if name.endswith("街道" + suffix):
            name = name.removesuffix(suffix)
    return name


def infer_kind(name: str) -> UnitKind | None:
    """The kind whose longest suffix ends ``name`` (normalized first); None when no suffix fits."""
    short = normalize_name(name)
    best: tuple[int, UnitKind] | None = None
    for kind, profile in profiles().items():
        for suffix in profile.suffixes:
            if short.endswith(suffix) and len(short) > len(suffix) and (best is None or len(suffix) > best[0]):
                best = (len(suffix), kind)
    return best[1] if best else None


def _without_county(name: str, county: str) -> str:
    if county and name.startswith(county) and len(name) > len(county):
        return name[len(county):]
    if name.startswith("县") and len(name) > 2:
        return name[1:]
    match = re.match(r"^[\u4e00-\u9fff]{1,3}?(?:自治县|县)(?=[\u4e00-\u9fff]{2,})", name)
    return name[match.end():] if match else name


def department_full_name(short: str, county: str = "") -> str:
    """县司法局 → 渠县司法局 when the county is known (司法局 too), 县委办公室 → 中共渠县县委办公室;
    otherwise the name as given."""
    if not county or short.startswith((county, "中共")):
        return short
    if short.startswith("县委"):
        return f"中共{county}{short}"
    return county + _without_county(short, county)


def superior_department(name: str, county: str = "") -> str:
    """The department one level up, as a 主送机关: 县司法局 → 市司法局."""
    return "市" + _without_county(name, county)


def unit_for(short_name: str, kind: UnitKind | None = None, county: str = "") -> Unit:
    """A new unit with the defaults of its kind (inferred from the name when not given; 乡镇 when unknown)."""
    short = normalize_name(short_name) or short_name.strip()
    kind = kind or infer_kind(short) or UnitKind.TOWNSHIP
    profile = profiles()[kind]
    full = department_full_name(short, county) if kind is UnitKind.DEPARTMENT else short
    values = {"short": short, "full": full, "superior": superior_department(short, county)}
    party = full if full.startswith("中共") else profile.party_name.format(**values)  # a party organ has no 党组
    return Unit(
        short_name=short, full_name=profile.full_name.format(**values), party_name=party,
        default_addressee=profile.addressee.format(**values),
        default_cc=profile.cc.format(**values), kind=kind,
    )


def printer_for(unit: Unit) -> str:
    """印发机关 of the 版记 by the unit's kind (千佛镇党政综合办公室, 渠县司法局办公室 …)."""
    values = {"short": unit.short_name, "full": unit.full_name, "superior": ""}
    return profiles()[unit.kind].printer.format(**values)
