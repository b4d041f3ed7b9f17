"""What may enter the report: control, invisible and bidi characters go; emoji and rare characters stay."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fazhi_desktop.core.text import has_control, strip_control


def test_controls_and_invisibles_are_removed() -> None:
    dirty = "依\x00法\x1f行\u200b政\ufeff，\u202e反向\u202c\u2066隔离\u2069\r\n下一行\ud800"
    assert strip_control(dirty) == "依法行政，反向隔离\n下一行"
    assert has_control(dirty)


def test_emoji_rare_characters_and_tabs_survive() -> None:
    text = "👨\u200d👩\u200d👧 𠀋𪚥 䶮 \t制表\n换行 ＡＢＣ"
    assert strip_control(text) == text
    assert not has_control(text)


@given(st.text())
def test_idempotent_and_never_adds(text: str) -> None:
    once = strip_control(text)
    assert strip_control(once) == once
    assert len(once) <= len(text)
    assert not has_control(once)


def test_terminal_colour_codes_go_whole() -> None:
    # Dropping only the ESC would leave "[31m" in the report.
    assert strip_control("依法\x1b[31m行政\x1b[0m，\x1b[1;32m推进") == "依法行政，推进"
    assert strip_control("方括号[31m]不是转义") == "方括号[31m]不是转义"
