"""Tabs whose widget is made when the tab is first shown: an empty page holds the place until then.

Opening a report builds only what is on screen (基本信息); a chapter's editor, the 数据指标 table and the
检查 list are made in place of their empty page when first shown or asked for (see ReportView).
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget


def add_placeholder(tabs: QTabWidget, text: str, tooltip: str = "", index: int | None = None) -> QWidget:
    """An empty page with the tab's final text and tooltip (at ``index``, or at the end)."""
    page = QWidget()
    at = tabs.addTab(page, text) if index is None else tabs.insertTab(index, page, text)
    if tooltip:
        tabs.setTabToolTip(at, tooltip)
    return page


def swap_page(tabs: QTabWidget, page: QWidget, widget: QWidget) -> None:
    """Put ``widget`` where ``page`` is: same place, text, tooltip and current tab. The tab widget's
    signals are blocked meanwhile, so listeners see one change of tab, not the swap's."""
    index = tabs.indexOf(page)
    current, text, tip = tabs.currentIndex(), tabs.tabText(index), tabs.tabToolTip(index)
    blocked = tabs.blockSignals(True)
    try:
        tabs.removeTab(index)
        tabs.insertTab(index, widget, text)
        tabs.setTabToolTip(index, tip)
        tabs.setCurrentIndex(current)
    finally:
        tabs.blockSignals(blocked)
    page.deleteLater()
