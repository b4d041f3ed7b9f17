"""Table and 版记 rows placed on the page: every cell line and 版记 line as a run with its characters'
advances, the cell edges and the rules (no python-docx).

Both are written with 四号 text at an exact 20 pt line, centred vertically in rows of whole grid lines
(:mod:`.appendix`, :mod:`.imprint`); a run's ``line`` says which of those 20 pt lines it is on, so a
preview draws them where the renderers do. Cell text is centred in its cell between the cell margins;
the 抄送 starts 1 character in and continues under the first name; 印发机关 is 1 character in from the
left and the date ends 1 character in from the right (a right tab).
"""

from __future__ import annotations

from fazhi_desktop.export.attachments import CELL_MARGIN
from fazhi_desktop.export.blocks import ImprintRow, TableRow
from fazhi_desktop.export.fonts import FontRole
from fazhi_desktop.export.geometry import SMALL_HALF_POINTS, TEXT_W
from fazhi_desktop.export.imprintplan import ONE_CHAR, cc_rooms
from fazhi_desktop.export.linebreak import Rooms, break_lines
from fazhi_desktop.export.pages import PlacedRun, Row
from fazhi_desktop.export.textmetrics import LIBREOFFICE, PROFILES, Span, advances

SMALL_PT = SMALL_HALF_POINTS / 2
THICK_RULE = 8  # 0.35 mm, the 版记's first and last rules (1/8 pt)


def _run(text: str, font: FontRole, x: float, line: int = 0) -> PlacedRun:
    adv = tuple(advances(text, (Span(len(text), SMALL_PT, 0.0),), LIBREOFFICE)) if text else ()
    return PlacedRun(text, font, SMALL_HALF_POINTS, x, sum(adv), advances=adv, line=line)


def _lines(text: str, first: float, rest: float) -> list[str]:
    rooms = Rooms(dict.fromkeys(PROFILES, first), dict.fromkeys(PROFILES, rest))
    return [text[ln.start:ln.end] for ln in break_lines(text, (Span(len(text), SMALL_PT, 0.0),), rooms)]


def table_row(row: TableRow, item: int, y: int, part: int) -> Row:
    """A table row: each cell's lines centred in the cell; columns continuing a merge leave their top open."""
    runs: list[PlacedRun] = []
    edges = [0]
    open_top = []
    for c, cell in enumerate(row.cells):
        left = edges[-1] / 20
        if cell.merge == "continue":
            open_top.append(c)
        elif cell.text:
            room = (cell.width - 2 * CELL_MARGIN) / 20
            font = FontRole.HEITI if cell.header else FontRole.FANGSONG
            for k, text in enumerate(_lines(cell.text, room, room)):
                run = _run(text, font, 0.0, k)
                runs.append(PlacedRun(text, font, SMALL_HALF_POINTS, left + (cell.width / 20 - run.width) / 2,
                                      run.width, advances=run.advances, line=k))
        edges.append(edges[-1] + cell.width)
    return Row(y, row.height, tuple(runs), item, "table", part, "table", borders=tuple(edges),
               open_top=tuple(open_top))


def imprint_row(line: ImprintRow, item: int, y: int, height: int, part: int, last: bool) -> Row:
    """A 版记 row with the rule above it (thick for the first row) and, for the last row, below it."""
    indent = ONE_CHAR / 20
    runs: list[PlacedRun] = []
    if "\t" in line.text:
        printer, printed = line.text.split("\t", 1)
        runs.append(_run(printer, FontRole.FANGSONG, indent))
        date = _run(printed, FontRole.FANGSONG, 0.0)
        runs.append(PlacedRun(printed, FontRole.FANGSONG, SMALL_HALF_POINTS, (TEXT_W - ONE_CHAR) / 20 - date.width,
                              date.width, advances=date.advances))
    else:
        first, rest = cc_rooms()
        hang = 3 * ONE_CHAR / 20 if line.text.startswith("抄送：") else 0.0
        for k, text in enumerate(_lines(line.text, first, rest)):
            runs.append(_run(text, FontRole.FANGSONG, indent + (hang if k else 0.0), k))
    above = line.top_rule or (THICK_RULE if part == 0 else 0)
    return Row(y, height, tuple(runs), item, "imprint", part, "imprint", rule_above=above,
               rule_below=THICK_RULE if last else 0)
