"""Opening a data file that another PC holds, or that is damaged: the clerk is asked, nothing is lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fazhi_desktop.core.templates import new_report
from fazhi_desktop.storage import backups
from fazhi_desktop.storage.database import open_database
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.window.launcher import open_or_recover
from tests.lock_holder import held_lock


def _data_file(path: Path) -> None:
    store = ReportStore(open_database(path, journal="delete"))
    store.create_report(new_report(store.ensure_unit("千佛镇"), 2021))
    backups.make_backup(store.db, path, "退出")
    store.db.close()


def test_locked_by_another_pc_opens_read_only_when_the_clerk_agrees(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "fazhi.db"
    _data_file(path)
    with held_lock(path, host="XZ-PC-02"):
        asked: list[str] = []
        monkeypatch.setattr(Dialogs, "confirm", staticmethod(lambda parent, title, text: asked.append(text) or False))
        assert open_or_recover(path) is None
        assert "XZ-PC-02" in asked[0] and "只读" in asked[0]
        monkeypatch.setattr(Dialogs, "confirm", staticmethod(lambda *a: True))
        session = open_or_recover(path)
        assert session is not None and session.read_only
        assert [s.year for s in session.store.list_reports()] == [2021]
        session.close()
        assert json.loads(path.with_name("fazhi.db.lock").read_text())["host"] == "XZ-PC-02"  # their lock stays


def test_damaged_file_is_recovered_from_the_newest_good_backup(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "fazhi.db"
    _data_file(path)
    path.write_bytes(b"\x00" * 8192)
    monkeypatch.setattr(Dialogs, "confirm", staticmethod(lambda *a: True))
    told: list[str] = []
    monkeypatch.setattr(Dialogs, "inform", staticmethod(lambda parent, title, text: told.append(text)))
    session = open_or_recover(path)
    assert session is not None and not session.read_only
    assert [s.year for s in session.store.list_reports()] == [2021]
    session.close(backup=False)
    kept = list(tmp_path.glob("fazhi.db.损坏-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == b"\x00" * 8192 and "损坏的文件保留为" in told[0]


def test_declining_recovery_leaves_the_damaged_file_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "fazhi.db"
    path.write_bytes(b"\x00" * 8192)
    monkeypatch.setattr(Dialogs, "confirm", staticmethod(lambda *a: False))
    assert open_or_recover(path) is None
    assert path.read_bytes() == b"\x00" * 8192 and not list(tmp_path.glob("*.损坏-*"))
