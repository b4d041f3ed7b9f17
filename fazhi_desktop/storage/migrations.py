"""Schema migrations. Append-only: never edit a migration that has shipped; add a new one.

Each migration is frozen in time, so it spells out its columns instead of reading core.schema;
``tests/storage/test_migrations.py`` checks that every field in core.schema has its column.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from fazhi_desktop.storage.connection import Db

if TYPE_CHECKING:
    from sqlite_utils import Database

SET_NAME = "fazhi_desktop"  # the migration set's name in sqlite-utils' _sqlite_migrations table
TABLE = "_sqlite_migrations"
_steps: list[Callable[[Database], None]] = []


def _migration(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    _steps.append(fn)
    return fn


@_migration
def m001_units_reports_outline(db: Database) -> None:
    db.execute(
        """
        CREATE TABLE units (
            id INTEGER PRIMARY KEY,
            short_name TEXT NOT NULL UNIQUE,
            full_name TEXT NOT NULL DEFAULT '',
            party_name TEXT NOT NULL DEFAULT '',
            default_addressee TEXT NOT NULL DEFAULT '',
            default_cc TEXT NOT NULL DEFAULT ''
        ) STRICT
        """
    )
    db.execute(
        """
        CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            unit_id INTEGER NOT NULL REFERENCES units(id),
            year INTEGER NOT NULL,
            title_override TEXT NOT NULL DEFAULT '',
            addressee TEXT NOT NULL DEFAULT '',
            opening TEXT NOT NULL DEFAULT '',
            closing TEXT NOT NULL DEFAULT '',
            number_chapters INTEGER NOT NULL DEFAULT 1,
            signatories TEXT NOT NULL DEFAULT '[]',
            date TEXT,
            seal TEXT NOT NULL DEFAULT 'sealed',
            issuer_mark TEXT NOT NULL DEFAULT '',
            doc_number TEXT NOT NULL DEFAULT '',
            signer TEXT NOT NULL DEFAULT '',
            imprint_cc TEXT NOT NULL DEFAULT '',
            imprint_printer TEXT NOT NULL DEFAULT '',
            imprint_date TEXT,
            status TEXT NOT NULL DEFAULT '草稿',
            status_dates TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (unit_id, year)
        ) STRICT
        """
    )
    db.execute(
        """
        CREATE TABLE chapters (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            role TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            lead TEXT NOT NULL DEFAULT ''
        ) STRICT
        """
    )
    db.execute(
        """
        CREATE TABLE blocks (
            id INTEGER PRIMARY KEY,
            chapter_id INTEGER NOT NULL REFERENCES chapters(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL,
            heading TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            run_in INTEGER NOT NULL DEFAULT 0,
            internal INTEGER NOT NULL DEFAULT 0
        ) STRICT
        """
    )


@_migration
def m002_indexes_and_meta(db: Database) -> None:
    """Indexes for loading a report's outline, and a key/value table for per-file settings
    (e.g. the report opened last)."""
    db.execute("CREATE INDEX idx_chapters_report ON chapters (report_id, position)")
    db.execute("CREATE INDEX idx_blocks_chapter ON blocks (chapter_id, position)")
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT")


@_migration
def m003_indicators(db: Database) -> None:
    """数据指标: the values per report (a row per selected indicator) and each unit's own indicators."""
    db.execute(
        """
        CREATE TABLE indicator_values (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            position INTEGER NOT NULL,
            value TEXT,
            state TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            UNIQUE (report_id, key)
        ) STRICT
        """
    )
    db.execute(
        """
        CREATE TABLE custom_indicators (
            id INTEGER PRIMARY KEY,
            unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            label TEXT NOT NULL,
            unit TEXT NOT NULL,
            grp TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'count',
            UNIQUE (unit_id, key)
        ) STRICT
        """
    )


@_migration
def m004_report_note(db: Database) -> None:
    """附注 (GB/T 9704 7.3.6): the bracketed line under the 成文日期."""
    db.execute("ALTER TABLE reports ADD COLUMN note TEXT NOT NULL DEFAULT ''")


@_migration
def m005_county_units_roster_submissions(db: Database) -> None:
    """The county office's side: each unit's kind (inferred here from the name, as it was written when
    this migration shipped), the roster of units expected to report, every file received from a unit
    (kept as it arrived), and a cache of each report's status figures for the 汇总 board."""
    db.execute("ALTER TABLE units ADD COLUMN kind TEXT NOT NULL DEFAULT '乡镇'")
    db.execute("ALTER TABLE units ADD COLUMN roster_position INTEGER")
    db.execute(
        """
        UPDATE units SET kind = CASE
            WHEN short_name LIKE '%街道' OR short_name LIKE '%街道办事处' THEN '街道'
            WHEN short_name LIKE '%镇' OR short_name LIKE '%乡' OR short_name LIKE '%苏木' THEN '乡镇'
            WHEN short_name GLOB '*[局委办院所队署部会站室]' OR short_name LIKE '%中心'
                 OR short_name LIKE '%园区' OR short_name LIKE '%开发区' THEN '县级部门'
            WHEN short_name GLOB '*[县区旗]' OR short_name LIKE '%市' THEN '县政府'
            ELSE '乡镇' END
        """
    )
    db.execute(
        """
        CREATE TABLE submissions (
            id INTEGER PRIMARY KEY,
            unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
            year INTEGER NOT NULL,
            report_id INTEGER REFERENCES reports(id) ON DELETE SET NULL,
            received_on TEXT NOT NULL,
            collected_at TEXT NOT NULL,
            file_name TEXT NOT NULL,
            file_kind TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            content BLOB NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        ) STRICT
        """
    )
    db.execute("CREATE INDEX idx_submissions_unit_year ON submissions (unit_id, year)")
    db.execute("CREATE INDEX idx_submissions_sha256 ON submissions (sha256)")
    db.execute(
        """
        CREATE TABLE report_metrics (
            report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
            fingerprint TEXT NOT NULL,
            data TEXT NOT NULL
        ) STRICT
        """
    )


def known_names() -> list[str]:
    return [fn.__name__ for fn in _steps]


def schema_version() -> int:
    """The schema version this program writes: the number of migrations it knows (``user_version``)."""
    return len(_steps)


def applied_names(db: Db) -> list[str]:
    """Names of the migrations recorded in the file, in the order they ran (plain SQL: no sqlite-utils)."""
    if TABLE not in db.table_names():
        return []
    return [r["name"] for r in db.query(f"SELECT name FROM {TABLE} WHERE migration_set = ? ORDER BY rowid",
                                        [SET_NAME])]


def unknown_names(db: Db) -> list[str]:
    """Applied migrations this version does not know: the file comes from a newer version."""
    known = set(known_names())
    return [name for name in applied_names(db) if name not in known]


def pending_names(db: Db) -> list[str]:
    done = set(applied_names(db))
    return [name for name in known_names() if name not in done]


def _versioned(fn: Callable[[Database], None], version: int) -> Callable[[Database], None]:
    """``fn``, then ``user_version = version`` in the same transaction (the file's schema version)."""
    def step(db: Database) -> None:
        fn(db)
        db.execute(f"PRAGMA user_version = {version}")

    step.__name__ = fn.__name__
    return step


def apply(db: Db, *, stop_before: str | None = None) -> None:
    """Run the pending migrations with sqlite-utils, each in a transaction with its record and the
    new schema version."""
    if not pending_names(db):
        return
    from sqlite_utils import Migrations

    migrations = Migrations(SET_NAME)
    for version, fn in enumerate(_steps, start=1):
        migrations(name=fn.__name__)(_versioned(fn, version))
    migrations.apply(db.utils, stop_before=stop_before)
