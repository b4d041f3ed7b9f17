"""The 检查 list's colours follow core.checks' severities (the panel no longer imports them at start)."""

from __future__ import annotations


def test_every_severity_has_a_colour() -> None:
    from fazhi_desktop.core.checks import Severity
    from fazhi_desktop.ui.check_panel import SEVERITY_COLOURS

    assert set(SEVERITY_COLOURS) == {s.value for s in Severity}
