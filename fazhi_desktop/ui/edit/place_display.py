"""Showing a place of the open report: after an undo or redo, a fix, a replacement, a found text or a
finding of 检查 — the right tab, the field, and the text selected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fazhi_desktop.core.model import Block
from fazhi_desktop.ui.edit.change_command import Place

if TYPE_CHECKING:
    from fazhi_desktop.core.checks import Location
    from fazhi_desktop.ui.chapter.chapter_editor import ChapterEditor
    from fazhi_desktop.ui.info.field_editor import FieldEditor
    from fazhi_desktop.ui.window.report_view import ReportView

REPORT_KEYS = {"title": "title_override", "addressee": "addressee", "opening": "opening", "closing": "closing",
               "signatories": "signatories", "date": "date"}  # core.checks Field value → schema key


class PlaceDisplay:
    """Puts values into the fields that show them and brings places into view."""

    def __init__(self, view: ReportView) -> None:
        self.view = view

    def _field(self, place: Place) -> FieldEditor | None:
        editors = self.view.info.report_editors if place.kind == "report" else self.view.info.unit_editors
        return editors.get(place.key)

    def _editor(self, chapter_id: int | None, build: bool) -> ChapterEditor | None:
        if chapter_id is None:
            return None
        if build:
            return self.view.editor_for(chapter_id)
        return next((e for e in self.view.built_editors() if e.chapter_id == chapter_id), None)

    def show(self, place: Place, value: object, navigate: bool) -> None:
        """``place`` now holds ``value`` (already stored): show it; ``navigate``: bring it into view."""
        if place.kind == "status":  # with the dates each status was reached
            report = self.view.report()
            self.view.info.show_status(report)
            self.view.sig_report_changed.emit(report)
            if navigate:
                self.view.setCurrentWidget(self.view.info)
                self.view.info.ensureWidgetVisible(self.view.info.report_editors["status"])
            return
        if place.kind == "indicator":
            self.view.show_indicator(value, navigate)
            return
        if place.kind in ("report", "unit"):
            field = self._field(place)
            if field is None:
                return
            field.set_value(value)
            if (place.kind, place.key) == ("unit", "short_name"):
                self.view.info.show_unit_name(value)  # the automatic title's placeholder
            if navigate:
                self.view.setCurrentWidget(self.view.info)
                self.view.info.ensureWidgetVisible(field)
                field.focus_widget().setFocus()
            return
        chapter_id = place.row if place.kind == "chapter" else place.chapter
        editor = self._editor(chapter_id, navigate)
        if editor is None:
            return  # not built yet: it reads the store when its tab is first shown
        if place.kind == "chapter":
            editor.show_chapter_text(place.key, str(value))
            if place.key == "title":
                self.view.set_tab_title(editor, str(value))
        else:
            editor.show_block_value(place.row, place.key, value, navigate)
        if navigate:
            self.view.setCurrentWidget(editor)

    def show_text(self, place: Place, start: int, length: int) -> None:
        """Bring ``place`` into view with ``length`` characters from ``start`` selected (a found text)."""
        if place.kind in ("report", "unit"):
            field = self._field(place)
            if field is not None:
                self.view.setCurrentWidget(self.view.info)
                self.view.info.ensureWidgetVisible(field)
                field.select_text(start, length)
            return
        editor = self._editor(place.row if place.kind == "chapter" else place.chapter, True)
        if editor is None:
            return
        self.view.setCurrentWidget(editor)
        if place.kind == "chapter":
            editor.show_place(f"chapter_{place.key}", None, None, start, length)
        else:
            editor.show_place(place.key, place.row, None, start, length)

    def field_error(self, place: Place, message: str) -> None:
        field = self._field(place)
        if field is not None:
            field.show_error(message)

    def show_outline(self, chapter_id: int, blocks: tuple[Block, ...], selected: int) -> None:
        editor = self.view.editor_for(chapter_id)
        if editor is not None:
            editor.show_outline(blocks, selected)
            self.view.setCurrentWidget(editor)

    def goto(self, location: Location, length: int = 0) -> None:
        """Show the field a finding (or a found text) is in and select ``length`` characters at its offset."""
        field = location.field.value
        if field in REPORT_KEYS:
            editor = self.view.info.report_editors[REPORT_KEYS[field]]
            self.view.setCurrentWidget(self.view.info)
            self.view.info.ensureWidgetVisible(editor)
            editor.select_text(location.offset, length)
            return
        if field == "report":
            return
        editors = self.view.chapter_editors()
        chapter = next((e for e in editors if e.chapter_id == location.chapter_id), None)
        if chapter is None and location.chapter is not None and 0 <= location.chapter < len(editors):
            chapter = editors[location.chapter]
        if chapter is None:
            return
        self.view.setCurrentWidget(chapter)
        chapter.show_place(field, location.block_id, location.block, location.offset, length)
