"""The generated sweep: 160 reports of every length with every export option, rendered in LibreOffice.

For each: the pre-flight's page count and its rows, line for line, equal LibreOffice's; every
character of the document is printed (no mark lost at a line end); no row holds more than 28
cells; page numbers at 269 ± 1.5 mm on the correct side (none on the blank and 版记 pages after a
blank page); the 落款 has at least two lines of text above it on its page; no page but the first and
the last ends more than 2 rows short (unless the next page must start a new part); with 版记, it
ends at the foot of an even page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fazhi_desktop.export.docx_export import build
from fazhi_desktop.export.preflight import Preflight
from tests.render import checks
from tests.render.measure import PageM, render
from tests.render.reports import case

SWEEP = 160


@pytest.fixture(scope="module")
def sweep(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Preflight, bool, list[PageM]]]:
    folder = tmp_path_factory.mktemp("sweep")
    plans: dict[str, tuple[Preflight, bool]] = {}
    for k in range(SWEEP):
        c = case(k)
        built = build(c.report, c.options)
        built.doc.save(str(folder / f"{c.name}.docx"))
        plans[c.name] = (built.plan, c.options.imprint)
    pages = render([folder / f"{name}.docx" for name in plans], folder)
    return {name: (plan, imprint, pages[name]) for name, (plan, imprint) in plans.items()}


def _report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{name}: {problems}" for name, problems in found.items())


def test_the_sweep_covers_every_option(sweep: dict[str, tuple[Preflight, bool, list[PageM]]]) -> None:
    cases = [case(k) for k in range(SWEEP)]
    assert len(cases) >= 150
    assert {c.options.red_header for c in cases} == {True, False}
    assert {c.options.imprint for c in cases} == {True, False}
    assert {bool(c.options.attachments) for c in cases} == {True, False}
    assert {len(c.report.signatories) for c in cases} == {1, 2}
    assert {c.report.seal.value for c in cases} == {"sealed", "unsealed"}
    assert {bool(c.report.note) for c in cases} == {True, False}
    assert {bool(c.report.doc_number) for c in cases} == {True, False} and {bool(c.report.signer) for c in cases} == {
        True, False}
    pages = {plan.pages for plan, _, _ in sweep.values()}
    assert min(pages) <= 2 and max(pages) >= 15
    # the text's last line falls on every row of a page somewhere in the sweep
    ends = set()
    for plan, _, _ in sweep.values():
        alone = [r for p in plan.layout.pages for r in p.rows if r.is_text]
        ends.add(round(alone[-1].y / 579))
    assert len(ends) >= 14


def test_preflight_equals_libreoffice_line_for_line(sweep: dict[str, tuple[Preflight, bool, list[PageM]]]) -> None:
    found = {name: p for name, (plan, _, pages) in sweep.items() if (p := checks.problems(plan, pages))}
    assert not found, _report(found)


def test_the_seal_page_has_text_and_no_page_runs_half_empty(
        sweep: dict[str, tuple[Preflight, bool, list[PageM]]]) -> None:
    found = {name: p for name, (plan, _, pages) in sweep.items()
             if (p := checks.seal_page_problems(plan, pages) + checks.short_page_problems(plan, pages))}
    assert not found, _report(found)


def test_the_imprint_ends_at_the_foot_of_an_even_page(sweep: dict[str, tuple[Preflight, bool, list[PageM]]]) -> None:
    with_imprint = {name: v for name, v in sweep.items() if v[1]}
    assert len(with_imprint) >= 60
    found = {name: p for name, (plan, _, pages) in with_imprint.items() if (p := checks.imprint_problems(plan, pages))}
    assert not found, _report(found)


def test_pages_can_be_looked_at(sweep: dict[str, tuple[Preflight, bool, list[PageM]]], tmp_path: Path) -> None:
    from tests.render.measure import png

    name = next(iter(sweep))
    pdfs = list(Path(str(tmp_path)).parent.glob(f"sweep*/{name}.pdf"))
    assert pdfs
    png(pdfs[0], tmp_path / "page")
    assert list(tmp_path.glob("page-*.png"))
