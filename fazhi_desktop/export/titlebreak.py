"""Breaking a long title into lines at phrase boundaries (GB/T 9704 7.3.1: 梯形 or 菱形).

Pure text: a scored search over the allowed break points. A line holds at most 20 characters
of 二号 type; no line ends with punctuation or starts with closing punctuation; digits, book
titles 《》 and brackets are never split; the typical breaks are after the organ name
("…人民政府 / 关于…"), after "…年度" and before "法治政府建设…" / "情况的报告".
"""

from __future__ import annotations

import itertools
import re

from fazhi_desktop.export.geometry import NO_LINE_START, TITLE_CHARS_PER_LINE, text_cells

_OPENERS = "《“‘（(〔【「『"
_CLOSERS = "》”’）)〕】」』"
_PUNCT = set("，。、；：？！,.;:?!") | set(_OPENERS)

# (regex matching the text just before the break, regex matching just after, score)
_RULES: tuple[tuple[re.Pattern[str], re.Pattern[str], int], ...] = (
    (re.compile(r"(人民政府|委员会|办事处|街道|党委)$"), re.compile(r"^关于"), 12),
    (re.compile(r"(人民政府|委员会|办事处)$"), re.compile(r"^(中共|.{0,8}人民政府)"), 10),
    (re.compile(r"[镇乡]$"), re.compile(r"^关于"), 10),
    (re.compile(r"[镇乡]$"), re.compile(r"^\d{4}年"), 8),
    (re.compile(r"年度?$"), re.compile(r"^(推进)?法治"), 8),
    (re.compile(r""), re.compile(r"^(推进)?法治政府建设"), 6),
    (re.compile(r""), re.compile(r"^(工作)?情况的?报告$"), 5),
    (re.compile(r""), re.compile(r"^的报告$"), 3),
    (re.compile(r"的$"), re.compile(r""), 2),
    (re.compile(r"(情况|工作|建设)$"), re.compile(r"^[和及暨与]"), 6),
    (re.compile(r"[和及暨与]$"), re.compile(r""), -6),
    (re.compile(r"关于$"), re.compile(r""), -6),
)

# Words a break must not split (a penalty, so a title of nothing else can still be broken).
_WORDS = re.compile(
    "人民政府|委员会|办事处|街道|法治政府|法治|政府|建设|情况|工作|安排|报告|贯彻|落实|推进|年度|"
    "主要|举措|成效|实施|纲要|规划|中共|依法|行政|全面|责任|履行|职责|第一|负责人|监督|执法|决策"
)


def _protected(title: str) -> set[int]:
    """Break positions that would split digits, Latin words or a bracketed phrase."""
    bad: set[int] = set()
    depth = 0
    for i, ch in enumerate(title):
        if i and depth > 0:
            bad.add(i)
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS and depth:
            depth -= 1
    for i in range(1, len(title)):
        a, b = title[i - 1], title[i]
        if a.isascii() and b.isascii() and a.isalnum() and b.isalnum():
            bad.add(i)
        if b in NO_LINE_START or b in _CLOSERS or a in _PUNCT:
            bad.add(i)
    return bad


def _score(title: str, i: int) -> int:
    before, after = title[:i], title[i:]
    score = max((s for b, a, s in _RULES if b.search(before) and a.search(after)), default=-4)
    inside = any(m.start() < i < m.end() for m in _WORDS.finditer(title))
    return score - 12 if inside else score


def _shape_penalty(widths: list[float]) -> float:
    """Trapezoid (each line at least as long as the one above) or, for 3+, diamond."""
    trapezoid = sum(max(0.0, widths[i] - widths[i + 1]) for i in range(len(widths) - 1))
    if len(widths) >= 3:
        peak = widths.index(max(widths))
        up = sum(max(0.0, widths[i] - widths[i + 1]) for i in range(peak))
        down = sum(max(0.0, widths[i + 1] - widths[i]) for i in range(peak, len(widths) - 1))
        return min(trapezoid, up + down)
    return trapezoid


def _title_cells(text: str) -> float:
    """Width in cells, with a little slack for digits and Latin letters: a substitute font (WPS without
    Times New Roman, LibreOffice) sets them wider than half a cell, and a title that only just fits
    would otherwise wrap its last character onto a line of its own."""
    return text_cells(text) + 0.1 * sum(1 for ch in text if ch.isascii() and ch.isalnum())


def break_title(title: str, max_cells: float = TITLE_CHARS_PER_LINE) -> list[str]:
    """The title as lines, each at most ``max_cells`` wide, broken at the best phrase boundaries."""
    title = "".join(title.split())
    if _title_cells(title) <= max_cells or len(title) < 2:
        return [title] if title else []
    bad = _protected(title)
    points = [i for i in range(1, len(title)) if i not in bad]
    scores = {i: _score(title, i) for i in points}
    min_lines = int(-(-_title_cells(title) // max_cells))
    for lines in range(min_lines, min_lines + 3):
        best: tuple[float, list[str]] | None = None
        for cut in itertools.combinations(points, lines - 1):
            bounds = [0, *cut, len(title)]
            parts = [title[bounds[k]:bounds[k + 1]] for k in range(lines)]
            widths = [_title_cells(p) for p in parts]
            if max(widths) > max_cells:
                continue
            value = sum(scores[i] for i in cut) - 1.5 * _shape_penalty(widths) \
                - 0.2 * (max(widths) - min(widths))
            if best is None or value > best[0]:
                best = (value, parts)
        if best is not None:
            return best[1]
    # Nothing fits at the allowed points (one enormous bracketed name): hard-wrap by width.
    lines_out: list[str] = []
    current = ""
    for ch in title:
        if text_cells(current + ch) > max_cells:
            lines_out.append(current)
            current = ""
        current += ch
    return [*lines_out, current] if current else lines_out
