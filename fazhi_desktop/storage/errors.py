"""The storage error base class, importable without loading SQLite (the command line starts faster)."""

from __future__ import annotations


class StorageError(Exception):
    """A problem with the data file; ``str()`` is a Chinese message for the user."""
