"""The preview and the PDF (issue 20): first paint of the 预览 of a 10-page report (≤ 0.3 s), the pages
painted again after an edit (≤ 0.1 s), and ``export --pdf`` as a whole command against ``export``."""

from __future__ import annotations

import json
import statistics
import subprocess
from dataclasses import replace
from pathlib import Path

from bench import inputs
from bench.cases import ENV, PY, Row, _row, _rss
from bench.measure import Timing, time_process

BENCH = Path(__file__).resolve().parent
TEN_PAGES = 3900  # characters of the demo grown until it lays out on 10 pages


def _database(work: Path) -> Path:
    from fazhi_desktop.storage.database import open_database
    from fazhi_desktop.storage.repository import ReportStore

    db = work / "preview.db"
    store = ReportStore(open_database(db))
    report = inputs.sized_report(TEN_PAGES)
    store.create_report(replace(report, unit=store.save_unit(report.unit)))
    store.db.close()
    return db


def _timing(samples: list[float]) -> Timing:
    return Timing(statistics.median(samples), min(samples), max(samples), len(samples))


def preview(work: Path, runs: int) -> list[Row]:
    db = _database(work)
    results = []
    for _ in range(runs + 1):  # the first run writes the bytecode caches, as an installed program has them
        done = subprocess.run([PY, str(BENCH / "preview_view.py"), str(db)], env=ENV, capture_output=True,
                              text=True, timeout=300, check=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    results = results[1:]
    pages = results[0]["pages"]
    first, edit, undo = (_timing([r[key] for r in results]) for key in ("first", "edit", "undo"))
    return [_row(f"预览 {pages} 页报告：打印预览到第一页画好", first, target="≤ 0.3 s", met=first.median <= 0.3),
            _row("预览：在章节里改一句，回到预览后重新画好", edit, target="≤ 0.1 s", met=edit.median <= 0.1),
            _row("预览：在预览里撤销（Ctrl+Z）后重新画好", undo, target="≤ 0.1 s", met=undo.median <= 0.1),
            *_pdf_command(work, db, runs)]


def _pdf_command(work: Path, db: Path, runs: int) -> list[Row]:
    base = [PY, "-m", "fazhi_desktop", "--db", str(db), "export", "--unit", "示例镇", "--year", "2025"]
    docx = time_process([*base, "-o", str(work / "p.docx")], runs, env=ENV)
    pdf = time_process([*base, "--pdf", str(work / "p.pdf")], runs, env=ENV)
    return [_row("fazhi-desktop export（Word，整个命令，10 页）", docx, note=_rss(docx)),
            _row("fazhi-desktop export --pdf（整个命令，10 页）", pdf, "export（Word）命令", docx, "≤ 2× 基线",
                 pdf.median <= 2 * docx.median, note=_rss(pdf))]
