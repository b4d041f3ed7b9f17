"""Writing the file: temp file + os.replace; a file open in Word/WPS is never damaged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fazhi_desktop.core.model import Report
from fazhi_desktop.export import ExportError, TargetLockedError, export_docx
from fazhi_desktop.export.atomic import free_name, write_atomic
from tests.export.reports import long_report


def test_a_locked_target_keeps_the_old_file_and_suggests_a_free_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"the version the clerk has open in WPS")
    (tmp_path / "报告(2).docx").write_bytes(b"taken")

    def refuse(src: str, dst: str) -> None:  # what Windows does while Word/WPS holds the file
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(TargetLockedError) as info:
        export_docx(long_report(), target)
    assert target.read_bytes() == b"the version the clerk has open in WPS"
    assert info.value.suggestion == tmp_path / "报告(3).docx"
    assert "文件正被打开" in str(info.value) and "报告(3).docx" in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告(2).docx", "报告.docx"]  # no temp left


def test_overwrites_an_existing_file_in_one_step(tmp_path: Path) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old")
    export_docx(long_report(), target)
    assert target.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.docx"]


def test_a_failing_write_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old")

    def disk_full(tmp: Path) -> None:
        tmp.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="无法写入文件"):
        write_atomic(target, disk_full)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["报告.docx"]


def test_missing_folder_and_directory_target(tmp_path: Path, demo_report: Report) -> None:
    with pytest.raises(ExportError, match="文件夹不存在"):
        export_docx(demo_report, tmp_path / "没有" / "报告.docx")
    (tmp_path / "目录.docx").mkdir()
    with pytest.raises(ExportError):
        export_docx(demo_report, tmp_path / "目录.docx")


def test_a_folder_without_write_permission(tmp_path: Path, demo_report: Report,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError, match="没有权限"):
        export_docx(demo_report, tmp_path / "报告.docx")
    assert list(tmp_path.iterdir()) == []


def test_free_name(tmp_path: Path) -> None:
    assert free_name(tmp_path / "a.docx") == tmp_path / "a(2).docx"


@pytest.mark.parametrize("stop_at", [1, 2, 3, 4])
def test_a_cancelled_export_changes_nothing(tmp_path: Path, stop_at: int) -> None:
    # should_stop is asked between the stages (after the text, every few hundred paragraphs, after the
    # layout, after saving the temporary file); whichever answers "stop", the old file stays.
    from fazhi_desktop.export import ExportCancelled

    target = tmp_path / "报告.docx"
    target.write_bytes(b"old")
    asked: list[int] = []

    def should_stop() -> bool:
        asked.append(1)
        return len(asked) >= stop_at

    with pytest.raises(ExportCancelled, match="已取消导出"):
        export_docx(long_report(), target, should_stop=should_stop)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["报告.docx"]


def test_an_export_nobody_cancels_asks_and_writes(tmp_path: Path) -> None:
    asked: list[int] = []
    export_docx(long_report(), tmp_path / "报告.docx", should_stop=lambda: bool(asked.append(1)))
    assert len(asked) >= 4 and (tmp_path / "报告.docx").read_bytes()[:2] == b"PK"
