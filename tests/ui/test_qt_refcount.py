"""Guard against a Qt binding that under-counts references to None (PySide6 6.12.0 on Python 3.11).

Every void method call then drops one reference to None; after enough typing in a long session
the interpreter aborts with "deallocating None". pyproject.toml keeps such versions off Python 3.11.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QTableWidgetItem
from pytestqt.qtbot import QtBot


def test_void_calls_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    item = QTableWidgetItem("x")
    before = sys.getrefcount(None)
    for _ in range(5000):
        label.setText("依法行政")
        item.setToolTip("提示")
    lost = before - sys.getrefcount(None)
    assert lost < 100, f"the Qt binding dropped {lost} references to None in 10,000 calls"
