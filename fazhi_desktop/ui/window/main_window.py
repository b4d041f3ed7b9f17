"""The main window: the report list, the open report's tabs, menus, status bar and geometry."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QStackedWidget, QWidget

from fazhi_desktop.storage.repository import ReportStore
from fazhi_desktop.ui.chapter.chapter_manager import ChapterManager
from fazhi_desktop.ui.checks.check_controller import CheckController
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.county.county_controller import CountyController
from fazhi_desktop.ui.data.figure_actions import FigureInserter
from fazhi_desktop.ui.window.autosaver import Autosaver
from fazhi_desktop.ui.window.preview_hookup import PreviewHookup
from fazhi_desktop.ui.window.read_only import banner, lock_editing, unlock_editing
from fazhi_desktop.ui.window.report_texts import APP_NAME
from fazhi_desktop.ui.window.report_view import ReportView
from fazhi_desktop.ui.window.status_line import StatusLine
from fazhi_desktop.ui.window.ui_settings import restore_geometry, save_geometry
from fazhi_desktop.ui.window.window_menus import build_menus
from fazhi_desktop.ui.window.window_menus import lazy as _lazy

if TYPE_CHECKING:
    from fazhi_desktop.export import ExportResult
    from fazhi_desktop.ui.datafile.about_dialog import AboutDialog
    from fazhi_desktop.ui.reports.report_chooser import ReportChooser
    from fazhi_desktop.ui.reports.report_list_actions import DeletedReport


LAST_REPORT_KEY = "ui.last_report_id"


class MainWindow(QMainWindow):
    """Shows the report list or one report; the database is the document (no Save button)."""

    sig_report_opened = Signal(int, bool)  # a report was opened: its id, True when only for viewing (汇总)
    act_list: QAction
    act_new: QAction
    act_import: QAction
    act_export: QAction
    act_export_pdf: QAction
    act_preview: QAction
    act_preview_beside: QAction
    act_restore_backup: QAction
    act_undo: QAction
    act_redo: QAction
    act_find: QAction
    act_replace: QAction
    act_add_chapter: QAction
    act_rename_chapter: QAction
    act_move_left: QAction
    act_move_right: QAction
    act_delete_chapter: QAction
    act_restore_chapter: QAction
    act_next_tab: QAction
    act_previous_tab: QAction
    font_actions: dict[str, QAction]

    def __init__(self, store: ReportStore, settings: QSettings, db_path: Path,
                 parent: QWidget | None = None, read_only: bool = False, why_read_only: str = "") -> None:
        super().__init__(parent)
        self.read_only = read_only  # another program holds the data file, or it cannot be written: view only
        self.why_read_only = why_read_only
        self.store = store
        self.settings = settings
        self.db_path = db_path
        self.autosaver = Autosaver(parent=self)
        self.undo_stack = QUndoStack(self)
        self._chooser: ReportChooser | None = None
        self.view = ReportView(store, self.autosaver, self.undo_stack)
        self.chapters = ChapterManager(store, self.view, self)
        self.check_controller = CheckController(self.view, db_path)
        self.figures = FigureInserter(self.view, self)  # 插入数据…
        self.preview = PreviewHookup(self)  # 预览, 导出PDF and the export options they share with 导出Word
        self.pages = QStackedWidget()
        self.pages.addWidget(self.view)
        self.setCentralWidget(self.pages)
        self.status = StatusLine(self)
        self.save_label = self.status.save_label
        self._deleted_report: DeletedReport | None = None
        self.menus: dict[str, QMenu] = {}
        build_menus(self)  # the act_… attributes below
        self._connect_signals()
        if read_only:
            self._lock()
        self.start_maximised = restore_geometry(self, self.settings)  # from the screen it opens on
        self._set_report_actions(False)  # until build_window opens a report or the list
        self.county = CountyController(self)  # the 汇总 menu; its view is made when first shown

    @property
    def chooser(self) -> ReportChooser:
        """The report list, made when first needed: a start that reopens the last report never shows it."""
        if self._chooser is None:
            from fazhi_desktop.ui.reports.report_chooser import ReportChooser

            chooser = self._chooser = ReportChooser()
            self.pages.insertWidget(0, chooser)
            chooser.sig_new_requested.connect(self.new_report)
            chooser.sig_import_requested.connect(self.import_report)
            chooser.sig_open_requested.connect(self.open_report)
            chooser.sig_copy_requested.connect(self.copy_report)
            chooser.sig_delete_requested.connect(self.delete_report)
            chooser.sig_undo_delete_requested.connect(self.undo_delete_report)
            if self.read_only:
                lock_editing(chooser)
        return self._chooser

    def _connect_signals(self) -> None:
        self.autosaver.sig_saved.connect(self.status.saved)  # 正在保存… and 未保存: the label follows the autosaver
        self.view.sig_report_changed.connect(lambda _report: self.status.saved())  # written at once
        self.view.sig_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.view.currentChanged.connect(self._on_tab_changed)
        self.undo_stack.indexChanged.connect(self._on_history_step)
        for source in (self.chapters, self.check_controller, self.figures):
            source.sig_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.chapters.sig_restore_available.connect(self.act_restore_chapter.setEnabled)
        app = QApplication.instance()
        self._watching_focus = isinstance(app, QApplication)
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def restore_backup(self) -> None:
        """从备份恢复, then show the report list of the restored data."""
        self.autosaver.flush()
        if _lazy("datafile.data_actions").restore_from_backup(self.store, self.db_path, self) is not None:
            self.view.unload()
            self.show_chooser()

    # ---- pages ------------------------------------------------------------------------------
    def show_chooser(self) -> None:
        self.autosaver.flush()
        self.undo_stack.clear()  # Ctrl+Z on the list must not change a report out of sight
        self.chooser.set_reports(self.store.list_reports(), select=self.view.report_id)
        self.pages.setCurrentWidget(self.chooser)
        self.setWindowTitle(f"报告列表 — {APP_NAME}")
        self.status.clear()
        self._set_report_actions(False)

    def open_report(self, report_id: int, viewing: bool = False) -> None:
        """Show report ``report_id`` and remember it for the next start; ``viewing``: read-only (汇总 view)."""
        if self.view.read_only and not (self.read_only or viewing):
            unlock_editing(self.view)
        self.view.read_only = self.read_only or viewing
        report = self.view.load(report_id)
        self.chapters.forget()
        self.check_controller.forget_fix()
        if not self.read_only:  # the holder of the file remembers its own last report
            self.store.set_meta(LAST_REPORT_KEY, str(report_id))
        self.pages.setCurrentWidget(self.view)
        self._set_report_actions(True)
        self.status.show_report(report)
        self.sig_report_opened.emit(report_id, viewing)

    def open_last_report(self) -> bool:
        """Reopen the report open at the end of the last session; False when there is none."""
        raw = self.store.get_meta(LAST_REPORT_KEY)
        ids = {s.id for s in self.store.list_reports()}
        if raw and raw.isdigit() and int(raw) in ids:
            self.open_report(int(raw))
            return True
        return False

    def _set_report_actions(self, enabled: bool) -> None:
        for action in (self.act_add_chapter, self.act_rename_chapter, self.act_delete_chapter,
                       self.act_move_left, self.act_move_right, self.figures.action, self.act_replace):
            action.setEnabled(enabled and not self.view.read_only)
        for action in (self.act_export, self.act_export_pdf, self.act_preview, self.act_preview_beside,
                       self.act_find, self.act_next_tab, self.act_previous_tab):
            action.setEnabled(enabled)

    def _lock(self) -> None:
        """Read-only viewing: nothing that writes is offered; the report list still opens reports."""
        self.view.read_only = True
        for action in (self.act_new, self.act_import, self.act_restore_backup, self.act_restore_chapter,
                       self.act_undo, self.act_redo):
            if action is not None:
                action.setEnabled(False)
        self.act_undo.setVisible(False)  # QUndoStack re-enables its actions; hidden they do nothing
        self.act_redo.setVisible(False)
        self.statusBar().addWidget(banner(self.why_read_only))
        self.save_label.setText("只读")

    # ---- report list actions ----------------------------------------------------------------
    def new_report(self) -> None:
        report_id = _lazy("reports.report_list_actions").create_new(self.store, self)
        if report_id is not None:
            self.open_report(report_id)

    def import_report(self) -> None:
        """导入已有报告 (.docx/.txt) and open it."""
        self.autosaver.flush()
        from fazhi_desktop.ui.importing.import_actions import import_report

        report_id = import_report(self.store, self.db_path, self)
        if report_id is not None:
            self.open_report(report_id)

    def copy_report(self, report_id: int) -> None:
        """从上一年复制: the next year's draft from ``report_id`` (or the one that exists, if asked to open)."""
        self.autosaver.flush()
        created = _lazy("reports.report_list_actions").copy_to_next_year(self.store, report_id, self)
        if isinstance(created, int):
            self.open_report(created)
        elif created is not None and created.id is not None:
            self.statusBar().showMessage(f"已根据{created.year - 1}年度报告新建{created.year}年度报告", 8000)
            self.open_report(created.id)

    def delete_report(self, report_id: int) -> None:
        """Delete after confirmation, with a backup file and 撤销删除 until the next delete."""
        self.autosaver.flush()
        deleted = _lazy("reports.report_list_actions").delete_with_backup(self.store, self.db_path, report_id, self)
        if deleted is None:
            return
        self._deleted_report = deleted
        if self.view.report_id == report_id:
            self.view.unload()
        self.chooser.set_undo_available(f"恢复“{deleted.report.title}”")
        self.show_chooser()

    def undo_delete_report(self) -> None:
        if self._deleted_report is None:
            return
        restored = _lazy("reports.report_list_actions").restore_deleted(self.store, self._deleted_report, self)
        if restored is not None:
            self._deleted_report = None
            self.chooser.set_undo_available("")
            self.chooser.set_reports(self.store.list_reports(), select=restored)

    def export_word(self) -> ExportResult | None:
        """导出Word: pending typing is saved first, then the export dialog."""
        if self.view.report_id is None:
            return None
        self.autosaver.flush()
        from fazhi_desktop.ui.exporting.export_actions import export_report  # python-docx loads on first export

        result = export_report(self.store, self.view.report(), self.settings, self, self.preview.choices)
        if result is not None:
            self.statusBar().showMessage(f"已导出：{result.path}", 10000)
        return result

    # ---- status -----------------------------------------------------------------------------
    def _on_history_step(self, _index: int) -> None:
        self.statusBar().clearMessage()  # a note about an earlier step (没有变化 …) no longer applies
        self.status.update_counts()

    def switch_tab(self, delta: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: the next or previous tab of the report, round the end."""
        if self.pages.currentWidget() is self.view and self.view.count():
            self.view.setCurrentIndex((self.view.currentIndex() + delta) % self.view.count())

    def find_replace(self, replacing: bool) -> None:
        """查找 (Ctrl+F) / 替换 (Ctrl+H) across the whole report."""
        if self.view.report_id is None:
            return
        from fazhi_desktop.ui.edit.find_actions import show_find_dialog  # made when first asked for

        show_find_dialog(self, replacing and not self.view.read_only)

    def _on_tab_changed(self, _index: int) -> None:
        self.autosaver.flush()
        self.status.update_counts()

    def _on_focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self.autosaver.flush()

    def commit_data(self, _manager: object = None) -> None:
        """The session manager asks (Windows log-off or shutdown): everything typed is saved now."""
        self.autosaver.flush()

    def show_first(self) -> None:
        """Show the window for the first time: maximised on a first start on a small screen."""
        if self.start_maximised:
            self.showMaximized()
        else:
            self.show()

    def bring_to_front(self) -> None:
        """Another start of the program on this data file asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def show_about(self) -> AboutDialog:
        self.autosaver.flush()
        return _lazy("datafile.data_actions").show_about(self.store, self.db_path, self)

    # ---- geometry and closing ---------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.autosaver.flush() and not Dialogs.confirm(
                self, "有修改未能保存", f"{self.autosaver.last_error}\n\n关闭后这些修改会丢失。仍要关闭吗？"):
            event.ignore()  # the clerk can fix the cause (free disk space) and close again
            return
        self.check_controller.stop()
        self.preview.stop()
        self.undo_stack.blockSignals(True)  # its destructor emits indexChanged; nothing to show then
        save_geometry(self, self.settings)
        app = QApplication.instance()
        if isinstance(app, QApplication) and self._watching_focus:
            app.focusChanged.disconnect(self._on_focus_changed)
            self._watching_focus = False
        super().closeEvent(event)
