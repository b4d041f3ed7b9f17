"""The ingest fixture corpus (tests/fixtures/ingest/): manifests, Word files built from their specs, and the
clipboard text Word would give for them; shared by the corpus tests and the four-ways agreement test."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fazhi_desktop.core.model import BlockKind, Report
from fazhi_desktop.core.numbering import block_numbers, chapter_number

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
TAB, SOFT = "⇥", "↵"  # a tab and a soft line break (Shift+Enter) in a Word spec
_LIST_FORMATS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))


@dataclass(frozen=True)
class Manifest:
    """What a fixture must import as (see tests/fixtures/ingest/README.md)."""

    name: str
    source: str
    kind: str
    unit: str
    year: int
    title: str
    addressee: str
    outline: list[str]
    closing: str
    signatories: list[str]
    date: dt.date | None
    note: str
    removed: list[str]
    sentences: list[str]
    findings: list[str]
    absent: list[str]
    cells: list[str] = field(default_factory=list)
    figures: dict[str, str] = field(default_factory=dict)

    @property
    def is_word(self) -> bool:
        return self.source.endswith(".docx.txt")


def manifests() -> list[Manifest]:
    out = []
    for path in sorted(FIXTURES.glob("*.toml")):
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
        date_text = data.pop("date", "")
        date = dt.date.fromisoformat(date_text) if date_text else None
        out.append(Manifest(name=path.stem, date=date, **data))
    return out


def source_file(manifest: Manifest, folder: Path) -> Path:
    """The file a user would import: the text file itself, or the .docx built from its spec."""
    path = FIXTURES / manifest.source
    if not manifest.is_word:
        return path
    return build_docx(path, folder / manifest.source.removesuffix(".txt"))


def clipboard_text(manifest: Manifest) -> str:
    """What a user copies and pastes: the text file as decoded, or what Word puts on the clipboard for the
    .docx (list numbers as text and a tab, Shift+Enter as \\v, table rows as tab-separated cells, CR LF)."""
    from fazhi_desktop.importers.text_reader import decode_text

    path = FIXTURES / manifest.source
    if not manifest.is_word:
        return decode_text(path.read_bytes(), path.name)[0]
    lines: list[str] = []
    counters = [0, 0, 0]
    in_table = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(("@header", "@footer")):
            continue
        if line in ("@table", "@end"):
            in_table = line == "@table"
            continue
        if in_table:
            lines.append("\t".join(cell.strip() for cell in line.split("|")))
            continue
        if match := re.match(r"@list(\d) (.*)", line):
            level = int(match[1])
            counters[level] += 1
            counters[level + 1:] = [0] * (2 - level)
            label = _LIST_FORMATS[level][1].replace(f"%{level + 1}", _count(counters[level], level))
            line = f"{label}\t{match[2]}"
        line = line.removeprefix("@bold ")
        lines.append(line.replace(TAB, "\t").replace(SOFT, "\v"))
    return "\r\n".join(lines) + "\r\n"


def _count(n: int, level: int) -> str:
    from fazhi_desktop.core.numbering import chinese_numeral

    return chinese_numeral(n) if level < 2 else str(n)


def build_docx(spec: Path, target: Path) -> Path:
    """A .docx made the way a clerk types it, from a spec (README.md): lists, bold lines, tabs, soft breaks,
    empty paragraphs, tables, a header and a footer with a page number."""
    from docx import Document

    document = Document()
    num_id = list_definition(document)
    rows: list[list[str]] | None = None
    for line in spec.read_text(encoding="utf-8").splitlines():
        if line == "@table":
            rows = []
        elif line == "@end" and rows is not None:
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            rows = None
        elif rows is not None:
            rows.append([cell.strip() for cell in line.split("|")])
        elif line.startswith("@header "):
            document.sections[0].header.paragraphs[0].text = line.removeprefix("@header ")
        elif line == "@footer page":
            _page_footer(document)
        elif match := re.match(r"@list(\d) (.*)", line):
            numbered(_paragraph(document, match[2]), num_id, int(match[1]))
        elif line.startswith("@bold "):
            paragraph = _paragraph(document, line.removeprefix("@bold "))
            for run in paragraph.runs:
                run.bold = True
        else:
            _paragraph(document, line)
    document.save(str(target))
    return target


def _paragraph(document: Any, text: str) -> Any:
    paragraph = document.add_paragraph()
    for i, part in enumerate(text.split(SOFT)):
        if i:
            paragraph.add_run().add_break()
        for j, piece in enumerate(part.split(TAB)):
            if j:
                paragraph.add_run().add_tab()
            if piece:
                paragraph.add_run(piece)
    return paragraph


def list_definition(document: Any) -> str:
    """Write an abstractNum with 一、/（一）/1. levels and a num pointing at it; returns numId."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for ilvl, (fmt, text) in enumerate(_LIST_FORMATS):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, value in (("w:start", "1"), ("w:numFmt", fmt), ("w:lvlText", text)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            lvl.append(child)
        abstract.append(lvl)
    first = numbering.find(qn("w:num"))
    if first is not None:
        first.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "91")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)
    return "91"


def numbered(paragraph: Any, num_id: str, ilvl: int) -> None:
    """Number a python-docx paragraph from Word's list ``num_id`` at level ``ilvl`` (w:numPr)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", str(ilvl)), ("w:numId", num_id)):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        num_pr.append(child)
    paragraph._p.get_or_add_pPr().append(num_pr)


def _page_footer(document: Any) -> None:
    """— PAGE — in the footer, as a field (its text must never reach the body)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.add_run("— ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text and text.startswith(" "):
            instr = OxmlElement("w:instrText")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text or ""
    paragraph.add_run(" —")


# --- what a report looks like, for comparing ----------------------------------------------------
def outline(report: Report) -> list[str]:
    """Chapters with their roles and numbered blocks with their derived numbers (plain paragraphs left out)."""
    out = []
    for index, chapter in enumerate(report.chapters):
        out.append(f"{chapter_number(index)}{chapter.title} [{chapter.role.value}]")
        for block, number in zip(chapter.blocks, block_numbers(chapter.blocks), strict=True):
            if block.kind is not BlockKind.PARAGRAPH:
                out.append("  " * (block.level - 1) + number + (block.heading or block.body[:12] + "…"))
    return out


def end_matter(report: Report) -> tuple[object, ...]:
    return (report.title, report.addressee, report.closing, report.signatories, report.date, report.note)


def paragraphs(report: Report) -> list[str]:
    """Every paragraph of text the report holds (headings of run-in blocks joined to their text)."""
    out = [report.title, report.addressee, *report.opening.split("\n")]
    for chapter in report.chapters:
        out += [chapter.title, *chapter.lead.split("\n")]
        for block in chapter.blocks:
            body = block.body.split("\n")
            if block.run_in and block.heading:
                out += [block.heading + body[0], *body[1:]]
            else:
                out += [block.heading, *body]
    out += [report.closing, *report.signatories, report.note]
    return [p for p in out if p]
