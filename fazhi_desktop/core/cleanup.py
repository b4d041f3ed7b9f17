"""Pure cleanup of report text copied from PDFs, web pages or Word (domain.md §4.4).

:func:`clean_text` is the one cleanup behind import, the import preview, paste into a body and
``check FILE``. Whole lines are removed only by their shape — web-page chrome, page numbers, running
headers, the page title shown twice (core.clutter) — and every removed line is returned in
:attr:`Cleaned.removed` with its line number and reason, so nothing disappears unseen; a caller may
pass ``keep`` to put any of them back. Tables become readable lines (core.tables); character fixes
never remove a Chinese character and are listed in :attr:`Cleaned.changes`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain, pairwise

from fazhi_desktop.core import clutter
from fazhi_desktop.core.cleanup_chars import CJK, is_cjk_text, normalize_line, normalize_line_changes
from fazhi_desktop.core.headings import is_heading_line, parse_cn_date, parse_imprint, split_signatories
from fazhi_desktop.core.linejoin import CONTINUES_SENTENCE, ends_sentence, join_lines, looks_like_title
from fazhi_desktop.core.tables import Table, TableFigure, read_tables
from fazhi_desktop.core.text import strip_control

__all__ = ["Cleaned", "Removed", "clean_paste", "clean_text", "looks_like_title", "normalize_line", "source_lines"]

_LINE_BREAKS = re.compile("[\v\u2028\u2029\u0085]")  # Word's Shift+Enter (\v) and Unicode line breaks
_HEADER_MIN_GAP = 8  # a running header repeats once a page, not within a few lines (table cells do)
_CELL_MAX = 12


@dataclass(frozen=True)
class Removed:
    """A whole line that cleanup removed: its number in the text as read (from 1), the line, why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text, the removed lines, the tables turned into text and the character fixes made."""

    text: str
    removed: tuple[Removed, ...] = ()
    tables: tuple[Table, ...] = ()
    changes: tuple[tuple[int, str, str], ...] = ()  # (line number, check rule, the text as it was)

    @property
    def figures(self) -> tuple[TableFigure, ...]:
        return tuple(chain.from_iterable(t.figures for t in self.tables))


def source_lines(text: str) -> list[str]:
    """The lines of ``text`` as read: soft and page breaks are line breaks, control characters go."""
    return strip_control(_LINE_BREAKS.sub("\n", text)).split("\n")


def clean_text(text: str, keep: frozenset[int] = frozenset()) -> Cleaned:
    """Clean pasted or imported text; ``keep`` holds line numbers (from 1) not to remove. Idempotent."""
    lines = source_lines(text)
    decided = {i: why for i, why in _classify(lines).items() if i + 1 not in keep}
    for _ in range(3):
        joined, origins, tables, changes = _clean_once(lines, decided)
        # A line judged in context (a bare 3 beside a table cell) may read differently once its neighbours
        # are joined: judge the result again, so that cleaning twice changes nothing more.
        again = {origins[i]: why for i, why in _classify(joined).items()
                 if origins[i] >= 0 and origins[i] + 1 not in keep and origins[i] not in decided}
        if not again:
            break
        decided.update(again)
    removed = tuple(Removed(i + 1, " ".join(lines[i].split()), why) for i, why in sorted(decided.items()))
    return Cleaned("\n".join(joined), removed, tuple(tables), tuple(changes))


def _clean_once(lines: list[str], decided: dict[int, str]
                ) -> tuple[list[str], list[int], list[Table], list[tuple[int, str, str]]]:
    """(cleaned lines, the source line each comes from or -1, tables, character fixes) with ``decided`` gone."""
    tables = read_tables(lines, set(decided))
    starts = {t.start: t for t in tables}
    inside = {i for t in tables for i in range(t.start, t.start + len(t.rows))}
    out: list[tuple[str, int]] = []
    cuts: set[int] = set()
    changes: list[tuple[int, str, str]] = []
    skip_blank = False
    for index, line in enumerate(lines):
        if index in decided:
            while out and not out[-1][0]:
                out.pop()
            cuts.add(len(out) - 1)
            skip_blank = True
            continue
        if index in starts:
            new = [(normalize_line(t), -1) for t in starts[index].lines]
        elif index in inside:
            continue
        else:
            fixed, found = normalize_line_changes(line)
            if parse_imprint(fixed) is None:  # the gap between 印发机关 and 印发日期 is layout, not a slip
                changes += [(index + 1, rule, snippet) for rule, snippet in found]
            new = [(fixed, index)]
        for text, origin in new:
            if text or not skip_blank:
                out.append((text, origin))
                skip_blank = False
    frozen = frozenset(cuts)
    for _ in range(5):  # the wrap width is measured on the whole text: repeat until stable
        texts = [t for t, _ in out]
        done = set(texts)  # lines already normalised; only lines made by a join need it again
        again = [(t if len(parts) == 1 and t in done else normalize_line(t),
                  out[parts[0]][1] if len(parts) == 1 else -1) for t, parts in join_lines(texts, frozen)]
        again = _squeeze_blank(again)
        frozen = frozenset()
        if again == out:
            break
        out = again
    return [t for t, _ in out], [o for _, o in out], tables, changes


def clean_paste(text: str, keep: frozenset[int] = frozenset()) -> Cleaned:
    """:func:`clean_text` for a body field: the same cleanup, one paragraph a line (no blank lines)."""
    cleaned = clean_text(text, keep)
    body = "\n".join(line for line in cleaned.text.split("\n") if line)
    return Cleaned(body, cleaned.removed, cleaned.tables, cleaned.changes)


def _squeeze_blank(lines: list[tuple[str, int]]) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for line in lines:
        if line[0] or (out and out[-1][0]):
            out.append(line)
    while out and not out[-1][0]:
        out.pop()
    return out


# --- which lines go -----------------------------------------------------------------------------
def _classify(lines: list[str]) -> dict[int, str]:
    """Line index → reason, for every line cleanup removes."""
    decided: dict[int, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if "\t" in line.strip():  # a table row, unless it is a web page's metadata table
            if (why := clutter.clutter_reason(line.replace("\t", "  "))) is not None:
                decided[index] = why
        elif clutter.is_strong_page_number(line):
            decided[index] = clutter.reason("page_number")
        elif (why := clutter.clutter_reason(line)) is not None:
            decided[index] = why
    for index, line in enumerate(lines):
        if index not in decided and line.strip() and clutter.is_weak_page_number(line) \
                and _page_number_in_context(lines, index, decided):
            decided[index] = clutter.reason("page_number")
    decided.update(_running_headers(lines, decided))
    decided.update(_title_copies(lines, decided))
    return decided


def _neighbour(lines: list[str], index: int, step: int, decided: dict[int, str]) -> int | None:
    """The index of the nearest line in direction ``step`` that has text and stays."""
    i = index + step
    while 0 <= i < len(lines):
        if lines[i].strip() and i not in decided:
            return i
        i += step
    return None


def _cell_like(line: str) -> bool:
    """A short label or figure, as table cells copied one per line are (受理纠纷 / 64)."""
    if "\t" in line.strip():
        return True
    text = normalize_line(line)  # judged as it will read after cleanup ("法." ends a sentence: "法。")
    if clutter.is_weak_page_number(text):
        return True
    return (len(text) <= _CELL_MAX and not ends_sentence(text) and not is_heading_line(text)
            and parse_cn_date(text) is None and split_signatories(text) is None)


def _page_number_in_context(lines: list[str], index: int, decided: dict[int, str]) -> bool:
    """A bare 3 (or 3/9) is a page number unless a neighbour is a table cell or another bare number."""
    for step in (-1, 1):
        at = _neighbour(lines, index, step, decided)
        if at is not None and _cell_like(lines[at]) and not _continued(lines, at, decided):
            return False
    return True


def _continued(lines: list[str], index: int, decided: dict[int, str]) -> bool:
    """The line is the start of a sentence the next line goes on with ("法" / "。"): text, not a cell."""
    after = _neighbour(lines, index, 1, decided)
    first = normalize_line(lines[after])[:1] if after is not None else ""
    return bool(first) and after is not None and not clutter.is_weak_page_number(lines[after]) \
        and first in CONTINUES_SENTENCE


def _running_headers(lines: list[str], decided: dict[int, str]) -> dict[int, str]:
    """Short lines repeated once a page (the title or unit at the top of every PDF page); the first stays."""
    candidates = [i for i, line in enumerate(lines) if i not in decided and _header_like(line)]
    nonblank = [i for i, line in enumerate(lines) if line.strip() and i not in decided]
    tail = set(nonblank[-4:])  # the 落款 may repeat the unit's name
    counts = Counter(" ".join(lines[i].split()) for i in candidates)
    out: dict[int, str] = {}
    for text, count in counts.items():
        if count < 3:
            continue
        where = [i for i in candidates if " ".join(lines[i].split()) == text]
        if min(b - a for a, b in pairwise(where)) < _HEADER_MIN_GAP:
            continue
        out.update({i: clutter.reason("running_header") for i in where[1:] if i not in tail})
    return out


def _header_like(line: str) -> bool:
    """A title or unit name as a running header: short, no sentence in it (a wrapped line of prose that
    repeats is text)."""
    text = " ".join(line.split())
    cjk = len(CJK.findall(text))
    return (cjk >= 4 and len(text) <= 30 and not ends_sentence(text) and not is_heading_line(text)
            and not clutter.is_sentence(text) and not any(ch in "。！？；，" for ch in text))


def _title_copies(lines: list[str], decided: dict[int, str]) -> dict[int, str]:
    """The page title shown twice (browser title bar with the site's name, then the article), and dates
    or URLs above it. The shortest copy is the title; longer ones are it plus "_XX县人民政府"."""
    first = [i for i, line in enumerate(lines[:40]) if line.strip() and i not in decided]
    titles = [i for i in first if looks_like_title(normalize_line(lines[i]))]
    if not titles:
        return {}
    flats = {i: clutter.squeeze(normalize_line(lines[i])) for i in first}
    title_at = min(titles, key=lambda i: (len(flats[i]), i))
    title = flats[title_at]
    out: dict[int, str] = {}
    for i in first:
        if i < min(titles) and not is_cjk_text(lines[i]):
            out[i] = clutter.reason("pre_title")
        elif i != title_at and flats[i].startswith(title) and re.fullmatch(r"(?:[_\-—|｜·].{0,30})?",
                                                                            flats[i][len(title):]):
            out[i] = clutter.reason("page_title")
    return out


def cjk_counter(text: str) -> Counter[str]:
    """The multiset of CJK ideographs in ``text`` (used to prove nothing was lost)."""
    return Counter(ch for ch in text if CJK.match(ch))
