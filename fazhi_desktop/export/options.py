"""What the caller chooses for one export, what it gets back, and the attachment hook."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from fazhi_desktop.export.fonts import FontMap, canonical_map


class AttachmentTable(NamedTuple):
    """A statistics table: a header row and data rows of text cells."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    unit_label: str = ""  # e.g. "单位：件", right-aligned above the table
    col_widths: tuple[float, ...] = ()  # relative widths; empty: equal columns
    merge_columns: tuple[int, ...] = ()  # columns where an empty cell continues the one above (类别)


class Attachment(NamedTuple):
    """附件: a title plus paragraphs and/or a table, printed on a new page after the 落款.

    The indicators feature builds one with its statistics table; the 附件说明 line under the
    body lists every attachment by title.
    """

    title: str
    paragraphs: tuple[str, ...] = ()
    table: AttachmentTable | None = None
    internal: bool = False  # left out of the 网页公开版


@dataclass(frozen=True)
class ExportOptions:
    """What the clerk chose in the export dialog (or on the command line)."""

    red_header: bool = False  # 版头: 发文机关标志, 发文字号, 签发人, red rule
    imprint: bool = False  # 版记: 抄送, 印发机关, 印发日期
    sealed: bool | None = None  # None: the report's own seal mode
    web: bool = False  # 网页公开版: no 版头/版记, nothing internal
    fonts: FontMap = field(default_factory=canonical_map)
    cjk_digits: bool = False  # digits and Latin letters in the CJK font instead of Times New Roman
    level3_bold: bool = False  # 1. headings bold (a local practice, not GB/T 9704)
    seal_blank_lines: int = 2  # blank lines between the last text line and the organ name (1–3)
    title_lines: tuple[str, ...] = ()  # the user's own title break; empty: automatic
    attachments: tuple[Attachment, ...] = ()


class ExportResult(NamedTuple):
    """The written file(s), the estimated page count and the notes to show the clerk."""

    path: Path
    pages: int  # counted by the pagination pre-flight (the page count LibreOffice renders)
    notes: tuple[str, ...] = ()  # font substitutions, 落款 adjustments, skipped chapters…
    html_path: Path | None = None
    warnings: tuple[str, ...] = ()  # what the clerk should fix before printing (no 成文日期 …)


class ExportError(Exception):
    """The export could not be written; the message is Chinese and names the file."""


class TargetLockedError(ExportError):
    """The target file is open in Word/WPS (Windows refuses to replace it); nothing was changed."""

    def __init__(self, path: Path, suggestion: Path) -> None:
        super().__init__(f"文件正被打开（可能在 Word 或 WPS 中）：{path}。请关闭后重试，或另存为 {suggestion.name}。")
        self.path = path
        self.suggestion = suggestion


class ExportCancelled(ExportError):
    """The user cancelled (取消) a long export; the target file was not touched."""

    def __init__(self) -> None:
        super().__init__("已取消导出，原有文件未改动。")


ShouldStop = Callable[[], bool]
"""Asked now and then during a long export (a 10,000-block report takes seconds); True: stop."""


def checkpoint(should_stop: ShouldStop | None) -> None:
    """Raise :class:`ExportCancelled` when the caller asked to stop."""
    if should_stop is not None and should_stop():
        raise ExportCancelled()
