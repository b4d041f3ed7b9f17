"""落款: the signing organ(s) and the date, laid out for the seal (GB/T 9704 7.3.5, gbt9704.md §6).

Widths are in character cells (CJK 1, digits ½). Sealed, one organ: the date 右空四字, the
organ name centred over the date. Sealed, two organs (joint issue, 7.3.5.1): both names on one
line, the second centred over the date and the first to its left, so that the two seals sit
side by side without touching. Unsealed (7.3.5.2): the organ 2 characters in from the right
(further in when the date is longer), the date's first character 2 characters right of the
organ name's; joint organs stacked, the lead organ first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import NamedTuple

from fazhi_desktop.core.schema import format_date_cn
from fazhi_desktop.export.flow import Para, PStyle, Run, Source, blank
from fazhi_desktop.export.geometry import CHARS_PER_LINE, text_cells

_ORGANS = (Source(0, "signatories"),)
SEAL_CHARS = 42 * CHARS_PER_LINE / 156  # a 42 mm township seal ≈ 7.5 cells of the 156 mm line
SEAL_GAP_CHARS = 1.0  # space between two seals side by side


class Signature(NamedTuple):
    """The 落款: one or two organs, the 成文日期, sealed or not, and the 附注."""

    organs: tuple[str, ...]
    date: dt.date | None
    sealed: bool
    note: str = ""  # 附注, as the user typed it (brackets optional)

    @property
    def note_text(self) -> str:
        """The 附注 in full-width round brackets (7.3.6), whether or not the user typed them."""
        return bracketed_note(self.note)

    @property
    def date_text(self) -> str:
        return format_date_cn(self.date) if self.date else ""


def bracketed_note(note: str) -> str:
    text = " ".join(note.split())
    while len(text) >= 2 and text[0] in "（(" and text[-1] in "）)":
        text = text[1:-1].strip()
    return f"（{text}）" if text else ""


def sealed_organ_right(w_organ: float, w_date: float) -> float:
    """Right indent (chars) that centres the organ name over a date 4 characters in."""
    return max(0.0, 4 + (w_date - w_organ) / 2)


def unsealed_rights(w_organ: float, w_date: float) -> tuple[float, float]:
    """(organ, date) right indents per 7.3.5.2 (gbt9704.md §6.3)."""
    organ = max(2.0, w_date - w_organ + 4)
    return organ, organ + w_organ - 2 - w_date


def joint_centres(w_first: float, w_second: float, w_date: float) -> tuple[float, float]:
    """Centres (chars from the left edge of the type area) of two organ names side by side."""
    second = CHARS_PER_LINE - 4 - w_date / 2
    second = min(second, CHARS_PER_LINE - w_second / 2)
    first = second - max(SEAL_CHARS + SEAL_GAP_CHARS, (w_first + w_second) / 2 + 2)
    return max(first, w_first / 2), second


def organ_lines(sig: Signature) -> int:
    """Lines the organ names take (one line for joint sealed names side by side)."""
    if not sig.organs:
        return 0
    return 1 if sig.sealed else len(sig.organs)


def signature_paras(sig: Signature, blank_lines: int) -> list[Para]:
    """Blank lines + organ line(s) + date (+ 附注); every paragraph but the last keeps with the next."""
    out = [blank(keep_next=True) for _ in range(blank_lines)]
    w_date = text_cells(sig.date_text)
    organs = [o for o in sig.organs if o]
    if sig.sealed:
        if len(organs) == 1:
            right = sealed_organ_right(text_cells(organs[0]), w_date)
            out.append(Para(PStyle.SIGNATURE, (Run(organs[0]),), keep_next=True, right_chars=right,
                            is_text=False, sources=_ORGANS))
        elif len(organs) >= 2:
            c1, c2 = joint_centres(text_cells(organs[0]), text_cells(organs[1]), w_date)
            runs = (Run("\t" + organs[0]), Run("\t" + organs[1]))
            out.append(Para(PStyle.SIGNATURE, runs, keep_next=True, center_tabs=(c1, c2),
                            first_chars=0, is_text=False, sources=_ORGANS))
        date_right = 4.0
    else:
        widest = max((text_cells(o) for o in organs), default=0.0)
        organ_right, date_right = unsealed_rights(widest, w_date)
        for organ in organs:
            # stacked names are right-aligned on the same right edge as the widest
            right = organ_right + widest - text_cells(organ) if len(organs) > 1 else organ_right
            out.append(Para(PStyle.SIGNATURE, (Run(organ),), keep_next=True, right_chars=right,
                            is_text=False, sources=_ORGANS))
        if not organs:
            date_right = 4.0
    note = sig.note_text
    if sig.date_text:
        out.append(Para(PStyle.DATE, (Run(sig.date_text),), keep_next=bool(note), right_chars=date_right,
                        is_text=False, sources=(Source(0, "date"),)))
    elif out:
        out[-1] = replace(out[-1], keep_next=bool(note))
    if note:  # 7.3.6: on the line after the date, 2 characters in, in round brackets
        out.append(Para(PStyle.NOTE, (Run(note),), is_text=False, sources=(Source(0, "note"),)))
    return out
