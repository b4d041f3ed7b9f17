"""Backups: consistent copies, rotation, listing, restore; damaged files are never used or changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fazhi_desktop.core.model import Report
from fazhi_desktop.storage import backups
from fazhi_desktop.storage.database import CorruptDatabaseError, StorageError, open_database
from fazhi_desktop.storage.repository import ReportStore


def test_backup_is_a_consistent_copy(store: ReportStore, stored_demo: Report, db_path: Path) -> None:
    copy = backups.make_backup(store.db, db_path, "启动")
    assert copy.parent == db_path.parent / "backups" and copy.name.endswith("-启动.db")
    other = ReportStore(open_database(copy, journal="delete"))
    assert other.load_report(stored_demo.id or 0) == stored_demo
    other.db.close()
    listed = backups.list_backups(copy.parent)
    assert [(b.path, b.reason, b.report_count) for b in listed] == [(copy, "启动", 1)]


def test_two_backups_in_the_same_second_do_not_collide(store: ReportStore, db_path: Path) -> None:
    now = dt.datetime(2026, 1, 5, 9, 0, 0)
    first = backups.make_backup(store.db, db_path, "启动", now=now)
    second = backups.make_backup(store.db, db_path, "启动", now=now)
    assert first != second and first.exists() and second.exists()


def test_rotation_keeps_last_ten_and_one_per_week(tmp_path: Path) -> None:
    now = dt.datetime(2026, 3, 1, 12, 0, 0)
    for day in range(70):  # one backup a day for 10 weeks
        stamp = (now - dt.timedelta(days=day)).strftime("%Y%m%d-%H%M%S")
        (tmp_path / f"fazhi-{stamp}-启动.db").write_bytes(b"x")
    (tmp_path / "my-own-file.db").write_bytes(b"keep me")
    deleted = backups.rotate(tmp_path, now=now)
    left = sorted(p.name for p in tmp_path.glob("fazhi-*.db"))
    assert len(left) == 10 + 6  # the newest 10 cover weeks 0 and 1; weeks 2–7 keep one each
    assert len(deleted) == 70 - len(left)
    assert (tmp_path / "my-own-file.db").exists()
    oldest_kept = min(backups._created(tmp_path / n) for n in left)  # type: ignore[type-var]
    assert (now - oldest_kept).days < 8 * 7


def test_daily_backup_due(store: ReportStore, db_path: Path) -> None:
    folder = db_path.parent / "backups"
    assert backups.daily_backup_due(folder)
    backups.make_backup(store.db, db_path, "启动")
    assert not backups.daily_backup_due(folder)
    assert backups.daily_backup_due(folder, today=dt.date.today() + dt.timedelta(days=1))


def test_daily_backup_check_reads_names_only(store: ReportStore, db_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Every start asks whether today's backup exists; it must not open and check the up to 18 copies."""
    folder = db_path.parent / "backups"
    for day in range(1, 15):
        backups.make_backup(store.db, db_path, "启动", now=dt.datetime.now() - dt.timedelta(days=day))
    (folder / "damaged-today.db").write_bytes(b"not ours")  # a name that is not ours does not count
    monkeypatch.setattr(backups, "_report_count", lambda _p: pytest.fail("a backup was opened"))
    assert backups.daily_backup_due(folder)
    backups.make_backup(store.db, db_path, "启动")
    assert not backups.daily_backup_due(folder)


def test_restore_backs_up_the_current_state_first(store: ReportStore, stored_demo: Report, db_path: Path) -> None:
    good = backups.make_backup(store.db, db_path, "手动")
    assert stored_demo.id is not None
    store.delete_report(stored_demo.id)
    assert store.list_reports() == []
    safety = backups.restore(store.db, db_path, good)
    assert [s.unit for s in store.list_reports()] == ["示例镇"]
    assert backups._report_count(safety) == 0  # the state before the restore is kept too


