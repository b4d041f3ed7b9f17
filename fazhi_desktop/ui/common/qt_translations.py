"""Qt's own Chinese catalog (qtbase_zh_CN), so standard buttons read 确定/取消 (packaging.md §2.6)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedChineseScript, QLocale.Country.China)


def install_qt_translations(app: QCoreApplication) -> bool:
    """Load ``qtbase_zh_CN`` from Qt's translations folder; zh_CN is forced, never the system locale."""
    QLocale.setDefault(CHINESE)
    translator = QTranslator(app)  # parented, so it lives as long as the application
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(CHINESE, "qtbase", "_", folder):
        app.installTranslator(translator)
        return True
    log.warning("Qt zh_CN translations not found in %s", folder)
    return False
