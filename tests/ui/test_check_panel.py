"""Constants the start path keeps free of core.checks and of PySide6's Qt namespace
(see fazhi_desktop/ui/__init__.py) still mean what they stand for."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_every_severity_has_a_colour() -> None:
    from fazhi_desktop.core.checks import Severity
    from fazhi_desktop.ui.checks.check_panel import SEVERITY_COLOURS

    assert set(SEVERITY_COLOURS) == {s.value for s in Severity}


def test_item_data_roles_are_qts_user_roles() -> None:
    from fazhi_desktop.ui.checks.check_panel import INDEX_ROLE
    from fazhi_desktop.ui.data.indicator_table import BAD_ROLE, KEY_ROLE

    user = Qt.ItemDataRole.UserRole.value
    assert (user, user + 1, user + 2) == (INDEX_ROLE, KEY_ROLE, BAD_ROLE)
