"""Render fixtures: every document of a test module exported once and rendered in one parallel batch; the
generated sweep once per session (the sweep's checks and the preview's agreement share its rendering)."""

from __future__ import annotations

import pytest

from fazhi_desktop.export.docx_export import build
from fazhi_desktop.export.preflight import Preflight
from tests.render.measure import PageM, render, skip_reason
from tests.render.reports import SWEEP, case


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    reason = skip_reason()
    if reason is None:
        return
    for item in items:
        if item.path.parent.name == "render":
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
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
