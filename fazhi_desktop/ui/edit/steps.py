"""Where one undo step ends and the next begins, for changes made in the text fields.

Typing in one field is recorded change by change and merged into one undo step until a step ends:
another field, a sentence or paragraph end (。！？ or Enter), or an edit that must be a step of its own.
Code that changes a field's text on the clerk's behalf says so before it does:

    steps.own_step()          # the next text change is one undo step by itself (a paste, 插入数据)
    with steps.one_step():    # every change recorded inside is one undo step (several fields at once)
        ...

(A cleaned paste that must be undoable back to the raw paste calls ``own_step()`` before inserting the
raw text and again before replacing it with the cleaned text: two steps.) Qt-free; module state,
because the text widgets cannot see the window's history.
"""

from __future__ import annotations

import contextlib
from collections.abc import Hashable, Iterator

SENTENCE_ENDS = ("。", "！", "？", "\n")

_serial = 0
_own = False
_group: int | None = None


def _bump() -> int:
    global _serial
    _serial += 1
    return _serial


def own_step() -> None:
    """The next recorded text change becomes an undo step of its own (nothing merges into it)."""
    global _own
    _own = True
    _bump()


def end_step() -> None:
    """Whatever is recorded next starts a new undo step."""
    _bump()


@contextlib.contextmanager
def one_step() -> Iterator[None]:
    """Every change recorded inside the block is one undo step (nested blocks join the outer one)."""
    global _group
    if _group is not None:
        yield
        return
    _group = _bump()
    try:
        yield
    finally:
        _group = None
        _bump()


def token_for(place: Hashable, inserted: str = "") -> Hashable:
    """The merge token of a change to ``place`` that inserted ``inserted``: changes merge into one undo
    step exactly when their tokens are equal."""
    global _own
    if _group is not None:
        return ("group", _group)
    token = ("typing", _serial, place)
    if _own:
        _own = False
        _bump()  # what follows is another step
    elif inserted.endswith(SENTENCE_ENDS):
        _bump()  # a finished sentence or paragraph is a step
    return token
