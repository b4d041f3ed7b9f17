"""关于: version, where the data lives, 打开数据目录 and 备份到…."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fazhi_desktop import __version__
from fazhi_desktop.ui.common.screen_fit import fit_dialog
from fazhi_desktop.ui.window.report_texts import APP_NAME


class AboutDialog(QDialog):
    """Shows the version and the data file; the buttons ask the window to act."""

    sig_open_data_dir_requested = Signal()
    """打开数据目录 was clicked."""

    sig_backup_requested = Signal()
    """备份到… was clicked."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"关于{APP_NAME}")
        text = QLabel(f"<b>{APP_NAME}</b><br>版本 {__version__}<br><br>"
                      f"数据文件：{db_path}<br>数据目录：{db_path.parent}<br><br>"
                      "所有修改随时自动保存，无需手动保存。<br>"
                      "建议定期用“备份到…”把数据复制到U盘或其他电脑。")
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setWordWrap(True)
        self.open_dir = QPushButton("打开数据目录")
        self.backup = QPushButton("备份到…")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        row = QHBoxLayout()
        row.addWidget(self.open_dir)
        row.addWidget(self.backup)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(row)
        self.open_dir.clicked.connect(self.sig_open_data_dir_requested)
        self.backup.clicked.connect(self.sig_backup_requested)
        buttons.rejected.connect(self.reject)
        fit_dialog(self)
