"""The 数据指标 statistics sheet (core.indicator_sheet) as an export Attachment."""

from __future__ import annotations

from fazhi_desktop.core.indicator_sheet import StatisticsSheet
from fazhi_desktop.export.options import Attachment, AttachmentTable


def statistics_attachment(sheet: StatisticsSheet) -> Attachment:
    # the 类别 column is written once per group: its cells are merged down the group (per page)
    table = AttachmentTable(sheet.header, sheet.rows, col_widths=sheet.col_widths, merge_columns=(1,))
    return Attachment(sheet.title, (sheet.note,) if sheet.note else (), table)
