"""``fazhi-desktop export``: options, messages and exit codes."""

from __future__ import annotations

import os
from pathlib import Path

import docx
import pytest

from fazhi_desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path: Path) -> str:
    return str(tmp_path / "demo.db")


def test_export_demo_with_all_parts(capsys: pytest.CaptureFixture[str], demo_db: str, tmp_path: Path) -> None:
    out_file, html = tmp_path / "报告.docx", tmp_path / "公开版.html"
    code, out, err = run(capsys, "--db", demo_db, "--demo", "export", "--unit", "示例镇", "--year", "2025",
                         "-o", str(out_file), "--red-header", "--imprint", "--html", str(html))
    assert code == 0, err
    assert f"已导出Word 文件：{out_file}" in out and "已导出网页" in out
    texts = [p.text for p in docx.Document(str(out_file)).paragraphs]
    assert "示例镇人民政府文件" in texts and "示例镇2025年度法治政府建设情况报告" in texts
    assert "签发人" not in html.read_text(encoding="utf-8")


def test_unsealed_web_and_installed_fonts(capsys: pytest.CaptureFixture[str], demo_db: str, tmp_path: Path) -> None:
    out_file = tmp_path / "web.docx"
    code, out, err = run(capsys, "--db", demo_db, "--demo", "export", "--unit", "示例镇", "--year", "2025",
                         "-o", str(out_file), "--unsealed", "--web", "--red-header", "--fonts", "installed")
    assert code == 0, err
    assert "网页公开版" in out
    texts = [p.text for p in docx.Document(str(out_file)).paragraphs]
    assert "示例镇人民政府文件" not in texts  # --web wins over --red-header
    date = next(p for p in docx.Document(str(out_file)).paragraphs if p.text == "2026年1月16日")
    assert date.paragraph_format.right_indent is not None


@pytest.mark.parametrize(("args", "message"), [
    (["--unit", "无此镇", "--year", "2025", "-o", "x.docx"], "没有单位“无此镇”"),
    (["--unit", "示例镇", "--year", "2019", "-o", "x.docx"], "没有2019年度的报告"),
    (["--unit", "示例镇", "--year", "2025", "-o", "x.pdf"], "应以 .docx 结尾"),
    (["--unit", "示例镇", "--year", "2025", "-o", "x.docx", "--html", "x.txt"], "应以 .html 结尾"),
    (["--unit", "示例镇", "--year", "2025", "-o", "没有的文件夹/x.docx"], "文件夹不存在"),
])
def test_bad_input_is_one_chinese_line_and_exit_2(capsys: pytest.CaptureFixture[str], demo_db: str,
                                                  tmp_path: Path, args: list[str], message: str) -> None:
    args = [str(tmp_path / a) if a.endswith((".docx", ".pdf", ".txt")) else a for a in args]
    code, _, err = run(capsys, "--db", demo_db, "--demo", "export", *args)
    assert code == 2 and message in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_locked_target(capsys: pytest.CaptureFixture[str], demo_db: str, tmp_path: Path,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"open in WPS")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    code, _, err = run(capsys, "--db", demo_db, "--demo", "export", "--unit", "示例镇", "--year", "2025",
                       "-o", str(target))
    assert code == 2 and "文件正被打开" in err and "报告(2).docx" in err
    assert target.read_bytes() == b"open in WPS"


def test_export_warns_but_writes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """No 成文日期, the default 落款, a 版头 without 发文字号/签发人: printed, and the file still written."""
    db = str(tmp_path / "w.db")
    assert run(capsys, "--db", db, "new", "--unit", "千佛镇", "--year", "2021")[0] == 0
    out_file = tmp_path / "报告.docx"
    code, out, err = run(capsys, "--db", db, "export", "--unit", "千佛镇", "--year", "2021", "-o", str(out_file),
                         "--red-header")
    assert code == 0, err
    assert "注意：未填写成文日期" in out
    assert "注意：落款机关仍是默认的“千佛镇人民政府”" in out
    assert "注意：版头没有发文字号" in out and "注意：版头没有签发人" in out
    assert out_file.exists() and "约 " in out


def test_a_typed_attachment_note_is_not_doubled(tmp_path: Path) -> None:
    from dataclasses import replace

    from fazhi_desktop.core.model import Block, BlockKind
    from fazhi_desktop.export import ExportOptions, export_docx
    from tests.export.conftest import statistics_attachment
    from tests.export.reports import long_report

    report = long_report()
    last = report.chapters[-2]
    typed = Block(BlockKind.PARAGRAPH, body="附件：示例镇2025年度行政执法和行政争议情况统计表")
    chapters = (*report.chapters[:-2], replace(last, blocks=(*last.blocks, typed)), report.chapters[-1])
    out_file = tmp_path / "报告.docx"
    result = export_docx(replace(report, chapters=chapters), out_file,
                         ExportOptions(attachments=(statistics_attachment(),)))
    assert any(w.startswith("正文末尾已有附件说明") for w in result.warnings)
    texts = [p.text for p in docx.Document(str(out_file)).paragraphs]
    assert sum(t.startswith("附件：") for t in texts) == 1
