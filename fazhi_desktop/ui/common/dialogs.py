"""Blocking questions to the user in one place, so tests can replace them (offscreen they never return)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget


class Dialogs:
    """Modal message boxes and input dialogs; every method is a staticmethod tests monkeypatch."""

    @staticmethod
    def confirm(parent: QWidget | None, title: str, text: str) -> bool:
        """确定/取消 question; True when the user chose 确定."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, parent)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Ok

    @staticmethod
    def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
        """是/否 question (否 is the default); True for 是."""
        answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    @staticmethod
    def ask_open(parent: QWidget | None, title: str, text: str) -> bool:
        """打开/取消 question (打开 is the default); True for 打开."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        open_button = box.addButton("打开", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(open_button)
        box.exec()
        return box.clickedButton() is open_button

    @staticmethod
    def inform(parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    @staticmethod
    def warn(parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.warning(parent, title, text)

    @staticmethod
    def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        """One line of text, or None when cancelled."""
        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
        return value.strip() if ok else None

    @staticmethod
    def ask_directory(parent: QWidget | None, title: str) -> Path | None:
        """A folder, or None when cancelled."""
        from fazhi_desktop.ui.common.file_dialog import chosen, existing_folder, file_dialog

        return chosen(file_dialog(parent, title, existing_folder(), mode=QFileDialog.FileMode.Directory))

    @staticmethod
    def ask_open_file(parent: QWidget | None, title: str, filters: str) -> Path | None:
        """An existing file to read, or None when cancelled."""
        from fazhi_desktop.ui.common.file_dialog import chosen, existing_folder, file_dialog

        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return chosen(file_dialog(parent, title, existing_folder(documents), filters))

    @staticmethod
    def ask_save_file(parent: QWidget | None, title: str, start: Path, filters: str) -> Path | None:
        """A file to write, or None when cancelled."""
        from fazhi_desktop.ui.common.file_dialog import chosen, file_dialog

        return chosen(file_dialog(parent, title, start, filters, saving=True))

    @staticmethod
    def export_done(parent: QWidget | None, text: str) -> str:
        """After an export: "file" (打开文件), "folder" (打开所在文件夹) or "" (关闭)."""
        box = QMessageBox(QMessageBox.Icon.Information, "导出完成", text, QMessageBox.StandardButton.NoButton,
                          parent)
        open_file = box.addButton("打开文件", QMessageBox.ButtonRole.AcceptRole)
        open_dir = box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        clicked = box.clickedButton()
        return "file" if clicked is open_file else "folder" if clicked is open_dir else ""

    @staticmethod
    def ask_choice(parent: QWidget | None, title: str, label: str, items: list[str]) -> str | None:
        """One of ``items``, or None when cancelled."""
        value, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
        return value if ok else None
