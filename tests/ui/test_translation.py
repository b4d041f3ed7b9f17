"""Qt's own buttons are Chinese: qtbase_zh_CN is loaded from Qt's translations folder."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from fazhi_desktop.ui.common.dialogs import Dialogs


def test_translation_is_found(chinese_qt: bool) -> None:
    assert chinese_qt is True


def test_dialog_button_box_says_queding_quxiao(qtbot) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = [box.button(b).text() for b in (QDialogButtonBox.StandardButton.Ok,  # type: ignore[union-attr]
                                            QDialogButtonBox.StandardButton.Cancel)]
    assert texts == ["确定", "取消"]


def test_confirm_dialog_buttons_are_chinese(qtbot, monkeypatch) -> None:
    seen: list[list[str]] = []

    def fake_exec(box: QMessageBox) -> int:
        seen.append([b.text() for b in box.buttons()])
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    assert Dialogs.confirm(None, "删除报告", "确定删除吗？") is True
    assert sorted(seen[0]) == sorted(["确定", "取消"])
