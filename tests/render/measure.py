"""Render .docx files with LibreOffice and measure the pages (standard library + poppler's pdftotext).

For every page: the text rows inside the type area (text, left/right edge and vertical centre in mm,
height in pt), the widest row in character cells (CJK and full-width 1, anything else ½), the footer
(text, side, centre) and the page's whole text for the "every character printed" check.

Files are converted in batches, one LibreOffice process per batch, the batches in parallel (each
process needs its own user profile); fonts come from ``fonts.conf`` beside this file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
FONTS_CONF = HERE / "fonts.conf"
PT_PER_MM = 72 / 25.4
TYPE_TOP_MM, TYPE_BOTTOM_MM = 37.0, 262.0
LINE_MM = 225 / 22
# keep the blank pages LibreOffice inserts itself (an even-page section start), as printing does
PDF_FILTER = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'
TIMES_METRIC = ("Liberation Serif", "Nimbus Roman", "Times New Roman", "TeX Gyre Termes")


def env() -> dict[str, str]:
    return dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))


def times_substitute() -> str:
    """The family Times New Roman renders with under fonts.conf ("" when fc-match is missing)."""
    exe = shutil.which("fc-match")
    if not exe:
        return ""
    out = subprocess.run([exe, "-f", "%{family}", "Times New Roman"], capture_output=True, text=True,
                         env=env(), check=False)
    return out.stdout.split(",")[0].strip()


def skip_reason() -> str | None:
    """Why render tests cannot run here, or None."""
    for tool, package in (("soffice", "libreoffice-writer-nogui"), ("pdftotext", "poppler-utils")):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install {package}): render tests skipped"
    family = times_substitute()
    if family not in TIMES_METRIC:
        return (f"Times New Roman renders as {family or '?'} here, not with Word's widths: install "
                "fonts-liberation (or fonts-urw-base35); render tests skipped")
    return None


def cells(text: str) -> float:
    total = 0.0
    for ch in text:
        wide = unicodedata.east_asian_width(ch) in "WFA" and ch != "\u00b7"
        total += 1.0 if wide else 0.5
    return total


@dataclass
class RowM:
    """A row as rendered."""

    text: str
    x0_mm: float
    x1_mm: float
    centre_mm: float
    height_pt: float

    @property
    def cells(self) -> float:
        return cells(self.text.replace(" ", ""))


@dataclass
class PageM:
    number: int
    rows: list[RowM] = field(default_factory=list)  # inside the type area
    footer: RowM | None = None
    width_mm: float = 210.0

    @property
    def footer_side(self) -> str | None:
        if self.footer is None:
            return None
        return "right" if self.footer.x0_mm > self.width_mm / 2 else "left"

    def text(self) -> str:
        return "".join(r.text for r in self.rows)


_LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S)
_WORD = re.compile(r">([^<]*)</word>")


def parse(html: str) -> list[PageM]:
    pages = []
    for number, page in enumerate(html.split("<page ")[1:], start=1):
        width = float(re.search(r'width="([\d.]+)"', page).group(1))  # type: ignore[union-attr]
        found = sorted((float(y0), float(x0), float(x1), float(y1), "".join(_WORD.findall(body)))
                       for x0, y0, x1, y1, body in _LINE.findall(page))
        groups: list[list[tuple[float, float, float, float, str]]] = []
        for line in found:
            if groups and abs(groups[-1][0][0] - line[0]) < 3.0:
                groups[-1].append(line)
            else:
                groups.append([line])
        measured = PageM(number, width_mm=width / PT_PER_MM)
        for group in groups:
            group.sort(key=lambda g: g[1])
            y0, y1 = min(g[0] for g in group), max(g[3] for g in group)
            row = RowM("".join(g[4] for g in group), group[0][1] / PT_PER_MM, max(g[2] for g in group) / PT_PER_MM,
                       (y0 + y1) / 2 / PT_PER_MM, y1 - y0)
            if row.centre_mm <= TYPE_BOTTOM_MM + 2:
                measured.rows.append(row)
            else:
                measured.footer = row
        pages.append(measured)
    return pages


def _convert(batch: list[Path], out: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                        PDF_FILTER, "--outdir", str(out), *map(str, batch)],
                       check=True, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800)


def _measure(pdf: Path) -> list[PageM]:
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    return parse(html)


def render(docs: list[Path], out: Path, workers: int | None = None) -> dict[str, list[PageM]]:
    """Convert every .docx (batches in parallel, one LibreOffice per batch); the measured pages by stem."""
    workers = workers or max(1, min(len(docs), os.cpu_count() or 1, 4))
    batches = [docs[i::workers] for i in range(workers)]
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda b: _convert(b, out), [b for b in batches if b]))
        measured = pool.map(lambda d: (d.stem, _measure(out / f"{d.stem}.pdf")), docs)
        return dict(measured)


def png(pdf: Path, out_prefix: Path, dpi: int = 50) -> None:
    """Pages as PNGs to look at."""
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(out_prefix)], check=True, env=env())
