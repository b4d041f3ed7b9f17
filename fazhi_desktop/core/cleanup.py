"""Pure cleanup of report text copied from PDFs, web pages or Word (domain.md §4.4).

:func:`clean_text` is what the importers and the GUI's paste handler call. Character-level fixes
never remove a CJK character; whole lines are removed only as page numbers, running headers or
web-page clutter, and those lines are returned in :attr:`Cleaned.removed` so nothing disappears
unseen.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import pairwise

from fazhi_desktop.core.cleanup_chars import (
    CJK,
    display_width,
    is_cjk_text,
    normalize_line,
)
from fazhi_desktop.core.headings import is_heading_line, typed_heading
from fazhi_desktop.core.text import strip_control

__all__ = ["Cleaned", "clean_text", "join_broken_lines", "normalize_line"]

# A line that ends here is a finished sentence (or a label before a list).
_TERMINAL = "。！？；：…!?;:"
# A line that ends with one of these is certainly cut inside a sentence.
_CONTINUING = "，、（“《‘〈【—,("
_PAGE_PATTERNS = tuple(
    re.compile(p)
    for p in (
        r"^[-—–－―_~·•\s]*\d{1,4}[-—–－―_~·•\s]*$",  # — 3 —, - 3 -, 3
        r"^第\s*\d+\s*页\s*[,，/、\s]?\s*(共\s*\d+\s*页)?$",  # 第3页 共9页
        r"^共\s*\d+\s*页\s*[,，/、\s]?\s*第\s*\d+\s*页$",
        r"^\d+\s*/\s*\d+$",  # 3/9
        r"^[Pp]age\s*\d+(\s*(of|/)\s*\d+)?$",
    )
)
_MIN_WRAP_WIDTH = 44  # half-width columns: PDF lines shorter than 22 Chinese characters are not wrapped
_WRAP_SLACK_BELOW = 8  # the first line of a paragraph lost its two-character indent
_WRAP_SLACK_ABOVE = 4


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text and the whole lines that were removed from it (for the preview)."""

    text: str
    removed: tuple[str, ...] = ()


def clean_text(text: str) -> Cleaned:
    """Clean pasted or imported text; idempotent (cleaning twice changes nothing more)."""
    removed: list[str] = []
    current = _prepare(text)
    for _ in range(6):  # join decisions look at the whole text: repeat until stable
        lines = [normalize_line(line) for line in current.split("\n")]
        lines, gone = drop_page_artifacts(lines)
        removed += gone
        lines, gone = drop_web_clutter(lines)
        removed += gone
        lines = [normalize_line(line) for line in join_broken_lines(lines)]
        result = "\n".join(_squeeze_blank(lines))
        if result == current:
            break
        current = result
    return Cleaned(current, tuple(removed))


def _prepare(text: str) -> str:
    text = strip_control(text).replace("\ufeff", "")
    lines = [normalize_line(line) for line in text.split("\n")]
    return "\n".join(_squeeze_blank(lines))


