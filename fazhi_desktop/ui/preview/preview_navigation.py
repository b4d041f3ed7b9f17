"""A click on a line of the preview opens where that line is written: the chapter tab with the block
selected in the outline and the line's text selected in the editor, the 基本信息 field for the title,
主送机关, 落款 …, the 数据指标 tab for the statistics table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fazhi_desktop.core.model import Report
from fazhi_desktop.export.blocks import ImprintBlock, TableBlock
from fazhi_desktop.export.pages import Row
from fazhi_desktop.export.preflight import Preflight
from fazhi_desktop.export.rowsource import row_source

if TYPE_CHECKING:
    from fazhi_desktop.ui.window.report_view import ReportView

CHAPTER_FIELDS = ("chapter_title", "chapter_lead", "heading", "body")
INFO_FIELDS = {"title": "title_override", "addressee": "addressee", "opening": "opening", "closing": "closing",
               "signatories": "signatories", "date": "date", "note": "note", "issuer_mark": "issuer_mark",
               "doc_number": "doc_number", "signer": "signer"}


def open_row(view: ReportView, report: Report, plan: Preflight, row: Row) -> bool:
    """Show where ``row`` is written; False when it is nothing the clerk wrote (a blank line)."""
    item = plan.items[row.item] if 0 <= row.item < len(plan.items) else None
    if isinstance(item, TableBlock):
        view.setCurrentWidget(view.indicators)
        return True
    if isinstance(item, ImprintBlock):
        return _info(view, "imprint_cc", 0, 0)
    found = row_source(plan, row)
    if found is None:
        return False
    source, offset, length = found
    if source.field in INFO_FIELDS:
        return _info(view, INFO_FIELDS[source.field], offset, length)
    if source.field not in CHAPTER_FIELDS or source.chapter is None or source.chapter >= len(report.chapters):
        return False
    chapter = report.chapters[source.chapter]
    editor = view.editor_for(chapter.id) if chapter.id is not None else None
    if editor is None:
        return False
    view.setCurrentWidget(editor)
    block = chapter.blocks[source.block] if source.block is not None and source.block < len(chapter.blocks) else None
    editor.show_place(source.field, block.id if block is not None else None, source.block, offset, length)
    return True


def _info(view: ReportView, key: str, offset: int, length: int) -> bool:
    field = view.info.report_editors.get(key)
    if field is None:
        return False
    view.setCurrentWidget(view.info)
    view.info.ensureWidgetVisible(field)
    field.select_text(offset, length)
    return True