def test_damaged_backup_is_refused(store: ReportStore, stored_demo: Report, db_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "fazhi-20260101-000000-手动.db"
    bad.write_bytes(b"garbage" * 1000)
    with pytest.raises(StorageError, match="已损坏"):
        backups.restore(store.db, db_path, bad)
    assert len(store.list_reports()) == 1
    assert not backups.list_backups(tmp_path)[0].ok


def test_backup_to_unwritable_folder_gives_a_message(store: ReportStore, db_path: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(StorageError, match="备份失败"):
        backups.make_backup(store.db, db_path, "手动", folder=blocker)


def test_corrupt_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "fazhi.db"
    db = open_database(path, journal="delete")
    store = ReportStore(db)
    from fazhi_desktop.core.templates import new_report

    store.create_report(new_report(store.ensure_unit("千佛镇"), 2021))
    db.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(2 * page, min(len(data), 6 * page)):  # scribble over table pages, keep the header
        data[offset] = 0x5A
    path.write_bytes(bytes(data))
    with pytest.raises((CorruptDatabaseError, StorageError)) as info:
        open_database(path, journal="delete")
    assert "损坏" in str(info.value) or "不是本程序的数据文件" in str(info.value)
    assert path.read_bytes() == bytes(data)


def test_every_kind_of_automatic_backup_is_listed(store: ReportStore, stored_demo: Report, db_path: Path) -> None:
    """Backups made before a migration or an import replacement show in the restore list too."""
    from fazhi_desktop.storage.database import backup_dir_for, backup_to
    from fazhi_desktop.storage.replace import backup_path_for

    backup_to(store.db, backup_path_for(db_path))
    backup_to(store.db, backup_dir_for(db_path) / f"{db_path.stem}-20260101-080000-升级前.db")
    reasons = sorted(b.reason for b in backups.list_backups(backup_dir_for(db_path)))
    assert reasons == ["升级前", "导入替换前"]


def test_damaged_file_is_set_aside_and_the_newest_good_backup_restored(tmp_path: Path) -> None:
    from fazhi_desktop.core.templates import new_report

    path = tmp_path / "fazhi.db"
    store = ReportStore(open_database(path, journal="delete"))
    store.create_report(new_report(store.ensure_unit("千佛镇"), 2021))
    backups.make_backup(store.db, path, "启动", now=dt.datetime(2026, 1, 1, 8))
    store.create_report(new_report(store.ensure_unit("千佛镇"), 2022))
    backups.make_backup(store.db, path, "退出", now=dt.datetime(2026, 1, 2, 8))
    store.db.close()
    (tmp_path / "backups" / "fazhi-20260103-080000-退出.db").write_bytes(b"damaged backup" * 100)
    path.write_bytes(b"\x00" * 8192)  # the data file itself is damaged

    aside, used = backups.recover_from_backup(path, now=dt.datetime(2026, 1, 4, 9))
    assert used.reason == "退出" and used.created == dt.datetime(2026, 1, 2, 8)  # the damaged newer one skipped
    assert aside.name == "fazhi.db.损坏-20260104-090000" and aside.read_bytes() == b"\x00" * 8192
    recovered = ReportStore(open_database(path, journal="delete"))
    assert [s.year for s in recovered.list_reports()] == [2022, 2021]
    recovered.db.close()


def test_no_good_backup_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "fazhi.db"
    path.write_bytes(b"\x00" * 8192)
    with pytest.raises(StorageError, match="没有找到可用的备份"):
        backups.recover_from_backup(path)
    assert path.read_bytes() == b"\x00" * 8192


def test_replace_chapters_keeps_the_report_fields(store: ReportStore, stored_demo: Report, db_path: Path) -> None:
    from fazhi_desktop.core.model import Chapter, ChapterRole
    from fazhi_desktop.storage.replace import backup_path_for, replace_chapters

    assert stored_demo.id is not None
    new = (Chapter(role=ChapterRole.MEASURES, title="导入的第一章"),)
    replaced = replace_chapters(store, stored_demo.id, new, backup_path_for(db_path))
    assert [c.title for c in replaced.chapters] == ["导入的第一章"]
    assert (replaced.date, replaced.signatories, replaced.opening) == (
        stored_demo.date, stored_demo.signatories, stored_demo.opening)
    assert [b.reason for b in backups.list_backups(db_path.parent / "backups")] == ["导入替换前"]


def test_backup_from_a_newer_version_is_refused(store: ReportStore, stored_demo: Report, db_path: Path) -> None:
    newer = backups.make_backup(store.db, db_path, "手动")
    other = open_database(newer, journal="delete")
    other.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                  "VALUES ('fazhi_desktop', 'm999_from_the_future', '2030-01-01')")
    other.close()
    with pytest.raises(StorageError, match="更新版本"):
        backups.restore(store.db, db_path, newer)
    assert store.load_report(stored_demo.id or 0) == stored_demo
