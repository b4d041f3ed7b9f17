"""Tells the clerk, in plain Chinese, that something unexpected happened and where the log is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

TITLE = "程序遇到意外问题"


def message_text(summary: str, log_path: Path) -> str:
    return (f"程序遇到了一个意外问题，已记录在日志中：\n{log_path}\n\n"
            "已经保存的内容不会丢失，您可以继续工作。如果问题反复出现，请用“帮助 → 导出诊断信息”"
            f"把日志发给技术支持。\n\n（{summary[:200]}）")


def show_unhandled(summary: str, log_path: Path) -> None:
    """Show the message if a window can be shown; the program keeps running."""
    if QApplication.instance() is None:
        return
    box = QMessageBox(QMessageBox.Icon.Warning, TITLE, message_text(summary, log_path))
    box.exec()
