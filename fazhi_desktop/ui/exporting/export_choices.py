"""The export options of the open report, shared by the export dialog and the preview's toggles: tick
版记 on the preview and the dialog opens with it ticked; choose 网页公开版 in the dialog and the preview
shows that version."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from fazhi_desktop.core.model import Report, SealMode
from fazhi_desktop.ui.exporting.export_dialog import ExportRequest

TOGGLES = ("red_header", "imprint", "data_table", "web", "sealed")  # what the preview shows as toggles


class ExportChoices(QObject):
    """The current choices as an :class:`ExportRequest` (its path unused until a file is chosen)."""

    sig_changed = Signal()

    def __init__(self, report: Report | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._request = ExportRequest(Path())
        self._report_id: int | None = None
        if report is not None:
            self.reset(report)

    @property
    def request(self) -> ExportRequest:
        return self._request

    @property
    def report_id(self) -> int | None:
        return self._report_id

    def reset(self, report: Report) -> None:
        """The defaults for ``report``: 版头 when it has a 发文机关标志, its own seal setting."""
        self._report_id = report.id
        self._set(ExportRequest(Path(), red_header=bool(report.issuer_mark), sealed=report.seal is SealMode.SEALED))

    def set(self, name: str, value: bool) -> None:
        """One option changed (a toggle on the preview)."""
        if name not in {f.name for f in fields(ExportRequest)} or name == "path":
            raise KeyError(name)
        changes: dict[str, object] = {name: value}
        self._set(replace(self._request, **changes))  # type: ignore[arg-type]

    def take(self, request: ExportRequest) -> None:
        """What the export dialog was accepted with."""
        self._set(replace(request, path=Path()))

    def _set(self, request: ExportRequest) -> None:
        if request != self._request:
            self._request = request
            self.sig_changed.emit()
