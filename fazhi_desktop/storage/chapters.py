"""Chapters and blocks of a report: loading them and writing outline changes back."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from fazhi_desktop.core import outline
from fazhi_desktop.core.model import Block, Chapter, ChapterRole
from fazhi_desktop.core.text import strip_control
from fazhi_desktop.storage import mapping
from fazhi_desktop.storage.connection import Db
from fazhi_desktop.storage.database import StorageError


class NotFoundError(StorageError):
    """A unit, report, chapter or block that does not exist."""


_TABLE_LABELS = {"reports": "报告", "chapters": "章节", "blocks": "条目", "units": "单位"}


class WriteError(StorageError):
    """A save that SQLite refused (disk full, read-only folder, I/O error); nothing was half-written."""


def _write_error(exc: sqlite3.Error, db: Db) -> WriteError:
    from fazhi_desktop.storage import faults

    error = faults.from_sqlite(exc, db.path)
    reason = {"DiskFullError": "磁盘空间已满", "ReadOnlyError": "数据文件或所在文件夹是只读的",
              "PermissionDeniedError": "没有写入数据文件的权限", "DiskIOError": "磁盘读写出错（U盘是否已拔出？）",
              "CorruptDatabaseError": "数据文件已损坏", "BusyError": "数据文件正被另一个程序占用"}.get(
                  type(error).__name__, "写入出错")
    return WriteError(f"保存失败：{reason}。刚才的修改没有写入，已保存的内容完好；请处理后重试。")


class ChapterStore:
    """The chapter and block half of the repository (see ReportStore)."""

    def __init__(self, db: Db) -> None:
        self.db = db

    @contextlib.contextmanager
    def _tx(self) -> Iterator[None]:
        """One short transaction; SQLite write failures become a Chinese :class:`WriteError`.

        Nested calls become savepoints of the outer transaction: several writes wrapped in one
        ``transaction()`` are stored all together or not at all."""
        try:
            with self.db.atomic():
                yield
        except sqlite3.IntegrityError:
            raise
        except sqlite3.DatabaseError as exc:
            raise _write_error(exc, self.db) from exc

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        """Several writes as one: all stored, or (on any error, or a kill) none."""
        return self._tx()

    def _require(self, table: str, row_id: int) -> dict[str, Any]:
        rows = self.db.select(table, "id = ?", [row_id])
        if not rows:
            raise NotFoundError(f"找不到{_TABLE_LABELS[table]}（编号 {row_id}）")
        return rows[0]

    def _touch_report_of_chapter(self, chapter_id: int) -> None:
        self.db.execute(
            "UPDATE reports SET updated_at = datetime('now', 'localtime') "
            "WHERE id = (SELECT report_id FROM chapters WHERE id = ?)",
            [chapter_id],
        )

    # --- chapters ----------------------------------------------------------------------------
    def _insert_chapter(self, report_id: int, position: int, chapter: Chapter, same_ids: bool = False) -> int:
        """Insert ``chapter`` with its blocks (``same_ids``: under the ids they carry — undo puts back)."""
        row = {"report_id": report_id, "position": position, "role": chapter.role.value,
               "title": strip_control(chapter.title), "lead": strip_control(chapter.lead)}
        if same_ids and chapter.id is not None:
            row["id"] = chapter.id
        self.db.table("chapters").insert(row)
        chapter_id = int(self.db.execute("SELECT last_insert_rowid()").fetchone()[0])
        for pos, block in enumerate(chapter.blocks):
            self._insert_block(chapter_id, pos, block, block.id if same_ids else None)
        return chapter_id

    def load_chapters(self, report_id: int) -> list[Chapter]:
        rows = self.db.select("chapters", "report_id = ?", [report_id], order_by="position")
        return [mapping.chapter_from_row(r, self.load_blocks(r["id"])) for r in rows]

    def load_chapter(self, chapter_id: int) -> Chapter:
        return mapping.chapter_from_row(self._require("chapters", chapter_id), self.load_blocks(chapter_id))

    def _chapter_ids(self, report_id: int) -> list[int]:
        rows = self.db.select("chapters", "report_id = ?", [report_id], order_by="position")
        return [r["id"] for r in rows]

    def _renumber_chapters(self, ids: Sequence[int]) -> None:
        for position, chapter_id in enumerate(ids):
            self.db.table("chapters").update(chapter_id, {"position": position})

    def add_chapter(self, report_id: int, chapter: Chapter, index: int | None = None) -> Chapter:
        """Insert ``chapter`` at ``index`` (default: at the end); returns it with ids."""
        with self._tx():
            self._require("reports", report_id)
            ids = self._chapter_ids(report_id)
            at = len(ids) if index is None else max(0, min(index, len(ids)))
            new_id = self._insert_chapter(report_id, at, chapter)
            self._renumber_chapters([*ids[:at], new_id, *ids[at:]])
        return self.load_chapter(new_id)

    def apply_chapters(self, report_id: int, chapters: Sequence[Chapter]) -> list[Chapter]:
        """Make the report's chapters ``chapters``, in that order, in one transaction: chapters without
        an id are added, absent ones deleted, kept ones moved (and their title, lead and role set); a
        chapter whose id is stored nowhere (deleted, and undo puts it back) returns with its blocks
        under their old ids. Returns the chapters as stored."""
        with self._tx():
            self._require("reports", report_id)
            stored = set(self._chapter_ids(report_id))
            keep = {c.id for c in chapters if c.id is not None}
            returning = keep - stored
            if returning and self.db.execute(
                    f"SELECT 1 FROM chapters WHERE id IN ({','.join('?' * len(returning))})",
                    sorted(returning)).fetchone():
                raise NotFoundError("章节不属于这份报告")
            for gone in stored - keep:
                self.db.table("chapters").delete(gone)
            ids: list[int] = []
            for position, chapter in enumerate(chapters):
                if chapter.id is None or chapter.id in returning:
                    ids.append(self._insert_chapter(report_id, position, chapter, same_ids=True))
                else:
                    self.db.table("chapters").update(chapter.id, {
                        "position": position, "role": chapter.role.value,
                        "title": strip_control(chapter.title), "lead": strip_control(chapter.lead)})
                    ids.append(chapter.id)
            self._renumber_chapters(ids)
            self.db.execute("UPDATE reports SET updated_at = datetime('now', 'localtime') WHERE id = ?",
                            [report_id])
        return self.load_chapters(report_id)

    def update_chapter(self, chapter_id: int, *, title: str | None = None, lead: str | None = None,
                       role: ChapterRole | None = None) -> None:
        changes: dict[str, Any] = {}
        if title is not None:
            changes["title"] = strip_control(title)
        if lead is not None:
            changes["lead"] = strip_control(lead)
        if role is not None:
            changes["role"] = role.value
        with self._tx():
            self._require("chapters", chapter_id)
            if changes:
                self.db.table("chapters").update(chapter_id, changes)
                self._touch_report_of_chapter(chapter_id)

    def move_chapter(self, chapter_id: int, index: int) -> None:
        """Move the chapter to position ``index`` among its report's chapters."""
        with self._tx():
            report_id = self._require("chapters", chapter_id)["report_id"]
            ids = [i for i in self._chapter_ids(report_id) if i != chapter_id]
            at = max(0, min(index, len(ids)))
            self._renumber_chapters([*ids[:at], chapter_id, *ids[at:]])
            self._touch_report_of_chapter(chapter_id)

    def delete_chapter(self, chapter_id: int) -> None:
        with self._tx():
            report_id = self._require("chapters", chapter_id)["report_id"]
            self._touch_report_of_chapter(chapter_id)
            self.db.table("chapters").delete(chapter_id)
            self._renumber_chapters(self._chapter_ids(report_id))

    # --- blocks ------------------------------------------------------------------------------
    def _insert_block(self, chapter_id: int, position: int, block: Block, block_id: int | None = None) -> int:
        columns = mapping.block_columns(block)
        columns["heading"] = strip_control(columns["heading"])
        columns["body"] = strip_control(columns["body"])
        row = {"chapter_id": chapter_id, "position": position, **columns}
        if block_id is not None:
            row["id"] = block_id
        self.db.table("blocks").insert(row)
        return int(self.db.execute("SELECT last_insert_rowid()").fetchone()[0])

    def load_blocks(self, chapter_id: int) -> tuple[Block, ...]:
        rows = self.db.select("blocks", "chapter_id = ?", [chapter_id], order_by="position")
        return tuple(mapping.block_from_row(r) for r in rows)

    def update_block(self, block_id: int, **changes: Any) -> None:
        """Change ``heading``, ``body``, ``run_in`` or ``internal`` of one block."""
        allowed = {"heading", "body", "run_in", "internal"}
        if not set(changes) <= allowed:
            raise ValueError(f"unknown block fields: {set(changes) - allowed}")
        columns = {k: strip_control(v) if isinstance(v, str) else int(v) for k, v in changes.items()}
        with self._tx():
            row = self._require("blocks", block_id)
            self.db.table("blocks").update(block_id, columns)
            self._touch_report_of_chapter(row["chapter_id"])

    def apply_outline(self, chapter_id: int, blocks: Sequence[Block]) -> tuple[Block, ...]:
        """Make the chapter's stored outline equal to ``blocks`` in one transaction.

        Blocks with an id are updated and repositioned, blocks without one are inserted, stored
        blocks that are absent are deleted. A block whose id is stored nowhere (it was deleted, and
        undo puts it back) is inserted again under that id, so what refers to it stays right.
        Returns the outline as stored (with new ids).
        """
        with self._tx():
            self._require("chapters", chapter_id)
            stored = {b.id for b in self.load_blocks(chapter_id)}
            keep = {b.id for b in blocks if b.id is not None}
            returning = keep - stored
            if returning and self.db.execute(
                    f"SELECT 1 FROM blocks WHERE id IN ({','.join('?' * len(returning))})",
                    sorted(returning)).fetchone():
                raise NotFoundError("条目不属于这一章")
            for gone in stored - keep:
                if gone is not None:
                    self.db.table("blocks").delete(gone)
            for position, block in enumerate(blocks):
                if block.id is None or block.id in returning:
                    self._insert_block(chapter_id, position, block, block.id)
                else:
                    columns = mapping.block_columns(block)
                    columns["heading"] = strip_control(columns["heading"])
                    columns["body"] = strip_control(columns["body"])
                    self.db.table("blocks").update(block.id, {"position": position, **columns})
            self._touch_report_of_chapter(chapter_id)
        return self.load_blocks(chapter_id)

    def edit_outline(self, chapter_id: int, operation: Callable[[tuple[Block, ...]], Sequence[Block]]
                     ) -> tuple[Block, ...]:
        """Apply a core.outline operation to the stored outline, e.g.
        ``store.edit_outline(cid, lambda bs: outline.delete(bs, 2))``."""
        return self.apply_outline(chapter_id, operation(self.load_blocks(chapter_id)))

    def insert_block(self, chapter_id: int, index: int, block: Block) -> Block:
        """Insert ``block`` at position ``index``; returns it with its id."""
        stored = self.edit_outline(chapter_id, lambda bs: outline.insert(bs, index, block))
        return stored[index]
