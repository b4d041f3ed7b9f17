"""Line breaking as LibreOffice does it, measured under both renderers' metrics (no renderer needed;
tests/render proves the same against LibreOffice itself)."""

from __future__ import annotations

import pytest

from fazhi_desktop.export.flow import body
from fazhi_desktop.export.linebreak import EPS, Rooms, _Measure, adjust, break_lines, with_forced
from fazhi_desktop.export.paralayout import _plain_segments, _rooms, _spans, para_layout
from fazhi_desktop.export.textmetrics import (
    LIBREOFFICE,
    PROFILES,
    WORD,
    Span,
    advances,
    needs_cjk_latin,
    resolve_scripts,
    text_width,
)

ROOM = 442.25


def lines(text: str) -> list[str]:
    lay = para_layout(body(text))
    return [text[ln.start:ln.end] for ln in lay.lines]


def test_measured_widths_of_libreoffice() -> None:
    # an ideograph next to a digit: 1/5 em of space (3.2 pt at 三号); a portion's last character uncondensed
    assert advances("甲1甲", (Span(3, 16.0, -0.25),), LIBREOFFICE) == pytest.approx([19.2, 11.2, 16.0])
    assert text_width("甲乙丙", 16.0, -0.25) == pytest.approx(15.75 * 2 + 16)
    assert text_width("99.2%", 16.0, -0.25) == pytest.approx(3 * 7.75 + 3.75 + 13.33, abs=0.01)
    # no space between a digit and a mark
    assert advances("（1）", (Span(3, 16.0, -0.25),), LIBREOFFICE) == pytest.approx([16.0, 8.0, 16.0])


def test_word_condenses_every_character_and_spaces_digits_more() -> None:
    assert advances("甲1甲", (Span(3, 16.0, -0.25),), WORD) == pytest.approx([19.75, 11.75, 15.75])


def test_weak_marks_take_the_script_before_them() -> None:
    assert [s.value for s in resolve_scripts("甲“1”甲")] == ["A", "A", "L", "L", "A"]
    assert [s.value for s in resolve_scripts("“甲")] == ["L", "A"]  # at the start: Latin (set in Times)
    # such marks get the CJK font in the Latin slot too, so they stay one em wide in LibreOffice
    assert needs_cjk_latin("甲“1”甲") == [False, False, False, True, False]
    segments = _plain_segments(body("共“12345”热线"), False)
    assert [(s.text, s.cjk_latin) for s in segments] == [("共“12345", False), ("”", True), ("热线", False)]


def test_kinsoku_and_words() -> None:
    text = "甲" * 26 + "，乙"
    assert adjust(text, 0, 26) == 25  # "，" may not start a line: "甲" moves down with it
    assert adjust("甲" * 20 + "99.2%。", 0, 25) == 20  # a number is never split, the 。 not left alone
    assert adjust("甲" * 20 + "1（宙", 0, 22) == 21  # "（" may not end a line: the break before it
    assert adjust("甲" * 20 + "1（宙", 0, 21) == 20  # "1（" is one word otherwise
    assert adjust("甲" * 20 + "，1甲", 0, 21) == 19


def test_no_mark_hangs_past_the_line_end() -> None:
    got = lines("字" * 26 + "。" + "字" * 27 + "，" + "字" * 5)
    assert [len(x) for x in got] == [25, 28, 7]
    assert got[1].startswith("字。") and got[2].startswith("字，")
    assert all(not ln.startswith(tuple("，。、；：！？”》）")) for ln in got)


def test_where_the_renderers_disagree_the_break_is_forced() -> None:
    """A line of digits: Word's wider autospace would break it earlier than LibreOffice. The earlier
    break is taken and forced with spacing on that line, so that it is right under both."""
    text = "A乙3甲丙甲甲甲2025年3甲122025年乙122025年甲3乙A12123乙丙乙2025年乙A12"  # found by a search
    segments = _plain_segments(body(text), False)
    spans = _spans(segments)
    rooms = _rooms(body(text))
    result = break_lines(text, spans, rooms)
    forced = [ln for ln in result if ln.forced]
    assert forced, "this paragraph has a line the two metrics break differently"
    measure = _Measure(text, with_forced(spans, {ln.start: (ln.end, ln.forced) for ln in forced}))
    for i, ln in enumerate(result[:-1]):
        room = rooms.first if i == 0 else rooms.rest
        for profile in PROFILES:  # the line fits, and the next character overflows, in both
            assert measure.width(profile, ln.start, ln.end) <= room[profile]
            over = measure.overflow(profile, ln.start, room[profile])
            assert adjust(text, ln.start, over) == ln.end
    assert all(0 < ln.forced <= 40 for ln in forced)


def test_forced_lines_are_written_as_runs_of_their_own() -> None:
    text = "甲" * 26 + "，" + "乙" * 30  # the 27th character a comma: the 26th moves down with it
    lay = para_layout(body(text))
    assert lay.lines[0].end == 25 and lay.lines[0].forced  # forced, or Word might let the comma hang
    assert [s.spacing for s in lay.segments][:2] == [-5 + lay.lines[0].forced, -5]
    assert "".join(s.text for s in lay.segments) == text


@pytest.mark.parametrize("n", [1, 27, 28, 53, 400])
def test_every_character_is_on_exactly_one_line(n: int) -> None:
    text = ("推进依法行政2025年完成率98.6%，“三项制度”《行政处罚法》……" * 40)[:n]
    lay = para_layout(body(text))
    assert lay.lines[0].start == 0 and lay.lines[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(lay.lines, lay.lines[1:], strict=False))


def test_rooms_follow_the_indents() -> None:
    rooms = Rooms(dict.fromkeys(PROFILES, ROOM - 31.5), dict.fromkeys(PROFILES, ROOM))
    assert _rooms(body("甲")).rest[LIBREOFFICE] == pytest.approx(rooms.rest[LIBREOFFICE])
    assert _rooms(body("甲")).first[LIBREOFFICE] == pytest.approx(ROOM - 31.5)
    assert _rooms(body("甲")).first[WORD] == pytest.approx(ROOM - 32.0)  # Word's character unit [unverified]
    assert EPS > 0
