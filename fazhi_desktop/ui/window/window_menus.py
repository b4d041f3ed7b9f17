"""The main window's menus (文件, 编辑, 章节, 视图, 帮助) and toolbar, set on the window as ``act_…``."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from fazhi_desktop.ui.window.font_scale import font_size_menu

if TYPE_CHECKING:
    from fazhi_desktop.ui.window.main_window import MainWindow


def lazy(module: str) -> ModuleType:
    """The menus' file actions and dialogs (备份到…, 新建, 删除 …), imported when first used."""
    return importlib.import_module(f"fazhi_desktop.ui.{module}")


def _action(w: MainWindow, menu_name: str, text: str, slot: object, keys: str = "") -> QAction:
    menu = w.menus.get(menu_name) or w.menuBar().addMenu(menu_name)
    w.menus[menu_name] = menu
    action = QAction(text, w)
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys.split(";")])  # not setShortcut: see ui/__init__.py
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(w: MainWindow) -> None:
    """Every menu action of the window, as its attributes (``w.act_undo`` …)."""

    def a(menu_name: str, text: str, slot: object, keys: str = "") -> QAction:
        return _action(w, menu_name, text, slot, keys)

    w.act_list = a("文件(&F)", "报告列表…", w.show_chooser, "Ctrl+O")
    w.act_new = a("文件(&F)", "新建报告…", w.new_report, "Ctrl+N")
    w.act_import = a("文件(&F)", "导入已有报告…", w.import_report)
    w.act_import.setToolTip("把已有的 Word（.docx）或文本（.txt）报告导入为一份报告，自动识别章节和条目")
    w.act_export = a("文件(&F)", "导出Word…", w.export_word, "Ctrl+E")
    w.act_export.setToolTip("导出符合 GB/T 9704 公文格式的 Word 文件（Ctrl+E）")
    w.act_export_pdf = a("文件(&F)", "导出PDF…", lambda: w.preview.export_pdf(), "Ctrl+Shift+E")
    w.act_export_pdf.setToolTip("按预览中的页面导出 PDF：嵌入字体，可在没有 Word/WPS 的电脑上打印，也可上网公开")
    w.act_preview = a("文件(&F)", "打印预览", lambda: w.preview.show(), "Ctrl+P")
    w.act_preview.setToolTip("看看打印出来的每一页：分页、页码、版头版记、印章位置（Ctrl+P）")
    toolbar = w.addToolBar("常用")
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    toolbar.addAction(w.act_list)
    toolbar.addAction(w.act_preview)
    toolbar.addAction(w.act_export)
    a("文件(&F)", "备份到…", lambda: lazy("datafile.data_actions").backup_to_folder(w.store, w))
    w.act_restore_backup = a("文件(&F)", "从备份恢复…", w.restore_backup)
    a("文件(&F)", "退出", w.close, "Ctrl+Q")
    w.act_undo = w.undo_stack.createUndoAction(w, "撤销")
    w.act_undo.setShortcuts(QKeySequence.StandardKey.Undo)
    w.act_redo = w.undo_stack.createRedoAction(w, "重做")
    w.act_redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
    edit = w.menuBar().addMenu("编辑(&E)")
    w.menus["编辑(&E)"] = edit
    edit.addAction(w.act_undo)
    edit.addAction(w.act_redo)
    edit.addSeparator()
    w.act_find = a("编辑(&E)", "查找…", lambda: w.find_replace(False), "Ctrl+F")
    w.act_replace = a("编辑(&E)", "替换…", lambda: w.find_replace(True), "Ctrl+H")
    w.act_find.setToolTip("在整份报告（标题、正文、基本信息）中查找（Ctrl+F）")
    edit.addSeparator()
    edit.addAction(w.figures.action)
    w.act_add_chapter = a("章节(&C)", "添加章节…", w.chapters.add_chapter)
    w.act_rename_chapter = a("章节(&C)", "重命名本章…", w.chapters.rename_chapter, "F2")
    w.act_move_left = a("章节(&C)", "本章前移", lambda: w.chapters.move_chapter(-1), "Ctrl+Alt+Left")
    w.act_move_right = a("章节(&C)", "本章后移", lambda: w.chapters.move_chapter(+1), "Ctrl+Alt+Right")
    w.act_delete_chapter = a("章节(&C)", "删除本章…", w.chapters.delete_chapter)
    w.act_restore_chapter = a("章节(&C)", "恢复刚删除的章节", w.chapters.restore_chapter)
    w.act_restore_chapter.setEnabled(False)
    view = w.menuBar().addMenu("视图(&V)")
    w.menus["视图(&V)"] = view
    w.act_next_tab = a("视图(&V)", "下一页（标签）", lambda: w.switch_tab(+1), "Ctrl+PgDown")
    w.act_previous_tab = a("视图(&V)", "上一页（标签）", lambda: w.switch_tab(-1), "Ctrl+PgUp")
    w.act_preview_beside = a("视图(&V)", "边写边看（右侧显示打印的样子）", w.preview.show_beside, "Ctrl+Shift+P")
    w.act_preview_beside.setCheckable(True)
    w.act_preview_beside.setToolTip("在窗口右侧显示打印出来的页面，输入时随时更新，并翻到正在写的那一段")
    w.font_actions = font_size_menu(view, w.settings, w)
    a("帮助(&H)", "导出诊断信息…", lambda: lazy("datafile.data_actions").export_diagnostics(w.store, w.db_path, w))
    a("帮助(&H)", "关于…", w.show_about)
