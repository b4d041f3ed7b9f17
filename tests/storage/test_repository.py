"""ReportStore: every field round-trips, outline edits persist, new-from-last-year."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from fazhi_desktop.core import outline
from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole, Report, SealMode, Status
from fazhi_desktop.core.numbering import block_numbers
from fazhi_desktop.core.schema import REPORT_FIELDS, FieldKind
from fazhi_desktop.storage.repository import DuplicateReportError, NotFoundError, ReportStore


def without_ids(report: Report) -> Report:
    chapters = tuple(
        replace(c, id=None, blocks=tuple(replace(b, id=None) for b in c.blocks)) for c in report.chapters
    )
    return replace(report, id=None, unit=replace(report.unit, id=None), chapters=chapters)


def test_demo_report_round_trips_exactly(stored_demo: Report, demo_report: Report) -> None:
    assert without_ids(stored_demo) == demo_report


SAMPLE_VALUES = {
    FieldKind.TEXT: "县委、县人民政府",
    FieldKind.MULTILINE: "第一段\n第二段",
    FieldKind.DATE: dt.date(2022, 1, 10),
    FieldKind.LIST: ("中共千佛镇委员会", "千佛镇人民政府"),
    FieldKind.BOOL: False,
    FieldKind.SEAL: SealMode.UNSEALED,
    FieldKind.STATUS: Status.SUBMITTED,
}


@pytest.mark.parametrize("spec", REPORT_FIELDS, ids=lambda s: s.key)
def test_every_report_field_round_trips(store: ReportStore, template_report: Report, spec) -> None:
    value = SAMPLE_VALUES[spec.kind]
    assert template_report.id is not None
    store.update_report_field(template_report.id, spec.key, value)
    loaded = store.load_report(template_report.id)
    assert getattr(loaded, spec.attr) == value
    if spec.kind is FieldKind.DATE:
        store.update_report_field(template_report.id, spec.key, None)
        assert getattr(store.load_report(template_report.id), spec.attr) is None


def test_control_characters_are_removed_on_save(store: ReportStore, template_report: Report) -> None:
    assert template_report.id is not None
    store.update_report_field(template_report.id, "opening", "开头\x00段\x1f落\r\n第二行")
    assert store.load_report(template_report.id).opening == "开头段落\n第二行"
    block = template_report.chapters[0].blocks[0]
    assert block.id is not None
    store.update_block(block.id, body="正文\x0b内容\ud800")
    assert store.load_blocks(template_report.chapters[0].id or 0)[0].body == "正文内容"


def test_status_keeps_dates(store: ReportStore, template_report: Report) -> None:
    assert template_report.id is not None
    store.set_status(template_report.id, Status.FINAL, dt.date(2022, 1, 8))
    store.set_status(template_report.id, Status.SUBMITTED, dt.date(2022, 2, 20))
    loaded = store.load_report(template_report.id)
    assert loaded.status is Status.SUBMITTED
    assert dict(loaded.status_dates)[Status.FINAL] == dt.date(2022, 1, 8)


def test_many_units_and_years_side_by_side(store: ReportStore, demo_report: Report) -> None:
    from fazhi_desktop.core.templates import new_report

    for name in ("千佛镇", "东城街道"):
        unit = store.ensure_unit(name)
        for year in (2021, 2022):
            store.create_report(new_report(unit, year))
    listing = [(s.unit, s.year) for s in store.list_reports()]
    assert listing == [("东城街道", 2022), ("东城街道", 2021), ("千佛镇", 2022), ("千佛镇", 2021)]
    with pytest.raises(DuplicateReportError):
        store.create_report(new_report(store.ensure_unit("千佛镇"), 2021))


def test_a_unit_renamed_to_another_units_name_is_refused_in_chinese(store: ReportStore) -> None:
    from fazhi_desktop.storage.database import StorageError

    qianfo = store.ensure_unit("千佛镇")
    store.ensure_unit("东城街道")
    with pytest.raises(StorageError, match="单位“东城街道”已存在"):  # was sqlite's English UNIQUE error
        store.save_unit(replace(qianfo, short_name="东城街道"))
    assert store.find_unit("千佛镇") == qianfo
    assert store.save_unit(replace(qianfo, full_name="千佛镇政府")).full_name == "千佛镇政府"  # its own name is fine


def test_outline_edits_persist_and_renumber(store: ReportStore, template_report: Report) -> None:
    chapter = template_report.chapters[0]
    assert chapter.id is not None
    cid = chapter.id
    first = store.insert_block(cid, 1, Block(kind=BlockKind.ITEM, heading="健全领导机制。", run_in=True))
    assert first.id is not None
    store.insert_block(cid, 2, Block(kind=BlockKind.ITEM, heading="落实学法制度。"))
    blocks = store.load_blocks(cid)
    assert block_numbers(blocks)[:4] == ["（一）", "1.", "2.", "（二）"]
    # move section (一) with its two items below (二)
    store.edit_outline(cid, lambda bs: outline.move_down(bs, 0)[0])
    blocks = store.load_blocks(cid)
    assert blocks[1].heading == "坚持党的领导，压紧压实法治建设责任"
    assert [b.heading for b in blocks[2:4]] == ["健全领导机制。", "落实学法制度。"]
    assert block_numbers(blocks)[:4] == ["（一）", "（二）", "1.", "2."]
    # delete section (二) with its items: nothing else goes
    before = len(blocks)
    store.edit_outline(cid, lambda bs: outline.delete(bs, 1))
    assert len(store.load_blocks(cid)) == before - 3
    assert store.load_blocks(cid)[1].heading == "健全依法行政制度体系，加强规范性文件监督管理"


def test_apply_outline_rejects_blocks_of_another_chapter(store: ReportStore, template_report: Report) -> None:
    first, second = template_report.chapters[0], template_report.chapters[1]
    assert first.id is not None
    with pytest.raises(NotFoundError):
        store.apply_outline(first.id, (*first.blocks, second.blocks[0]))
    assert store.load_blocks(first.id) == first.blocks  # unchanged


def test_chapters_add_move_rename_delete(store: ReportStore, template_report: Report) -> None:
    rid = template_report.id
    assert rid is not None
    added = store.add_chapter(rid, Chapter(role=ChapterRole.CUSTOM, title="自定义章节"), index=1)
    assert [c.title for c in store.load_report(rid).chapters][1] == "自定义章节"
    assert added.id is not None
    store.move_chapter(added.id, 99)
    assert store.load_report(rid).chapters[-1].id == added.id
    store.update_chapter(added.id, title="改名", lead="导语")
    assert store.load_chapter(added.id).title == "改名"
    store.delete_chapter(added.id)
    assert len(store.load_report(rid).chapters) == len(template_report.chapters)
    with pytest.raises(NotFoundError):
        store.load_chapter(added.id)


def test_copy_year_copies_structure_not_status(store: ReportStore, stored_demo: Report) -> None:
    assert stored_demo.id is not None
    copy = store.copy_year(stored_demo.id)
    assert (copy.year, copy.status) == (2026, Status.DRAFT)
    assert copy.id != stored_demo.id
    assert [len(c.blocks) for c in copy.chapters] == [len(c.blocks) for c in stored_demo.chapters]
    assert {b.id for c in copy.chapters for b in c.blocks}.isdisjoint(
        {b.id for c in stored_demo.chapters for b in c.blocks})
    assert store.load_report(stored_demo.id) == stored_demo  # the source is untouched
    with pytest.raises(DuplicateReportError):
        store.copy_year(stored_demo.id)


def test_delete_report_cascades(store: ReportStore, stored_demo: Report) -> None:
    assert stored_demo.id is not None
    store.delete_report(stored_demo.id)
    assert store.list_reports() == []
    assert store.db.execute("SELECT count(*) FROM blocks").fetchone()[0] == 0
    with pytest.raises(NotFoundError):
        store.load_report(stored_demo.id)


def test_meta_values(store: ReportStore) -> None:
    assert store.get_meta("last_report") is None
    store.set_meta("last_report", "3")
    store.set_meta("last_report", "4")
    assert store.get_meta("last_report") == "4"


def test_undo_puts_deleted_blocks_and_chapters_back_under_their_ids(store: ReportStore,
                                                                    template_report: Report) -> None:
    """Issue 18: the one undo history refers to blocks and chapters by id, so what undo restores keeps
    its ids (and an id still in use elsewhere is refused)."""
    rid = template_report.id
    first = template_report.chapters[0]
    assert rid is not None and first.id is not None
    blocks = store.load_blocks(first.id)
    store.apply_outline(first.id, blocks[2:])
    assert store.apply_outline(first.id, blocks) == blocks  # the same rows, the same ids
    chapters = store.load_chapters(rid)
    store.apply_chapters(rid, chapters[1:])
    assert [c.id for c in store.load_chapters(rid)] == [c.id for c in chapters[1:]]
    assert store.apply_chapters(rid, chapters) == chapters
    with pytest.raises(NotFoundError):
        store.apply_outline(chapters[1].id or 0, (*chapters[1].blocks, blocks[0]))
