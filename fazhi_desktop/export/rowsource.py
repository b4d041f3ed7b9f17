"""Where a row of the page plan comes from in the report (no python-docx, no Qt): the field, chapter and
block of its first character, that character's offset in the field's text, and the row's length — what
the preview selects when the row is clicked."""

from __future__ import annotations

from fazhi_desktop.export.flow import Para, Source
from fazhi_desktop.export.pages import Row
from fazhi_desktop.export.paralayout import para_layout
from fazhi_desktop.export.preflight import Preflight


def row_source(plan: Preflight, row: Row, cjk_digits: bool = False) -> tuple[Source, int, int] | None:
    """(source, offset of the row's first character in that field, length); None for rows nobody wrote
    (a blank line, a table, the 版记)."""
    item = plan.items[row.item] if 0 <= row.item < len(plan.items) else None
    if not isinstance(item, Para) or not item.sources:
        return None
    lines = para_layout(item, cjk_digits).lines
    line = lines[row.part] if row.part < len(lines) else lines[-1]
    found = item.source_at(line.start)
    if found is None:
        return None
    source, offset = found
    end = min([line.end] + [s.start for s in item.sources if s.start > max(line.start, source.start)])
    return source, offset, max(0, end - max(line.start, source.start))