def _squeeze_blank(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


# --- page numbers and running headers ---------------------------------------------------------
def is_page_artifact(line: str) -> bool:
    return any(p.match(line) for p in _PAGE_PATTERNS)


def drop_page_artifacts(lines: list[str]) -> tuple[list[str], list[str]]:
    """Remove page numbers and repeated running headers; the text around them closes up."""
    # A running header is short and no sentence: a line ending in 。；！？ repeated is the clerk's own text.
    counts = Counter(line for line in lines if 0 < len(line) <= 30 and not is_heading_line(line)
                     and not line.endswith(("。", "；", "！", "？", ".", ";", "!", "?")))
    nonblank = [i for i, line in enumerate(lines) if line]
    tail = set(nonblank[-3:])
    seen: set[str] = set()
    kept: list[str] = []
    removed: list[str] = []
    skip_blank = False
    for index, line in enumerate(lines):
        repeated = counts[line] >= 3 and line in seen and index not in tail
        if line and (is_page_artifact(line) or repeated):
            removed.append(line)
            while kept and not kept[-1]:
                kept.pop()
            skip_blank = True
            continue
        if not line and skip_blank:
            continue
        if skip_blank and kept and _cut_at_page_break(kept[-1], line):
            kept[-1] = _glue(kept[-1], line)  # the page break fell inside a sentence
        else:
            kept.append(line)
        skip_blank = False
        seen.add(line)
    return kept, removed


def _cut_at_page_break(before: str, after: str) -> bool:
    return (not before.endswith(tuple(_TERMINAL)) and not _stands_alone(before)
            and not is_heading_line(after))


# --- web-page clutter -------------------------------------------------------------------------
def _clutter_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    from fazhi_desktop.core.headings import clutter_data

    data = clutter_data()
    return tuple(data["web_keywords"]), tuple(data["bracket_words"])


def is_clutter_line(line: str) -> bool:
    """A line of web-page chrome: navigation, metadata labels, 【打印】【关闭】, bare dates."""
    keywords, bracket_words = _clutter_words()
    if not line:
        return False
    if not is_cjk_text(line):
        return len(line) <= 40  # dates, times, "|", ">" and URLs carry no report text
    bare = re.sub(r"[【】\[\]\s|｜/>＞»·]+", " ", line).split()
    if bare and all(word in bracket_words for word in bare):
        return True
    return len(line) <= 60 and any(word in line for word in keywords)


def looks_like_title(line: str) -> bool:
    """A report title line: mentions 法治 and 报告 (or ends with 建设), short, no label colon."""
    if not line or len(line) > 60 or "：" in line or ":" in line or is_heading_line(line):
        return False
    if "报告" in line and "法治" in line:
        return True
    return line.endswith(("法治政府建设", "法治建设")) and len(line) <= 40


def drop_web_clutter(lines: list[str]) -> tuple[list[str], list[str]]:
    """Remove web chrome before the title line and after the end of the text."""
    removed: list[str] = []
    title_at = next((i for i, line in enumerate(lines)
                     if looks_like_title(line) and not is_clutter_line(line)), 0)
    kept: list[str] = []
    for index, line in enumerate(lines):
        if index < title_at and is_clutter_line(line):
            removed.append(line)
        else:
            kept.append(line)
    tail: list[str] = []
    while kept and (not kept[-1] or is_clutter_line(kept[-1])):
        line = kept.pop()
        if line:
            tail.append(line)
    return kept, removed + tail[::-1]


# --- lines broken in the middle of a sentence -------------------------------------------------
def _wrap_width(lines: list[str]) -> int:
    """The width at which a PDF wrapped its lines, or 0 when the text does not look wrapped."""
    widths = []
    for a, b in pairwise(lines):
        if a and b and not a.endswith(tuple(_TERMINAL)) and not is_heading_line(b) and not _stands_alone(a):
            widths.append(display_width(a))
    best, best_count = 0, 0
    for w in set(widths):
        if w < _MIN_WRAP_WIDTH:
            continue
        count = sum(1 for x in widths if w - 4 <= x <= w + 4)
        if count > best_count or (count == best_count and w > best):
            best, best_count = w, count
    return best if best_count >= 3 else 0


def _should_join(a: str, last: str, b: str, width: int) -> bool:
    """Join ``b`` to the paragraph ``a`` whose last physical line was ``last``?"""
    if not a or not b or is_heading_line(b) or a.endswith(tuple(_TERMINAL)):
        return False
    if a.endswith(tuple(_CONTINUING)):
        return True
    if _stands_alone(a):
        return False
    if not width:
        return False
    return width - _WRAP_SLACK_BELOW <= display_width(last) <= width + _WRAP_SLACK_ABOVE


def _stands_alone(line: str) -> bool:
    """A chapter or section heading on its own line ("（三）完善便民服务体系"), or the title."""
    typed = typed_heading(line)
    return bool(typed and typed.level <= 2 and "。" not in line) or looks_like_title(line)


def _glue(a: str, b: str) -> str:
    if re.match(r"[A-Za-z0-9]", b) and re.search(r"[A-Za-z]$", a):
        return f"{a} {b}"
    return a + b


def join_broken_lines(lines: list[str]) -> list[str]:
    """Join lines that a PDF broke inside a sentence (domain.md §4.4)."""
    width = _wrap_width(lines)
    out: list[str] = []
    last = ""
    for line in lines:
        if out and _should_join(out[-1], last, line, width):
            out[-1] = _glue(out[-1], line)
        else:
            out.append(line)
        last = line
    return out


def clean_paste(text: str) -> Cleaned:
    """Clean text pasted into one body field: like :func:`clean_text`, and then every line that does not
    end a sentence is joined to the next (inside a single body there is no title or heading to protect,
    and a short fragment gives too little evidence for the document-wide wrap-width rule)."""
    cleaned = clean_text(text)
    out: list[str] = []
    for line in cleaned.text.split("\n"):
        if out and out[-1] and line and not out[-1].endswith(tuple(_TERMINAL)) and not is_heading_line(line):
            out[-1] = _glue(out[-1], line)
        else:
            out.append(line)
    return replace(cleaned, text="\n".join(out))


def cjk_counter(text: str) -> Counter[str]:
    """The multiset of CJK ideographs in ``text`` (used to prove nothing was lost)."""
    return Counter(ch for ch in text if CJK.match(ch))
