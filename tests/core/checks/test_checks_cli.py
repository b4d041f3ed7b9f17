"""``fazhi-desktop check``: exit codes, text and JSON output, --fix, checking a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fazhi_desktop.cli import main
from fazhi_desktop.core.model import Report
from fazhi_desktop.storage.repository import ReportStore
from tests.conftest import SAMPLE_TXT


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_demo_report_is_clean(capsys, db_path: Path, stored_demo: Report) -> None:
    code, out, _ = _run(capsys, "--db", str(db_path), "check", "--unit", "示例镇", "--year", "2025")
    assert code == 0
    assert "未发现问题" in out


def test_new_template_report_has_errors(capsys, db_path: Path, template_report: Report) -> None:
    code, out, _ = _run(capsys, "--db", str(db_path), "check", "--unit", "千佛镇", "--year", "2021")
    assert code == 1
    assert "【错误】" in out and "缺少成文日期" in out and "下面还没有内容" in out


def test_json_output(capsys, db_path: Path, template_report: Report) -> None:
    code, out, _ = _run(capsys, "--db", str(db_path), "check", "--unit", "千佛镇", "--year", "2021", "--json")
    assert code == 1
    data = json.loads(out)
    assert data["year"] == 2021 and data["counts"]["错误"] >= 1
    first = data["findings"][0]
    assert set(first) == {"rule", "severity", "location", "text", "message", "fix", "key"}
    assert {"field", "chapter", "block", "offset", "chapter_id", "block_id", "text"} <= set(first["location"])


def test_fix_saves_the_safe_fixes(capsys, db_path: Path, store: ReportStore, stored_demo: Report) -> None:
    chapter = stored_demo.chapters[1]
    block = chapter.blocks[1]
    assert block.id is not None and stored_demo.id is not None
    store.update_block(block.id, body="认真布署，贯切落实,推进《土地法》学习。")
    code, out, _ = _run(capsys, "--db", str(db_path), "check", "--unit", "示例镇", "--year", "2025")
    assert code == 1 and "布署" in out
    code, out, _ = _run(capsys, "--db", str(db_path), "check", "--unit", "示例镇", "--year", "2025", "--fix")
    assert code == 0, out
    assert "已自动修正" in out
    reloaded = store.load_report(stored_demo.id)
    assert reloaded.chapters[1].blocks[1].body == "认真部署，贯彻落实，推进《土地管理法》学习。"


@pytest.mark.skipif(not SAMPLE_TXT.exists(), reason="shared sample report not available")
def test_check_a_text_file_without_importing(capsys, db_path: Path) -> None:
    code, out, _ = _run(capsys, "--db", str(db_path), "check", str(SAMPLE_TXT), "--year", "2021")
    assert code == 1
    for expected in ("《民法总则》已于2021年1月1日废止", "《土地管理法》", "《道路交通安全法》", "法制宣传",
                     "缺少成文日期", "缺少“（一）”"):
        assert expected in out
    code, out, _ = _run(capsys, "--db", str(db_path), "list")
    assert "千佛镇" not in out  # nothing was imported


@pytest.mark.parametrize(("argv", "message"), [
    (["check"], "--unit"),
    (["check", "--unit", "示例镇"], "--unit"),
    (["check", "no-such-file.txt", "--year", "2021"], "找不到文件"),
    (["check", "--unit", "无此镇", "--year", "2021"], "没有单位"),
])
def test_bad_usage_exits_2_with_one_chinese_line(capsys, db_path: Path, store: ReportStore, argv: list[str],
                                                 message: str) -> None:
    code, _, err = _run(capsys, "--db", str(db_path), *argv)
    assert code == 2
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_fix_refuses_external_files(capsys, db_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("示例镇2025年度法治政府建设情况报告\n认真布署。", encoding="utf-8")
    code, _, err = _run(capsys, "--db", str(db_path), "check", str(path), "--year", "2025", "--fix")
    assert code == 2 and "--fix" in err
    code, out, _ = _run(capsys, "--db", str(db_path), "check", str(path), "--year", "2025")
    assert "布署" in out


@pytest.mark.skipif(not SAMPLE_TXT.exists(), reason="shared sample report not available")
def test_check_a_docx_file(capsys, db_path: Path, store: ReportStore, tmp_path: Path) -> None:
    pytest.importorskip("fazhi_desktop.importers.docx_reader")
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in SAMPLE_TXT.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "千佛镇2021.docx"
    document.save(str(path))
    code, out, _ = _run(capsys, "--db", str(db_path), "check", str(path), "--year", "2021")
    assert code == 1
    assert "《民法总则》已于2021年1月1日废止" in out and "《土地管理法》" in out


def test_unsupported_file_type(capsys, db_path: Path, store: ReportStore, tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(b"%PDF-1.4")
    code, _, err = _run(capsys, "--db", str(db_path), "check", str(path), "--year", "2021")
    assert code == 2 and ".txt 或 .docx" in err
