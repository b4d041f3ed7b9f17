"""Pagination pre-flight: the flow laid out on pages exactly as LibreOffice lays it out (no python-docx).

Every body-flow line is an exact height (one grid line unless a paragraph says otherwise), lines
come from :mod:`~fazhi_desktop.export.paralayout`, and keeps follow LibreOffice (which Word and
WPS match here because every kept paragraph also keeps its lines together): a paragraph with
keep-with-next moves whole to the next page when it and the first line of what follows do not fit;
a paragraph with keep-lines is never split; a table row never splits and the header row repeats.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache, lru_cache, partial
from typing import TYPE_CHECKING, Union

from fazhi_desktop.export.flow import Para
from fazhi_desktop.export.geometry import CHAR_TWIPS, LINE, TEXT_H
from fazhi_desktop.export.pager import Origin, Pager, Run, markable, remember, resume
from fazhi_desktop.export.pages import TEXT_WIDTH_PT, LazyRuns, PageLayout, PlacedRun, Row
from fazhi_desktop.export.paralayout import para_layout, para_prefix

if TYPE_CHECKING:  # the blocks of 附件 and 版记: loaded by what makes them (a plain export has none)
    from fazhi_desktop.export.blocks import ImprintBlock, SectionBreak, TableBlock

Item = Union[Para, "TableBlock", "ImprintBlock", "SectionBreak"]  # (the blocks by name: not loaded yet)
RULE_TWIPS = 20  # a 1 pt paragraph rule (the 版头's) adds its width below the paragraph
TABLE_RULE = 10  # a table's 0.5 pt top and bottom rules (measured: 17 rows of 579 twips take 17 × 579 + 20)


@cache
def lo_twips(twips: int) -> int:
    """An exact height as LibreOffice lays it out: imported in 1/100 mm and back, never less (measured:
    671 twips come out as 672, 579 as 579)."""
    return math.ceil(round(twips * 127 / 72) * 72 / 127 - 1e-6)


def line_height(para: Para) -> int:
    return lo_twips(para.line_twips or LINE)


def para_height(para: Para, cjk_digits: bool = False) -> int:
    return para_layout(para, cjk_digits).line_count * line_height(para) + (RULE_TWIPS if para.rule_color else 0)


def _first_height(item: Item) -> int:
    if isinstance(item, Para):
        return line_height(item)
    from fazhi_desktop.export.blocks import TableBlock  # loaded: the item is one of its blocks

    if isinstance(item, TableBlock):
        return item.rows[0].height if item.rows else 0
    return 0


def chain_height(items: Sequence[Item], i: int, cjk_digits: bool = False) -> int:
    """What must fit from item ``i`` on for it to stay on the page: itself and, while each keeps with
    the next, the next (whole), then the first line of the first one that does not keep."""
    total = 0
    for j in range(i, len(items)):
        item = items[j]
        if not isinstance(item, Para):
            return total + _first_height(item)
        if j > i and not item.keep_next:
            return total + _first_height(item)
        total += para_height(item, cjk_digits)
        if not item.keep_next:
            return total
    return total


@lru_cache(maxsize=65536)
def line_runs(para: Para, k: int, cjk_digits: bool) -> tuple[PlacedRun, ...]:
    """The runs of line ``k`` of ``para`` placed where its indents and alignment put them."""
    lay = para_layout(para, cjk_digits)
    prefix = para_prefix(para, cjk_digits)
    line = lay.lines[k]
    runs: list[PlacedRun] = []
    pos = 0
    for seg in lay.segments:
        a, b = max(line.start, pos), min(line.end, pos + len(seg.text))
        if a < b:
            adv = tuple(prefix[i + 1] - prefix[i] for i in range(a, b))
            runs.append(PlacedRun(seg.text[a - pos:b - pos], seg.run.font, seg.half_points,
                                  prefix[a] - prefix[line.start], prefix[b] - prefix[a], seg.run.bold,
                                  seg.run.color, adv, seg.cjk_latin))
        pos += len(seg.text)
    return _place(para, tuple(runs), prefix[line.end] - prefix[line.start], k == 0)


def _tabbed(para: Para, runs: tuple[PlacedRun, ...]) -> tuple[PlacedRun, ...]:
    """The text after each tab placed at its stop: centred on a centre stop, ending at a right stop (the
    whole stretch up to the next tab, e.g. "签发人：" and the name after it)."""
    char = CHAR_TWIPS / 20
    stops = [(c * char, "center") for c in para.center_tabs] + ([(para.right_tab * char, "right")]
                                                               if para.right_tab else [])
    stripped = []
    for run in runs:
        tabs = len(run.text) - len(run.text.lstrip("\t"))
        adv = run.advances[tabs:]
        stripped.append((tabs > 0, run._replace(text=run.text[tabs:], width=sum(adv), advances=adv)))
    out, k, x = [], -1, (para.first_indent + para.left_chars) * char
    for i, (tabbed, run) in enumerate(stripped):
        if tabbed and k + 1 < len(stops):
            k += 1
            stop, kind = stops[k]
            stretch = run.width
            for later_tabbed, later in stripped[i + 1:]:
                if later_tabbed:
                    break
                stretch += later.width
            x = stop - (stretch / 2 if kind == "center" else stretch)
        out.append(run._replace(x=x))
        x += run.width
    return tuple(out)


def _place(para: Para, runs: tuple[PlacedRun, ...], width: float, first: bool) -> tuple[PlacedRun, ...]:
    """Shift the runs to where the paragraph's indents and alignment put them."""
    if para.center_tabs or para.right_tab:
        return _tabbed(para, runs)
    char = CHAR_TWIPS / 20
    left = (para.left_chars + (para.first_indent if first else 0)) * char
    room = TEXT_WIDTH_PT - para.left_chars * char - para.right_chars * char
    jc = para.jc or para.spec.jc
    if jc == "center":
        left = para.left_chars * char + (room - width) / 2
    elif jc == "right":
        left = TEXT_WIDTH_PT - para.right_chars * char - width
    return tuple(r._replace(x=r.x + left) for r in runs)


