"""launch(): QApplication, Chinese Qt dialogs, the store, the main window, the event loop."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from fazhi_desktop import oserrors
from fazhi_desktop.storage.backups import recover_from_backup
from fazhi_desktop.storage.errors import CorruptDatabaseError, ReadOnlyError, StorageError
from fazhi_desktop.storage.lock import DatabaseLock, LockedError
from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.storage.session import LOCKED_BY_ANOTHER, READ_ONLY_PLACE, Session, open_session, open_viewer
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.common.qt_translations import install_qt_translations
from fazhi_desktop.ui.window.main_window import MainWindow
from fazhi_desktop.ui.window.quit_signals import QuitOnSignals
from fazhi_desktop.ui.window.report_texts import APP_NAME
from fazhi_desktop.ui.window.ui_settings import open_settings

if TYPE_CHECKING:
    from fazhi_desktop.ui.window.single_instance import SingleInstance

DEMO_UNIT, DEMO_YEAR = "示例镇", 2025
LISTEN_AFTER_MS = 100  # the window is painted before the single-instance server (QtNetwork) is set up


def application() -> QApplication:
    """The QApplication (created once), with Qt's Chinese translation installed."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
        app.setApplicationName(APP_NAME)
        install_qt_translations(app)
    return app


def build_window(store: ReportStore, db_path: Path, demo: bool = False, read_only: bool = False,
                 why_read_only: str = "") -> MainWindow:
    """The main window on ``store``: the demo report, else the last report, else the report list."""
    window = MainWindow(store, open_settings(db_path.parent), db_path, read_only=read_only,
                        why_read_only=why_read_only)
    demo_id = store.find_report_id(DEMO_UNIT, DEMO_YEAR) if demo else None
    if demo_id is not None:
        window.open_report(demo_id)
    elif not window.open_last_report():
        window.show_chooser()
    return window


def open_or_recover(db_path: Path) -> Session | None:
    """Open the data file; when another program holds it, offer to look read-only; on a write-protected
    medium, open it read-only; when SQLite's check found it damaged, offer the newest good backup (the
    damaged file is kept aside). None when the clerk declines. Other problems (a full disk, a file that
    is not ours, one from a newer version) raise their StorageError: restoring would not help there."""
    try:
        return open_session(db_path)
    except LockedError as exc:
        if Dialogs.confirm(None, APP_NAME, f"{exc}\n\n是否以只读方式打开查看？"):
            return open_viewer(db_path, LOCKED_BY_ANOTHER)
        return None
    except ReadOnlyError:
        if not db_path.exists():
            raise
        return open_viewer(db_path, READ_ONLY_PLACE)
    except CorruptDatabaseError as exc:
        question = (f"{exc}\n\n是否用最新的完好备份恢复？损坏的文件不会删除，会另存一份在原处以便检查。")
        if not Dialogs.confirm(None, APP_NAME, question):
            return None
        aside, used = recover_from_backup(db_path)
        Dialogs.inform(None, APP_NAME, f"已用 {used.created:%Y-%m-%d %H:%M} 的备份恢复（{used.report_count} 份报告）。"
                       f"\n损坏的文件保留为：{aside}")
        return open_session(db_path)


def already_open(db_path: Path) -> bool:
    """Another copy on this PC has the data file open: it was asked to come forward (True).

    A copy that has the file open holds its lock file; without one nobody needs to be asked, and
    QtNetwork is not loaded before the window is shown."""
    if not DatabaseLock(db_path).path.exists():
        return False
    from fazhi_desktop.ui.window.single_instance import SingleInstance

    asker = SingleInstance(db_path)
    try:
        return asker.notify_running()
    finally:
        asker.deleteLater()


def listen_for_later_starts(window: MainWindow, db_path: Path) -> SingleInstance:
    """Once the window is up: a later start on the same file brings this window forward."""
    from fazhi_desktop.ui.window.single_instance import SingleInstance

    instance = SingleInstance(db_path, window)
    instance.sig_activate.connect(window.bring_to_front)
    instance.listen()
    return instance


def launch(db_path: Path, demo: bool = False, prepare: Callable[[ReportStore], object] | None = None) -> int:
    """Open the window on the database at ``db_path``; returns the exit code.

    ``prepare`` runs on the opened store before the window is built (``--demo`` adds the demo report
    there, so the file is opened, checked and locked once)."""
    app = application()
    if already_open(db_path):  # that window comes forward instead
        return 0
    signals = QuitOnSignals()  # log-off, kill, Ctrl+C, a closed terminal: quit like 退出 (save, back up, unlock)
    try:
        return _run(app, db_path, demo, prepare, signals)
    finally:
        signals.uninstall()


def _run(app: QApplication, db_path: Path, demo: bool, prepare: Callable[[ReportStore], object] | None,
         signals: QuitOnSignals) -> int:
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        session = open_or_recover(db_path)  # lock (one program per file), migrations, daily backup
    except (StorageError, OSError) as exc:
        QMessageBox.warning(None, APP_NAME, str(exc) if isinstance(exc, StorageError) else
                            f"无法打开数据文件夹 {db_path.parent}（{oserrors.reason(exc)}）。")
        return 2
    if session is None:
        return 2
    window: MainWindow | None = None
    listening: list[SingleInstance] = []
    later: QTimer | None = None
    try:
        if prepare is not None and not session.read_only:
            try:
                prepare(session.store)
            except StorageError as exc:  # e.g. the disk is full: the window still opens on what is there
                QMessageBox.warning(None, APP_NAME, str(exc))
        window = build_window(session.store, db_path, demo, session.read_only, session.why_read_only)
        for warning in session.warnings:  # e.g. the start-up backup failed on a full disk
            window.statusBar().showMessage(warning, 15000)
        app.aboutToQuit.connect(window.close)  # quit(): flush and keep geometry too
        app.commitDataRequest.connect(window.commit_data)  # Windows log-off / shutdown
        window.show_first()
        shown = window
        later = QTimer(window)
        later.setSingleShot(True)
        later.timeout.connect(lambda: listening.append(listen_for_later_starts(shown, db_path)))
        later.start(LISTEN_AFTER_MS)
        if signals.received is not None:  # asked to stop while starting: quit() had no loop to end yet
            return 0
        return int(app.exec())
    finally:
        if later is not None:
            later.stop()
        for instance in listening:
            instance.close()
        if window is not None:
            app.aboutToQuit.disconnect(window.close)
            app.commitDataRequest.disconnect(window.commit_data)
            window.close()
            window.deleteLater()
        session.close()  # backs up on a clean exit and releases the lock
