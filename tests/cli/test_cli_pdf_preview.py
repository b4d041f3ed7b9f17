"""Issue 20 on the command line: ``export --pdf`` (the pages of the preview in a PDF with embedded fonts,
bookmarks and title/author, no LibreOffice) and ``preview`` (one PNG per page); Qt is loaded only for
them, never for a plain Word export."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fazhi_desktop.export.options import ExportOptions
from fazhi_desktop.export.pageproblems import page_marks
from fazhi_desktop.export.preflight import preflight
from tests.helpers import run_cli as run

REPO = Path(__file__).resolve().parents[2]
POPPLER = shutil.which("pdfinfo") is not None and shutil.which("pdffonts") is not None
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdfinfo, pdffonts) is not installed")


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "demo.db")


@pytest.fixture(autouse=True)
def _qt_application(qapp: object) -> object:
    """The commands below run in this process: the test session's QApplication must exist before they make
    a QGuiApplication of their own (a window test after them needs a QApplication)."""
    return qapp


def _tool(*argv: str) -> str:
    return subprocess.run(list(argv), capture_output=True, text=True, check=True).stdout


@needs_poppler
def test_export_pdf_with_red_header_and_imprint(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path,
                                                demo_report: object) -> None:
    pdf = tmp_path / "报告.pdf"
    code, out, err = run(capsys, "--db", db, "--demo", "export", "--unit", "示例镇", "--year", "2025",
                         "--pdf", str(pdf), "--red-header", "--imprint")
    assert code == 0, err
    plan = preflight(demo_report, ExportOptions(red_header=True, imprint=True))  # type: ignore[arg-type]
    assert f"已导出PDF：{pdf}（{plan.pages} 页）" in out
    info = _tool("pdfinfo", str(pdf))
    assert re.search(rf"Pages:\s+{plan.pages}\n", info)
    assert re.search(r"Title:\s+示例镇2025年度法治政府建设情况报告", info)
    assert re.search(r"Author:\s+中共示例镇委员会、示例镇人民政府", info)
    assert re.search(r"Page size:\s+595 x 842 pts \(A4\)", info)
    fonts = _tool("pdffonts", str(pdf)).splitlines()[2:]
    assert len(fonts) >= 4 and all(line.split()[-5] == "yes" for line in fonts)  # every font embedded
    text = _tool("pdftotext", "-layout", str(pdf), "-")
    assert "示例镇人民政府文件" in text and "签发人" in text and "印发" in text
    assert "一、" in text and "— 1 —" in text
    assert not re.search("[\u2e80-\u2fdf]", text)  # ideographs, not radicals, when copied
    outline = _tool("pdftohtml", "-xml", "-stdout", "-i", str(pdf))
    chapters = [t for _, t in re.findall(r'<item page="(\d+)">(.*?)</item>', outline)]
    assert [t for t in chapters if re.match("[一二三四五]、", t)] == [
        p.text for p in plan.items if getattr(p, "style", None) is not None and p.style.value == "h1"]


@needs_poppler
def test_docx_and_pdf_together_and_the_web_version(capsys: pytest.CaptureFixture[str], db: str,
                                                   tmp_path: Path) -> None:
    docx, pdf = tmp_path / "报告.docx", tmp_path / "公开版.pdf"
    code, out, err = run(capsys, "--db", db, "--demo", "export", "--unit", "示例镇", "--year", "2025",
                         "-o", str(docx), "--pdf", str(pdf), "--web", "--red-header")
    assert code == 0, err
    assert docx.stat().st_size > 5000 and "已导出PDF（网页公开版）" in out and "网页公开版" in out
    text = _tool("pdftotext", str(pdf), "-")
    assert "示例镇人民政府文件" not in text and "签发人" not in text  # --web: no 版头


@pytest.mark.parametrize(("args", "message"), [
    ([], "请用 -o 指定 Word 文件，或用 --pdf 指定 PDF 文件"),
    (["--pdf", "x.docx"], "PDF 文件应以 .pdf 结尾"),
    (["--pdf", "没有这个文件夹/x.pdf"], "文件夹不存在"),
])
def test_export_pdf_mistakes(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, args: list[str],
                             message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "--db", db, "--demo", "export", "--unit", "示例镇", "--year", "2025", *args)
    assert code == 2 and message in err and "Traceback" not in err


def test_preview_writes_one_png_per_page(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path,
                                         demo_report: object) -> None:
    from PySide6.QtGui import QImage

    folder = tmp_path / "页面"
    code, out, err = run(capsys, "--db", db, "--demo", "preview", "--unit", "示例镇", "--year", "2025",
                         "-o", str(folder), "--dpi", "50", "--imprint")
    assert code == 0, err
    plan = preflight(demo_report, ExportOptions(imprint=True))  # type: ignore[arg-type]
    pngs = sorted(folder.glob("page-*.png"))
    assert [p.name for p in pngs] == [f"page-{i:02d}.png" for i in range(1, plan.pages + 1)]
    image = QImage(str(pngs[0]))
    assert (image.width(), image.height()) == (413, 585)  # A4 at 50 dpi
    assert f"已生成 {plan.pages} 页预览图片（50 dpi）" in out
    for mark in page_marks(plan):
        assert f"第{mark.page}页：{mark.message}" in out


@pytest.mark.parametrize(("args", "message"), [(["--dpi", "5"], "分辨率应在 20 到 600 之间"),
                                               (["--dpi", "高"], "分辨率应为整数")])
def test_preview_mistakes(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, args: list[str],
                          message: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "--db", db, "--demo", "preview", "--unit", "示例镇", "--year", "2025", "-o", str(tmp_path), *args)
    assert exit_.value.code == 2 and message in capsys.readouterr().err
    a_file = tmp_path / "a.txt"
    a_file.write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "--db", db, "--demo", "preview", "--unit", "示例镇", "--year", "2025", "-o", str(a_file))
    assert code == 2 and "-o 应是一个文件夹" in err


LOADED = """
import sys
from fazhi_desktop import cli
code = cli.main(sys.argv[1:])
print("QT", sorted(m for m in sys.modules if m.startswith("PySide6"))[:1], "DOCX", "docx" in sys.modules, code)
"""


def test_qt_is_loaded_only_for_a_pdf_and_python_docx_only_for_a_word_file(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("QT_QPA_PLATFORM", None)  # the command sets the offscreen platform itself
    db = str(tmp_path / "demo.db")
    base = ["--db", db, "--demo", "export", "--unit", "示例镇", "--year", "2025"]

    def loaded(*extra: str) -> str:
        done = subprocess.run([sys.executable, "-c", LOADED, *base, *extra], capture_output=True, text=True,
                              env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip().splitlines()[-1]

    assert loaded("-o", str(tmp_path / "a.docx")) == "QT [] DOCX True 0"
    assert loaded("--pdf", str(tmp_path / "a.pdf")) == "QT ['PySide6'] DOCX False 0"
