"""Render fixtures: every document of a test module exported once and rendered in one parallel batch."""

from __future__ import annotations

import pytest

from tests.render.measure import skip_reason


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    reason = skip_reason()
    if reason is None:
        return
    for item in items:
        if item.path.parent.name == "render":
            item.add_marker(pytest.mark.skip(reason=reason))
