"""The status bar's save state: 正在保存… / 已保存 hh:mm:ss / 未保存, and the warning of a failed save."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QStatusBar

from fazhi_desktop.ui.window.autosaver import Autosaver

FAILED = "保存失败"


class SaveStatus(QLabel):
    """Follows the autosaver; a 保存失败 warning is cleared from the status bar once saving works again."""

    def __init__(self, autosaver: Autosaver, status_bar: QStatusBar) -> None:
        super().__init__("自动保存")
        self.setToolTip("所有修改都会在停止输入约半秒后自动保存（连续输入时至少每2秒保存一次），无需手动保存")
        self._bar = status_bar
        autosaver.sig_saved.connect(self._saved)
        autosaver.sig_pending.connect(lambda: self.setText("正在保存…"))
        autosaver.sig_failed.connect(self._failed)

    def _saved(self, when: str) -> None:
        self.setText(f"已保存 {when}")
        if self._bar.currentMessage().startswith(FAILED):
            self._bar.clearMessage()

    def _failed(self, message: str) -> None:
        self.setText("未保存")
        self._bar.showMessage(message, 10000)
