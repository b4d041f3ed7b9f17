"""Warnings of the storage layer for the log file, with :mod:`logging` loaded only when one is written:
a command that writes none (nearly all) does not pay for importing it (logging, traceback and textwrap,
~5 ms of every command's start).

The command line keeps these warnings off its stderr (they are in English and meant for the log):
:func:`quiet` says so, and it is applied when the first warning is written."""

from __future__ import annotations

_quiet = False


def quiet() -> None:
    """Warnings go nowhere unless logging was set up (the command line: no handler, no stderr)."""
    global _quiet
    _quiet = True


def warning(name: str, message: str, *args: object, exc_info: bool = False) -> None:
    """``logging.getLogger(name).warning(message, *args)`` (call inside ``except`` for ``exc_info``)."""
    import logging

    if _quiet:
        package = logging.getLogger("fazhi_desktop")
        if not logging.getLogger().handlers and not package.handlers:
            package.addHandler(logging.NullHandler())
            package.propagate = False
    logging.getLogger(name).warning(message, *args, exc_info=exc_info)
