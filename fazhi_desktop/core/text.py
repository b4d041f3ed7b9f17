"""Small text helpers shared by every layer."""

from __future__ import annotations

import re

# C0 controls other than tab and newline, DEL, C1 controls, lone surrogates, U+FFFE/U+FFFF:
# characters that XML (and so .docx) forbids and that no clerk means to type.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def strip_control(text: str) -> str:
    """Remove control characters; turn \\r\\n and lone \\r into \\n."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _FORBIDDEN.sub("", text)


def has_control(text: str) -> bool:
    return bool(_FORBIDDEN.search(text.replace("\r", "")))