def paginate(items: Sequence[Item], start: int = 0, cjk_digits: bool = False, first: int = 0,
             pages_before: int = 0) -> PageLayout:
    """Every item placed; ``start`` twips of the first page are taken already. With ``first``: only the
    items from there on, the first of them at the top of page ``pages_before`` + 1 (the pages before
    are left out of the result; the 落款 plan lays out only the last pages again and again)."""
    return _paginate(tuple(items), start, cjk_digits, first, pages_before)


@lru_cache(maxsize=16)
def _paginate(items: tuple[Item, ...], start: int, cjk_digits: bool, first: int, pages_before: int) -> PageLayout:
    origin = Origin(0 if first else start, first, pages_before)
    pager, resume_at = resume(items, origin, cjk_digits)
    marks = {}
    for i in range(resume_at, len(items)):
        item = items[i]
        if markable(items, i, first):
            marks[i] = pager.mark()
        if isinstance(item, Para):
            _para(pager, items, i, item, cjk_digits)
        else:
            _block(pager, i, item)
    layout = pager.finish()
    remember(Run(origin, cjk_digits, items, marks, layout.pages))
    return layout


def _block(pager: Pager, i: int, item: Item) -> None:
    """A table, the 版记 or a section break (their modules are loaded: the item is one of their blocks)."""
    from fazhi_desktop.export.blocks import IMPRINT_RULE_SLACK, ImprintBlock, SectionBreak, TableBlock
    from fazhi_desktop.export.rowtext import imprint_row, table_row

    if isinstance(item, TableBlock):
        # the table's outer rules (0.5 pt each) add their width above and below every page's part
        pager.y += TABLE_RULE
        for part, row in enumerate(item.rows):
            if not pager.fits(row.height + TABLE_RULE) and pager.y > TABLE_RULE:
                pager.new_page()
                pager.y = TABLE_RULE
                if item.header_row is not None and not row.header:
                    pager.add(table_row(item.header_row, i, pager.y, 0))
            pager.add(table_row(row, i, pager.y, part))
        pager.y += TABLE_RULE
    elif isinstance(item, ImprintBlock):
        for part, line in enumerate(item.rows):
            height = line.lines * LINE - IMPRINT_RULE_SLACK
            pager.add(imprint_row(line, i, pager.y, height, part, part == len(item.rows) - 1))
    elif isinstance(item, SectionBreak):
        pager.new_page()
        pager.numbered = item.numbered
        if item.even_page and (pager.before + len(pager.pages) + 1) % 2:
            pager.new_page()


def _para(pager: Pager, items: Sequence[Item], i: int, para: Para, cjk_digits: bool) -> None:
    lay = para_layout(para, cjk_digits)
    h = line_height(para)
    if para.page_break_before and (pager.y > 0 or pager.rows):
        pager.new_page()
    if pager.y > 0:
        need = chain_height(items, i, cjk_digits) if para.keep_next else (
            para_height(para, cjk_digits) if para.keep_lines else 0)
        if need and not pager.fits(need) and need <= TEXT_H:
            pager.new_page()
    justified = (para.jc or para.spec.jc) in ("both", "distribute")
    is_text = para.is_text and bool(para.text.strip())
    role = para.style.value
    for k in range(lay.line_count):
        if not pager.fits(h) and pager.y > 0:
            pager.new_page()
        last = k == lay.line_count - 1
        pager.add(Row(pager.y, h, LazyRuns(partial(line_runs, para, k, cjk_digits)), i, "text", k, role,
                      justify=justified and (not last or para.jc == "distribute"), is_text=is_text,
                      rule_color=para.rule_color if last else None))
    if para.rule_color:
        pager.y += RULE_TWIPS
