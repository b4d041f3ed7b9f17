"""What the clerk should know before printing: warnings shown by the export dialog and the CLI.

They never block the export (the file is still written); ``check`` reports some of them too, but a
clerk who exports without checking must see them here.
"""

from __future__ import annotations

from fazhi_desktop.core.model import Report
from fazhi_desktop.export.body import clean, existing_attachment_note
from fazhi_desktop.export.options import ExportOptions


def export_warnings(report: Report, options: ExportOptions) -> list[str]:
    out: list[str] = []
    if report.date is None:
        out.append("未填写成文日期：落款下没有日期。请在“基本信息”中填写成文日期")
    organs = [clean(s) for s in report.signatories if clean(s)]
    if not organs:
        out.append(f"未填写落款机关：已用单位全称“{clean(report.unit.full_name)}”落款")
    elif organs == [clean(report.unit.full_name)]:
        out.append(f"落款机关仍是默认的“{organs[0]}”：党委和政府联合报送时应为两个机关，请在“基本信息”中确认")
    if options.red_header and not options.web:
        if not clean(report.doc_number):
            out.append("版头没有发文字号（如“××府报〔2026〕1号”）：请在“基本信息”中填写")
        if not clean(report.signer):
            out.append("版头没有签发人：上行文应标注签发人，请在“基本信息”中填写")
    note = existing_attachment_note(report)
    if note and options.attachments:
        out.append(f"正文末尾已有附件说明“{note[:30]}”，未再另加；请确认其中列出了所附的统计表")
    return out
