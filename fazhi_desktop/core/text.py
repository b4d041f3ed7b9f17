"""Small text helpers shared by every layer: what may enter the report at all."""

from __future__ import annotations

import re

# C0 controls other than tab and newline, DEL, C1 controls, lone surrogates, U+FFFE/U+FFFF:
# characters that XML (and so .docx) forbids and that no clerk means to type.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Invisible characters pasted from web pages and chat apps: zero-width space/no-break, word joiner,
# soft hyphen and the bidi embedding/override/isolate controls (U+200E/F marks too). U+200D (zero-width
# joiner) stays: emoji sequences need it.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Terminal colour codes (ESC [ … m) copied from a console or a log: the ESC alone would leave "[31m".
_ANSI = re.compile("\x1b\\[[0-?]*[ -/]*[@-~]")


def strip_control(text: str) -> str:
    """Remove control and invisible characters; turn \\r\\n and lone \\r into \\n."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", _FORBIDDEN.sub("", _ANSI.sub("", text)))


def has_control(text: str) -> bool:
    """True when :func:`strip_control` would change more than line endings."""
    flat = text.replace("\r", "")
    return bool(_FORBIDDEN.search(flat) or _INVISIBLE.search(flat))
