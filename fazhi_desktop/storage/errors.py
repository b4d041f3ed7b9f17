"""The storage errors, importable without loading SQLite (the command line starts faster).

Each kind has its own class so that the window and the command line can say exactly what happened —
and so that 从备份恢复 is offered only for :class:`CorruptDatabaseError`, when SQLite's own integrity
check found damage, never for a full disk, a locked or read-only file, or a file that is not ours.
"""

from __future__ import annotations


class StorageError(Exception):
    """A problem with the data file; ``str()`` is a Chinese message for the user."""


class DiskFullError(StorageError):
    """The disk holding the data file (or the target) is full; nothing was half-written."""


class ReadOnlyError(StorageError):
    """The data file or its folder cannot be written (write-protected U盘, CD, share without rights)."""


class PermissionDeniedError(StorageError):
    """The operating system refuses to let this user read or write the file."""


class DiskIOError(StorageError):
    """The disk reported a read/write error (a U盘 pulled out, a failing disk)."""


class BusyError(StorageError):
    """Another program is reading or writing the file this instant (try again in a moment)."""


class NotADatabaseError(StorageError):
    """The file cannot be used as our data file (the base of the two cases below)."""


class NotOursError(NotADatabaseError):
    """A file that is not one of our data files (another program's database, a document …); never changed."""


class CorruptDatabaseError(NotADatabaseError):
    """Our data file, damaged: SQLite's integrity check fails. Restoring a backup is offered for this only."""


class SchemaTooNewError(StorageError):
    """The file was written by a newer version of the program."""
