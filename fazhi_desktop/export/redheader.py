"""版头 (GB/T 9704 7.2): red 发文机关标志, 发文字号 with 签发人, and the red rule.

The mark is red 小标宋, as large as fits the type area up to 小初 (36 pt), its top about 35 mm
below the top of the type area; the 发文字号 two lines below it, 1 character in from the left
with "签发人：" (仿宋) and the name (楷体) 1 character in from the right, as a report to a
superior requires; the red rule 4 mm below, the width of the type area; the title two blank
lines under the rule. Built as flow paragraphs so the pagination pre-flight counts their height.
"""

from __future__ import annotations

import re

from fazhi_desktop.core.model import Report
from fazhi_desktop.export.body import clean
from fazhi_desktop.export.flow import Para, PStyle, Run, Source, blank
from fazhi_desktop.export.fonts import FontRole
from fazhi_desktop.export.geometry import CHARS_PER_LINE, LINE, text_cells
from fazhi_desktop.export.options import ExportOptions

RED = "FF0000"
MAX_MARK_PT = 36  # 小初
TOP_GAP = 1701  # at least 30 mm of space; with the mark's own leading its top sits ≈ 35 mm down
RULE_GAP = 227  # 4 mm
RULE_TWIPS = 20  # the rule's own width (sz 8 = 1 pt): Word and LibreOffice add it below the paragraph
_YEAR_BRACKETS = re.compile(r"[\[【［(（〔]\s*(\d{4})\s*[\]】］)）〕]")
_LEADING_ZEROS = re.compile(r"〕0+(\d+)号")


def doc_number_text(text: str) -> str:
    """发文字号 as GB/T 9704 7.2.5 writes it: the year in 〔〕, no leading zeros (示府报〔2026〕2号)."""
    text = _YEAR_BRACKETS.sub(r"〔\1〕", clean(text))
    return _LEADING_ZEROS.sub(r"〕\1号", text)


def mark_points(mark: str) -> int:
    """The largest whole size (pt) ≤ 36 at which the mark fits the 442 pt line with a margin."""
    cells = max(text_cells(mark), 1.0)
    return int(min(MAX_MARK_PT, 442 * 0.92 / cells))


def mark_text(report: Report) -> str:
    return clean(report.issuer_mark) or f"{clean(report.unit.full_name)}文件"


def red_header_paras(report: Report, options: ExportOptions) -> tuple[list[Para], int]:
    """The 版头 paragraphs and their total height in twips."""
    mark = mark_text(report)
    size = mark_points(mark)
    out = [
        Para(PStyle.MARK, (Run(mark, FontRole.XIAOBIAOSONG, half_points=size * 2, color=RED),),
             line_twips=round(size * 20 * 1.25), is_text=False, sources=(Source(0, "issuer_mark"),)),
        blank(),
    ]
    number = doc_number_text(report.doc_number)
    signer = clean(report.signer)
    if signer and not options.web:
        runs = (Run(number), Run("\t签发人："), Run(signer, FontRole.KAITI))
        out.append(Para(PStyle.DOC_NUMBER, runs, first_chars=1, right_tab=CHARS_PER_LINE - 1, is_text=False,
                        sources=(Source(0, "doc_number"), Source(len(number), "signer"))))
    else:
        out.append(Para(PStyle.DOC_NUMBER, (Run(number),), is_text=False, sources=(Source(0, "doc_number"),)))
    # The rule paragraph's line is shortened by the rule's width, which the renderers add below it:
    # without that, the 版头 ran 20 twips past its whole grid lines and page 1 lost its last body line,
    # so every later page was one line off the pre-flight (and a 版记 it placed could spill onto an odd page).
    out.append(Para(PStyle.BLANK, line_twips=RULE_GAP - RULE_TWIPS, rule_color=RED, is_text=False))
    out += [blank(), blank()]
    # the space above the mark rounds the whole 版头 up to whole grid lines, so that the title
    # and the body below it stay on the 22-line grid
    rest = sum(p.line_twips or LINE for p in out) + RULE_TWIPS
    gap = -(-(rest + TOP_GAP) // LINE) * LINE - rest
    return [blank(line_twips=gap), *out], rest + gap
