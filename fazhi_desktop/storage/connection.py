"""The open data file: a sqlite3 connection, with sqlite-utils loaded on the first table write.

Reading a report (the CLI's export/check/list, the window's start-up) needs only plain SQL, and
importing sqlite-utils costs about 50 ms (it pulls in click, dateutil and pluggy) — as much as
python-docx itself. So reads, single statements and transactions run on the connection directly,
with the same semantics as ``sqlite_utils.Database`` (a write outside a transaction commits at once;
``atomic`` nests with savepoints); ``table()`` — inserts, updates, deletes, upserts — and the
migrations hand the same connection to sqlite-utils, imported when first needed.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.db import Table

Params = Sequence[Any] | dict[str, Any]
_savepoints = itertools.count(1)


class Db:
    """One SQLite connection and the helpers the repository uses on it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._utils: Database | None = None

    @classmethod
    def memory(cls) -> Db:
        return cls(sqlite3.connect(":memory:"))

    @property
    def path(self) -> Path:
        """The file of the main database ("." for an in-memory one)."""
        try:
            return Path(self.conn.execute("PRAGMA database_list").fetchone()[2] or ".")
        except sqlite3.Error:
            return Path(".")

    @property
    def utils(self) -> Database:
        """sqlite-utils on this connection (imported on first use; its plugins are never run)."""
        if self._utils is None:
            from sqlite_utils import Database

            self._utils = Database(self.conn, execute_plugins=False, recursive_triggers=False)
        return self._utils

    # --- plain SQL -----------------------------------------------------------------------------
    def execute(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        """Run one statement. A write outside a transaction is committed at once (as in sqlite-utils)."""
        was_in_transaction = self.conn.in_transaction
        try:
            cursor = self.conn.execute(sql, params)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if not was_in_transaction and self.conn.in_transaction and cursor.description is None:
            self.conn.execute("COMMIT")
        return cursor

    def query(self, sql: str, params: Params = ()) -> Iterator[dict[str, Any]]:
        """The rows of a SELECT as dicts keyed by column name."""
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    def select(self, table: str, where: str | None = None, params: Params = (),
               order_by: str | None = None) -> list[dict[str, Any]]:
        """``SELECT * FROM table [WHERE where] [ORDER BY order_by]`` (table and clauses are ours, never user text)."""
        sql = f'SELECT * FROM "{table}"'
        if where:
            sql += f" WHERE {where}"
        if order_by:
            sql += f" ORDER BY {order_by}"
        return list(self.query(sql, params))

    def table_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction; nested blocks become savepoints (as ``sqlite_utils.Database.atomic``)."""
        if self.conn.in_transaction:
            savepoint = f"fazhi_{next(_savepoints)}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN")
        try:
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    # --- writes through sqlite-utils -----------------------------------------------------------
    def table(self, name: str) -> Table:
        return self.utils.table(name)

    def snapshot(self) -> bytes:
        """The whole database as one consistent file image (for a diagnostics zip), read, never copied raw."""
        return bytes(self.conn.serialize())

    def close(self) -> None:
        self.conn.close()
