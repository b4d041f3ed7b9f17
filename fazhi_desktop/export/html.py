"""The 网页公开版 as one clean, self-contained HTML page for the county website.

No python-docx: the same paragraph flow as the Word file (without 版头, 版记 and anything
marked internal), with semantic tags and a small inline style sheet.
"""

from __future__ import annotations

from html import escape

from fazhi_desktop.core.model import Report
from fazhi_desktop.export.body import body_flow, clean, paragraphs, visible_attachments
from fazhi_desktop.export.flow import Para, PStyle
from fazhi_desktop.export.options import AttachmentTable, ExportOptions
from fazhi_desktop.export.signature import Signature, signature_paras

_CSS = """body{max-width:42em;margin:2em auto;padding:0 1em;font-family:"仿宋_GB2312","仿宋",FangSong,serif;
font-size:16pt;line-height:1.8;color:#000}
h1{font-family:"方正小标宋简体","华文中宋","宋体",serif;font-weight:normal;font-size:22pt;text-align:center}
h2{font-family:"黑体",SimHei,sans-serif;font-weight:normal;font-size:16pt;text-indent:2em;margin:0}
h3{font-family:"楷体_GB2312","楷体",KaiTi,serif;font-weight:normal;font-size:16pt;text-indent:2em;margin:0}
h4,h5{font-weight:normal;font-size:16pt;text-indent:2em;margin:0}
p{margin:0;text-indent:2em;text-align:justify}
p.addressee{text-indent:0}.kai{font-family:"楷体_GB2312","楷体",KaiTi,serif}
p.signature,p.date{text-align:right;text-indent:0;padding-right:4em}
section.attachment{margin-top:3em}section.attachment h2{text-indent:0}
table{border-collapse:collapse;width:100%;font-size:14pt}td,th{border:1px solid #000;padding:.2em .4em;
text-align:center}th{font-family:"黑体",SimHei,sans-serif;font-weight:normal}
.unit{text-align:right;text-indent:0}"""

_TAG = {PStyle.H1: "h2", PStyle.H2: "h3", PStyle.H3: "h4", PStyle.H4: "h5"}


def _para_html(para: Para) -> str:
    if para.style in _TAG:
        tag = _TAG[para.style]
        return f"<{tag}>{escape(para.text)}</{tag}>"
    if para.style is PStyle.BODY and len(para.runs) > 1:  # run-in heading
        head = para.runs[0]
        cls = ' class="kai"' if head.font.value == "kaiti" else ""
        rest = "".join(r.text for r in para.runs[1:])
        return f"<p><span{cls}>{escape(head.text)}</span>{escape(rest)}</p>"
    css = {PStyle.ADDRESSEE: "addressee", PStyle.SIGNATURE: "signature", PStyle.DATE: "date", PStyle.NOTE: "note",
           PStyle.ATTACH_NOTE: "addressee"}.get(para.style)
    attr = f' class="{css}"' if css else ""
    return f"<p{attr}>{escape(para.text.replace(chr(9), '　'))}</p>"


def _table_html(table: AttachmentTable) -> str:
    rows = []
    if table.unit_label:
        rows.append(f'<p class="unit">{escape(clean(table.unit_label))}</p>')
    rows.append("<table>")
    if table.header:
        rows.append("<tr>" + "".join(f"<th>{escape(clean(c))}</th>" for c in table.header) + "</tr>")
    for row in table.rows:
        rows.append("<tr>" + "".join(f"<td>{escape(clean(c))}</td>" for c in row) + "</tr>")
    rows.append("</table>")
    return "\n".join(rows)


def report_html(report: Report, options: ExportOptions) -> str:
    notes: list[str] = []
    flow = body_flow(report, options, notes)
    titles = [p.text for p in flow if p.style is PStyle.TITLE]
    organs = tuple(clean(o) for o in report.signatories if clean(o)) or (clean(report.unit.full_name),)
    sig = signature_paras(Signature(organs[:2], report.date, sealed=False, note=report.note), 1)
    parts = [f"<h1>{'<br>'.join(escape(t) for t in titles)}</h1>"]
    parts += [_para_html(p) for p in flow if p.style not in (PStyle.TITLE, PStyle.BLANK)]
    parts += [_para_html(p) for p in sig if p.style is not PStyle.BLANK]
    attachments = visible_attachments(options)
    for i, att in enumerate(attachments, start=1):
        label = "附件" if len(attachments) == 1 else f"附件{i}"
        parts.append(f'<section class="attachment"><h2>{label}</h2><h1>{escape(clean(att.title))}</h1>')
        parts += [f"<p>{escape(t)}</p>" for text in att.paragraphs for t in paragraphs(text)]
        if att.table is not None:
            parts.append(_table_html(att.table))
        parts.append("</section>")
    title = escape("".join(titles))
    body = "\n".join(parts)
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title}</title>\n<style>\n{_CSS}\n</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")
