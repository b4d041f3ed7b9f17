"""Hostile input through every door: storage, check, export, import. No crash, no invalid .docx."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from fazhi_desktop.core.checks import check_report
from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole, Report, Unit
from fazhi_desktop.core.text import has_control
from fazhi_desktop.storage.repository import ReportStore

NASTY = "依法\x00行政\x07\x1b[31m\u200b\u202e反转\u202c\ud800\ufeff👨\u200d👩\u200d👧𠀋䶮\r\n下一行\t制表"
MEGA = ("坚持依法行政，" * 150_000)[:1_000_000]  # a 1 MB paragraph


def hostile_report() -> Report:
    unit = Unit.from_short_name("千佛镇")
    many = tuple(Block(kind=BlockKind.ITEM if i % 10 else BlockKind.SECTION, heading=f"第{i}条{NASTY}",
                       body=f"内容{i}{NASTY}", run_in=bool(i % 2)) for i in range(10_000))
    chapters = (
        Chapter(role=ChapterRole.MEASURES, title="主要举措" + NASTY, lead=NASTY, blocks=many),
        Chapter(role=ChapterRole.OTHER, title="其他", blocks=(Block(kind=BlockKind.PARAGRAPH, body=MEGA),)),
    )
    return Report(unit=unit, year=2021, title_override="很长的标题" * 100 + NASTY, opening=NASTY,
                  addressee=NASTY, signatories=("千佛镇人民政府" + NASTY,), chapters=chapters)


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Report:
    from fazhi_desktop.storage.database import open_database

    store = ReportStore(open_database(tmp_path_factory.mktemp("db") / "h.db", journal="delete"))
    report = hostile_report()
    loaded = store.create_report(replace(report, unit=store.save_unit(report.unit)))
    store.db.close()
    return loaded


def test_storage_keeps_text_but_drops_control_characters(stored: Report) -> None:
    texts = [stored.title, stored.opening, stored.addressee, *stored.signatories,
             *(c.title for c in stored.chapters), *(b.heading + b.body for c in stored.chapters for b in c.blocks)]
    assert not any(has_control(t) for t in texts)
    assert "👨\u200d👩\u200d👧𠀋䶮" in stored.opening and "\n下一行\t制表" in stored.opening
    assert len(stored.chapters[0].blocks) == 10_000
    assert stored.chapters[1].blocks[0].body == MEGA


def test_check_survives(stored: Report) -> None:
    findings = check_report(stored)
    assert isinstance(findings, list)


def test_export_writes_a_valid_docx_and_import_reads_it_back(stored: Report, tmp_path: Path) -> None:
    from fazhi_desktop.export.docx_export import export_docx
    from fazhi_desktop.importers.load import import_file

    # All 10,000 blocks, the 1 MB paragraph and the 500-character title (whose line breaking once searched
    # combinations for ever); the opening even unsanitised.
    raw = replace(stored, opening=NASTY)
    target = tmp_path / "hostile.docx"
    export_docx(raw, target)
    with zipfile.ZipFile(target) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                etree.fromstring(package.read(name))  # every part is well-formed XML
        body = package.read("word/document.xml").decode("utf-8")
    assert "👨\u200d👩\u200d👧" in body and "𠀋" in body and "\x00" not in body
    assert "第9999条" in body and "很长的标题很长的标题" in body
    back = import_file(target).detected
    assert any("坚持依法行政" in b.body for c in back.chapters for b in c.blocks)
