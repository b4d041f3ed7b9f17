"""Joining lines that a PDF, a web page or a soft line break cut in the middle of a sentence (§4.4).

A line is joined to the next only on evidence: it ends with a comma, an opening bracket or inside 《》 “”; the next
line cannot start a sentence (等活动3场, 个, ）); the text was wrapped at a fixed width (a PDF) and this
line is as wide as the others; the next line is a short tail that ends the sentence; or the line is
too long to be a heading, or has a clause too long for one. A line that may be a heading whose number
was lost is never glued to its text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from fazhi_desktop.core.cleanup_chars import display_width
from fazhi_desktop.core.headings import is_heading_line, is_unnumbered_chapter, typed_heading

TERMINAL = "。！？；：…!?;:"
CONTINUING = "，、（“《‘〈【—,("
_CLOSERS = "”’）》」』"
# A line starting with one of these continues the sentence before it.
CONTINUES_SENTENCE = "，。、；：？！）》”’」』,.;:?!)等的了并或而之"
_MEASURE = "件次场名人份项个条万千百余多元户家所处期批类篇起部卷期天月年%％"
_MIN_WRAP_WIDTH = 44  # half-width columns: PDF lines shorter than 22 Chinese characters are not wrapped
_WRAP_SLACK_BELOW = 8  # the first line of a paragraph lost its two-character indent
_WRAP_SLACK_ABOVE = 4
_CUT_SLACK_BELOW = 16  # before a removed page number: the last line of a page may be a little shorter
_SHORT_TAIL = 12  # "决策。": the end of a sentence, not a paragraph of its own
_TOO_LONG_FOR_HEADING = 36
_LONG_CLAUSE = 15
_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


def ends_sentence(line: str) -> bool:
    text = line.rstrip(_CLOSERS)
    if text != line and text.endswith(tuple(TERMINAL)):
        return True
    return line.endswith(tuple(TERMINAL))


def looks_like_title(line: str) -> bool:
    """A report title line: mentions 法治 and 报告 (or ends with 建设), short, no label colon."""
    if not line or len(line) > 60 or "：" in line or ":" in line or is_heading_line(line):
        return False
    if "报告" in line and "法治" in line:
        return True
    return line.endswith(("法治政府建设", "法治建设")) and len(line) <= 40


def stands_alone(line: str) -> bool:
    """A chapter or section heading on its own line ("（三）完善便民服务体系"), a chapter word, the title."""
    typed = typed_heading(line)
    return (bool(typed and typed.level <= 2 and "。" not in line) or looks_like_title(line)
            or is_unnumbered_chapter(line))


def wrap_width(lines: Sequence[str]) -> int:
    """The width at which a PDF wrapped its lines, or 0 when the text does not look wrapped."""
    widths = [display_width(a) for a, b in pairwise(lines)
              if a and b and not ends_sentence(a) and not is_heading_line(b) and not stands_alone(a)]
    best, best_count = 0, 0
    for w in set(widths):
        if w < _MIN_WRAP_WIDTH:
            continue
        count = sum(1 for x in widths if w - 4 <= x <= w + 4)
        if count > best_count or (count == best_count and w > best):
            best, best_count = w, count
    if best_count >= 3:
        return best
    # two lines cut at the same width (a short PDF copy): evidence enough when they are nearly equal
    close = [x for x in widths if best - 2 <= x <= best + 2]
    return best if best and len(close) >= 2 else 0


def _cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def should_join(a: str, last: str, b: str, width: int, cut: bool = False) -> bool:
    """Join ``b`` to the paragraph ``a`` whose last physical line was ``last``?

    ``cut``: a page number or other clutter line stood between them and was removed.
    """
    if not a or not b or is_heading_line(b):
        return False
    if ends_sentence(a):  # a line that ends with ； at the full width of a PDF page goes on
        return bool(width) and a.rstrip(_CLOSERS)[-1] in "；;" and not stands_alone(a) \
            and width - _WRAP_SLACK_BELOW <= display_width(last) <= width + _WRAP_SLACK_ABOVE
    if a.endswith(tuple(CONTINUING)) or _unclosed(a):
        return True
    if stands_alone(a):
        return False
    if b[0] in CONTINUES_SENTENCE or (a[-1].isdigit() and b[0] in _MEASURE):
        return True
    if width:
        below = _CUT_SLACK_BELOW if cut else _WRAP_SLACK_BELOW
        if width - below <= display_width(last) <= width + _WRAP_SLACK_ABOVE:
            return True
    if _short_tail(b) and _cjk_count(a) > 20:
        return True
    return _cjk_count(last) >= _TOO_LONG_FOR_HEADING or _prose(a)


def _prose(line: str) -> bool:
    """A clause longer than a heading's (强化组织领导，依法执政水平不断提升 has two short ones), or a sentence
    ended and another begun: text cut in the middle of a sentence."""
    if any(ch in "。！？" for ch in line[:-1]):
        return True
    clauses = re.split("[，、；：]", line)
    return len(clauses) > 1 and max(_cjk_count(c) for c in clauses) >= _LONG_CLAUSE


def _unclosed(line: str) -> bool:
    """"学习《信访工作": a 书名号 or quotation mark opened and not closed — the line stops inside it."""
    return line.count("《") > line.count("》") or line.count("“") > line.count("”")


def _short_tail(line: str) -> bool:
    """"决策。" or "诉案件。镇党委……": it starts with the last few characters of a sentence."""
    end = next((i for i, ch in enumerate(line) if ch in "。！？；"), -1)
    return 0 < end < _SHORT_TAIL and "，" not in line[:end] and line[0] not in "（(“《"


def glue(a: str, b: str) -> str:
    if re.match(r"[A-Za-z0-9]", b) and re.search(r"[A-Za-z]$", a):
        return f"{a} {b}"
    return a + b


def join_broken_lines(lines: Sequence[str], cuts: frozenset[int] = frozenset()) -> list[str]:
    """Join lines broken inside a sentence; ``cuts`` are indexes of lines after which a line was removed."""
    return [line for line, _ in join_lines(lines, cuts)]


def join_lines(lines: Sequence[str], cuts: frozenset[int] = frozenset()) -> list[tuple[str, list[int]]]:
    """:func:`join_broken_lines`, with the indexes of the lines each joined line is made of."""
    width = wrap_width(lines)
    out: list[tuple[str, list[int]]] = []
    last = ""
    for index, line in enumerate(lines):
        if out and should_join(out[-1][0], last, line, width, index - 1 in cuts):
            out[-1] = (glue(out[-1][0], line), [*out[-1][1], index])
        else:
            out.append((line, [index]))
        last = line
    return out
