"""The 字号 preference (小/中/大): the system UI font scaled, stored in the INI settings."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu

FONT_SCALES: dict[str, float] = {"小": 1.0, "中": 1.2, "大": 1.4}
DEFAULT_SCALE = "小"
SETTINGS_KEY = "ui/font_size"
_BASE_PROPERTY = "fazhi_base_point_size"


def saved_scale(settings: QSettings) -> str:
    value = str(settings.value(SETTINGS_KEY, DEFAULT_SCALE))
    return value if value in FONT_SCALES else DEFAULT_SCALE


def apply_font_scale(name: str, settings: QSettings | None = None) -> None:
    """Scale the application font from the system size (remembered on first use) and save the choice."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    base = app.property(_BASE_PROPERTY)
    if base is None:
        base = app.font().pointSizeF()
        app.setProperty(_BASE_PROPERTY, base)
    font = app.font()
    font.setPointSizeF(float(base) * FONT_SCALES.get(name, 1.0))
    app.setFont(font)
    if settings is not None:
        settings.setValue(SETTINGS_KEY, name)


def font_size_menu(parent_menu: QMenu, settings: QSettings, owner: QObject) -> dict[str, QAction]:
    """A 字号 submenu with one checkable action per size; applies the saved size now."""
    menu = parent_menu.addMenu("字号")
    group = QActionGroup(owner)
    current = saved_scale(settings)
    actions: dict[str, QAction] = {}
    for name in FONT_SCALES:
        action = QAction(f"{name}（系统默认）" if name == DEFAULT_SCALE else name, owner, checkable=True)
        action.setChecked(name == current)
        action.triggered.connect(lambda _checked=False, n=name: apply_font_scale(n, settings))
        group.addAction(action)
        menu.addAction(action)
        actions[name] = action
    apply_font_scale(current)
    return actions
