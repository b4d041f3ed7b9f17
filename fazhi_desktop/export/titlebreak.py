"""Breaking a long title into lines at phrase boundaries (GB/T 9704 7.3.1: 梯形 or 菱形).

Pure text: a scored search over the allowed break points (exhaustive for a title of ordinary length,
dynamic programming for a freak one, so a 500-character title takes milliseconds, not forever).
A line holds at most 20 characters of 二号 type; no line ends with punctuation or starts with
closing punctuation; digits, book titles 《》 and brackets are never split; the typical breaks are after the organ name
("…人民政府 / 关于…"), after "…年度" and before "法治政府建设…" / "情况的报告".
"""

from __future__ import annotations

import itertools
import math
import re

from fazhi_desktop.export.geometry import TITLE_CHARS_PER_LINE, text_cells
from fazhi_desktop.export.linebreak import NO_LINE_START
from fazhi_desktop.export.textmetrics import widest

_OPENERS = "《“‘（(〔【「『"
_CLOSERS = "》”’）)〕】」』"
_WINDOW = 16  # characters either side of a break that the rules can see
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


def _score(title: str, i: int, inside_word: bool) -> int:
    # Every rule looks at most a few characters either side; a window keeps a freak title linear.
    # "\uffff" marks a cut-off window, so the rules anchored at the title's end cannot match there.
    before = title[max(0, i - _WINDOW):i]
    after = title[i:i + _WINDOW] + ("" if i + _WINDOW >= len(title) else "\uffff")
    score = max((s for b, a, s in _RULES if b.search(before) and a.search(after)), default=-4)
    return score - 12 if inside_word else score


def _inside_words(title: str) -> set[int]:
    return {i for m in _WORDS.finditer(title) for i in range(m.start() + 1, m.end())}


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
    """Width in 二号 cells as the widest renderer sets it (Times New Roman digits, the space both put
    between digits and ideographs), so that a title line that only just fits never wraps."""
    return widest(text, 22.0) / 22.0


_EXHAUSTIVE_LIMIT = 200_000  # combinations; a real title (≤ 4 lines of ≤ 20) needs a few thousand
_DYNAMIC_LIMIT = 600  # characters; beyond that (a pasted page, not a title) the title is wrapped by width
_LINE_COST = 20.0  # the dynamic search prefers fewer lines as the exhaustive one does by trying them in order


def _exhaustive(title: str, points: list[int], scores: dict[int, int], min_lines: int,
                max_cells: float) -> list[str] | None:
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
    return None


def _dynamic(title: str, points: list[int], scores: dict[int, int], max_cells: float) -> list[str] | None:
    """Best break for a very long title: break scores, a cost per line and the trapezoid penalty between
    neighbouring lines, over states (start, end) of the last line — O(n · w²) for lines of w characters."""
    prefix = [0.0]
    for ch in title:
        prefix.append(prefix[-1] + _title_cells(ch))
    bounds = [0, *points, len(title)]
    # value[(i, j)]: best value of title[:j] whose last line is title[i:j]; back[(i, j)]: that line's start.
    value: dict[tuple[int, int], float] = {}
    back: dict[tuple[int, int], int] = {}
    ending_at: dict[int, list[int]] = {b: [] for b in bounds}  # line starts i with a state (i, b)
    for jx, j in enumerate(bounds[1:], start=1):
        for ix in range(jx - 1, -1, -1):
            i = bounds[ix]
            width = prefix[j] - prefix[i]
            if width > max_cells:
                break
            if i == 0:
                value[(0, j)], back[(0, j)] = -_LINE_COST, -1
            else:
                candidates = [(value[(k, i)] + scores[i] - _LINE_COST
                               - 1.5 * max(0.0, prefix[i] - prefix[k] - width), k) for k in ending_at[i]]
                if not candidates:
                    continue
                value[(i, j)], back[(i, j)] = max(candidates)
            ending_at[j].append(i)
    finals = [(value[(i, len(title))], i) for i in ending_at[len(title)]]
    if not finals:
        return None
    lines: list[str] = []
    end, start = len(title), max(finals)[1]
    while start >= 0:
        lines.append(title[start:end])
        end, start = start, back[(start, end)]
    return lines[::-1]


def break_title(title: str, max_cells: float = TITLE_CHARS_PER_LINE) -> list[str]:
    """The title as lines, each at most ``max_cells`` wide, broken at the best phrase boundaries."""
    title = "".join(title.split())
    if _title_cells(title) <= max_cells or len(title) < 2:
        return [title] if title else []
    if len(title) > _DYNAMIC_LIMIT:
        return _hard_wrap(title, max_cells)
    bad = _protected(title)
    points = [i for i in range(1, len(title)) if i not in bad]
    inside = _inside_words(title)
    scores = {i: _score(title, i, i in inside) for i in points}
    min_lines = int(-(-_title_cells(title) // max_cells))
    best: list[str] | None = None
    if sum(math.comb(len(points), k - 1) for k in range(min_lines, min_lines + 3)) <= _EXHAUSTIVE_LIMIT:
        best = _exhaustive(title, points, scores, min_lines, max_cells)
    elif len(title) <= _DYNAMIC_LIMIT:
        best = _dynamic(title, points, scores, max_cells)
    if best is not None:
        return best
    # Nothing fits at the allowed points (one enormous bracketed name): hard-wrap by width.
    return _hard_wrap(title, max_cells)


def _hard_wrap(title: str, max_cells: float) -> list[str]:
    lines_out: list[str] = []
    current, width = "", 0.0
    for ch in title:
        cells = text_cells(ch)
        if width + cells > max_cells:
            lines_out.append(current)
            current, width = "", 0.0
        current += ch
        width += cells
    return [*lines_out, current] if current else lines_out
