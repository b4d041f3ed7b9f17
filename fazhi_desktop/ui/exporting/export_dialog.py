"""导出Word: the export options (红头, 版记, 印章, 网页公开版, 字体) and the target file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fazhi_desktop.core.model import Report, SealMode
from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.common.screen_fit import fit_dialog


@dataclass(frozen=True)
class ExportRequest:
    """What the user chose in the dialog."""

    path: Path
    red_header: bool = False
    imprint: bool = False
    sealed: bool = True
    web: bool = False
    cjk_digits: bool = False
    installed_fonts: bool = False
    data_table: bool = False  # 附件: the 数据指标 statistics table


Estimate = Callable[[ExportRequest], tuple[int, tuple[str, ...]]]
"""The pre-flight for the options chosen: (pages, warnings)."""


class ExportDialog(QDialog):
    """Asks for the export options and the file; exporting itself is done by the window."""

    def __init__(self, report: Report, default_path: Path, parent: QWidget | None = None,
                 check_summary: str = "", previous: ExportRequest | None = None,
                 estimate: Estimate | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("导出Word")
        # the result of the check run just before exporting; it informs, it does not block
        self.check_summary = QLabel(check_summary)
        self.check_summary.setWordWrap(True)
        # the page count and the warnings of the pre-flight, for the options as they are ticked
        self._estimate = estimate
        self.pages = QLabel()
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #9a5b00;")
        self.red_header = QCheckBox("红头（版头：发文机关标志、发文字号、签发人）")
        self.red_header.setChecked(bool(report.issuer_mark))
        self.imprint = QCheckBox("版记（抄送、印发机关、印发日期）")
        self.sealed = QRadioButton(SealMode.SEALED.label)
        self.unsealed = QRadioButton(SealMode.UNSEALED.label)
        seal_group = QButtonGroup(self)
        seal_group.addButton(self.sealed)
        seal_group.addButton(self.unsealed)
        (self.sealed if report.seal is SealMode.SEALED else self.unsealed).setChecked(True)
        self.web = QCheckBox("网页公开版（不含版头、版记和标为“内部”的内容）")
        self.data_table = QCheckBox("附统计表（数据指标，作为附件排在落款之后）")
        self.cjk_digits = QCheckBox("数字和字母也用中文字体（默认用 Times New Roman）")
        self.installed_fonts = QCheckBox("按本机已安装的字体替换（默认写入标准字体名，便于在别的电脑打印）")
        self.path = QLineEdit(str(default_path))
        self.browse = QPushButton("浏览…")
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self._layout()
        self._connect_signals()
        if previous is not None:
            self.restore(previous)
        self._update_enabled()
        fit_dialog(self)

    def restore(self, request: ExportRequest) -> None:
        """Show the choices of an earlier try (an export that failed)."""
        self.red_header.setChecked(request.red_header)
        self.imprint.setChecked(request.imprint)
        (self.sealed if request.sealed else self.unsealed).setChecked(True)
        self.web.setChecked(request.web)
        self.data_table.setChecked(request.data_table)
        self.cjk_digits.setChecked(request.cjk_digits)
        self.installed_fonts.setChecked(request.installed_fonts)
        self.path.setText(str(request.path))

    def _layout(self) -> None:
        seal_row = QHBoxLayout()
        seal_row.addWidget(self.sealed)
        seal_row.addWidget(self.unsealed)
        seal_row.addStretch(1)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow("格式", self.red_header)
        form.addRow("", self.imprint)
        form.addRow("落款", seal_row)
        form.addRow("版本", self.web)
        form.addRow("附件", self.data_table)
        form.addRow("字体", self.cjk_digits)
        form.addRow("", self.installed_fonts)
        form.addRow("保存到", file_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if self.check_summary.text():
            layout.addWidget(self.check_summary)
        layout.addLayout(form)
        layout.addWidget(self.pages)
        layout.addWidget(self.warnings)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _connect_signals(self) -> None:
        self.web.toggled.connect(self._update_enabled)
        self.browse.clicked.connect(self._browse)
        for box in (self.red_header, self.imprint, self.sealed, self.web, self.data_table, self.cjk_digits):
            box.toggled.connect(self._update_estimate)

    def _update_enabled(self) -> None:
        for box in (self.red_header, self.imprint):
            box.setEnabled(not self.web.isChecked())
        self._update_estimate()

    def _update_estimate(self) -> None:
        if self._estimate is None:
            return
        pages, warnings = self._estimate(self.request())
        self.pages.setText(f"预计 {pages} 页（按所选格式排版后的页数）")
        self.warnings.setText("\n".join(f"注意：{w}" for w in warnings))
        self.warnings.setVisible(bool(warnings))

    def _browse(self) -> None:
        chosen = Dialogs.ask_save_file(self, "导出到", Path(self.path.text()), "Word 文件 (*.docx)")
        if chosen is not None:
            self.path.setText(str(chosen))

    def request(self) -> ExportRequest:
        path = Path(self.path.text().strip())
        if path.suffix.lower() != ".docx":
            path = path.with_name(path.name + ".docx")
        web = self.web.isChecked()
        return ExportRequest(
            path=path, red_header=self.red_header.isChecked() and not web,
            imprint=self.imprint.isChecked() and not web, sealed=self.sealed.isChecked(), web=web,
            cjk_digits=self.cjk_digits.isChecked(), installed_fonts=self.installed_fonts.isChecked(),
            data_table=self.data_table.isChecked(),
        )

    def _accept(self) -> None:
        if not self.path.text().strip():
            self.error.setText("请选择保存位置")
            return
        folder = self.request().path.parent
        if not folder.is_dir():
            self.error.setText(f"文件夹“{folder}”不存在，请点“浏览…”选择保存位置")
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, report: Report, default_path: Path,
            check_summary: str = "", previous: ExportRequest | None = None,
            estimate: Estimate | None = None) -> ExportRequest | None:
        dialog = cls(report, default_path, parent, check_summary, previous, estimate)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None
