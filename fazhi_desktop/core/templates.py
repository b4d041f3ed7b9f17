"""Chapter templates (data in resources/templates) and the sub-heading suggestions per role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole, Report, Unit
from fazhi_desktop.resources import ResourceError, load_json, resources_dir

DEFAULT_TEMPLATE = "statutory"


@dataclass(frozen=True)
class Template:
    """A chapter layout a new report can start from."""

    key: str
    name: str
    description: str
    data: dict[str, Any]


@dataclass(frozen=True)
class Suggestion:
    """A sub-heading the GUI offers for a chapter role, with the items that usually follow it."""

    group: str
    section: str
    items: tuple[str, ...]


def template_keys() -> list[str]:
    """Keys of the shipped templates, the recommended one first."""
    keys = sorted(p.stem for p in (resources_dir() / "templates").glob("*.json"))
    keys.sort(key=lambda k: k != DEFAULT_TEMPLATE)
    return keys


def load_template(key: str) -> Template:
    if key not in template_keys():
        raise KeyError(key)
    data = load_json("templates", f"{key}.json")
    return Template(key=data["key"], name=data["name"], description=data["description"], data=data)


def fill_year(text: str, year: int, short_name: str = "") -> str:
    """Fill the {year}, {next_year} and {short} placeholders of template text."""
    return text.replace("{year}", str(year)).replace("{next_year}", str(year + 1)).replace(
        "{short}", short_name
    )


def _opening(data: dict[str, Any], year: int, short: str) -> str:
    variants = sorted(data.get("opening", []), key=lambda v: -int(v["from_year"]))
    for variant in variants:
        if year >= int(variant["from_year"]):
            return fill_year(str(variant["text"]), year, short)
    return ""


def _block(raw: dict[str, Any], year: int) -> Block:
    return Block(
        kind=BlockKind(raw.get("kind", "section")),
        heading=fill_year(raw.get("heading", ""), year),
        body=fill_year(raw.get("body", ""), year),
        run_in=bool(raw.get("run_in", False)),
    )


def chapter_from_template(raw: dict[str, Any], year: int) -> Chapter:
    return Chapter(
        role=ChapterRole(raw["role"]),
        title=fill_year(raw["title"], year),
        lead=fill_year(raw.get("lead", ""), year),
        blocks=tuple(_block(b, year) for b in raw.get("blocks", [])),
    )


def new_report(unit: Unit, year: int, template_key: str = DEFAULT_TEMPLATE) -> Report:
    """A fresh draft report for ``unit`` and ``year`` laid out by the template."""
    from fazhi_desktop.core.units import printer_for, wording

    template = load_template(template_key)
    data = template.data
    kind_wording = wording(unit.kind)  # a department's 第一责任人 chapter, the county's opening …
    opening = _opening(data, year, unit.short_name)
    for old, new in kind_wording.get("opening", []):
        opening = opening.replace(old, new, 1)
    chapters = [kind_wording.get(c["role"], c) for c in data["chapters"]]
    return Report(
        unit=unit,
        year=year,
        addressee=unit.default_addressee,
        opening=opening,
        signatories=(unit.full_name,),
        number_chapters=bool(data.get("number_chapters", True)),
        imprint_cc=unit.default_cc,
        imprint_printer=printer_for(unit),
        chapters=tuple(chapter_from_template(c, year) for c in chapters),
    )


def default_chapter(role: ChapterRole, year: int) -> Chapter:
    """The template's chapter for ``role`` (empty custom chapter for CUSTOM)."""
    data = load_template(DEFAULT_TEMPLATE).data
    for raw in data["chapters"]:
        if raw["role"] == role.value:
            return chapter_from_template(raw, year)
    return Chapter(role=role, title="新增章节")


def suggestions(role: ChapterRole) -> list[Suggestion]:
    """Sub-headings to offer for a chapter of ``role`` (domain.md §2.5–2.6)."""
    data = load_json("suggestions.json")
    if not isinstance(data, dict):
        raise ResourceError("suggestions.json 格式不正确")
    return [
        Suggestion(group=s["group"], section=s["section"], items=tuple(s["items"]))
        for s in data.get(role.value, [])
    ]
