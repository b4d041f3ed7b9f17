"""How far the preview (the PDF the preview's painter draws) agrees with LibreOffice's rendering of the
exported .docx: both measured the same way (pdftotext, :func:`tests.render.measure.parse`).

Per report: the same page count; the same first and last text on every page; the share of rows broken
at the same place (rows matched in order page by page); and the 落款 and 成文日期 on the same page and
row of the grid.
"""

from __future__ import annotations

import difflib
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from fazhi_desktop.export.flow import PStyle
from fazhi_desktop.export.preflight import Preflight
from tests.render.measure import LINE_MM, TYPE_TOP_MM, PageM, RowM, parse


def measure_pdf(pdf: Path) -> list[PageM]:
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return parse(html)


def _text(row: RowM) -> str:
    return "".join(row.text.split())


def grid_row(row: RowM) -> int:
    """The row of the 22-line grid a measured row sits on (0-based)."""
    return int((row.centre_mm - TYPE_TOP_MM) // LINE_MM)


@dataclass
class Agreement:
    """What one report's preview and LibreOffice agree on."""

    pages: tuple[int, int]  # (preview, LibreOffice)
    rows: int = 0  # rows compared
    same_rows: int = 0  # rows with the same text (the same line break)
    problems: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.same_rows / self.rows if self.rows else 1.0


def _find(pages: list[PageM], text: str) -> tuple[int, int] | None:
    """(page number, grid row) of the last row whose text is ``text``."""
    found = None
    for page in pages:
        for row in page.rows:
            if _text(row) == text:
                found = (page.number, grid_row(row))
    return found


def compare(preview: list[PageM], office: list[PageM], signature: tuple[str, ...]) -> Agreement:
    """``signature``: the texts of the 落款 organ line(s) and the 成文日期, as written."""
    out = Agreement((len(preview), len(office)))
    if len(preview) != len(office):
        out.problems.append(f"pages: preview {len(preview)}, LibreOffice {len(office)}")
    for mine, theirs in zip(preview, office, strict=False):
        a, b = [_text(r) for r in mine.rows if _text(r)], [_text(r) for r in theirs.rows if _text(r)]
        if (a[:1], a[-1:]) != (b[:1], b[-1:]):
            out.problems.append(f"page {mine.number}: first/last preview {a[:1]} {a[-1:]}, LibreOffice "
                                f"{b[:1]} {b[-1:]}")
        matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
        out.rows += max(len(a), len(b))
        out.same_rows += sum(block.size for block in matcher.get_matching_blocks())
    for text in signature:
        key = "".join(text.split())
        if not key:
            continue
        mine_at, theirs_at = _find(preview, key), _find(office, key)
        if mine_at is None or mine_at != theirs_at:
            out.problems.append(f"{text}: preview at {mine_at}, LibreOffice at {theirs_at} (page, row)")
    return out


def signature_texts(plan: Preflight) -> tuple[str, ...]:
    """The 落款 organ line(s) and the 成文日期 as printed."""
    roles = (PStyle.SIGNATURE.value, PStyle.DATE.value)
    return tuple(r.text.replace("\t", "") for p in plan.layout.pages for r in p.rows if r.role in roles)


def preview_pages(plans: dict[str, Preflight], folder: Path) -> dict[str, list[PageM]]:
    """Each plan drawn by the preview's painter into a PDF (needs a QGuiApplication) and measured."""
    from fazhi_desktop.ui.preview.pdf_writer import PdfInfo, pdf_bytes

    for name, plan in plans.items():
        (folder / f"{name}.preview.pdf").write_bytes(pdf_bytes(plan, PdfInfo(name, "测试")))
    with ThreadPoolExecutor(4) as pool:
        measured = pool.map(lambda n: (n, measure_pdf(folder / f"{n}.preview.pdf")), plans)
        return dict(measured)


def compare_all(plans: dict[str, Preflight], office: dict[str, list[PageM]], folder: Path
                ) -> dict[str, Agreement]:
    preview = preview_pages(plans, folder)
    return {name: compare(preview[name], office[name], signature_texts(plan)) for name, plan in plans.items()}


def summary(found: dict[str, Agreement]) -> str:
    rows = sum(a.rows for a in found.values())
    same = sum(a.same_rows for a in found.values())
    bad = {n: a.problems for n, a in found.items() if a.problems or a.share < 0.98}
    lines = [f"{len(found)} reports, {rows} rows, {same / rows:.2%} broken alike" if rows else "no rows"]
    return "\n".join(lines + [f"{n}: {p}" for n, p in bad.items()])
