"""The report's text as a flow of paragraphs: title, 主送机关, opening, chapters, closing, 附件说明.

Empty chapters: a 自定义 chapter with no text is skipped (and does not take a number); a
statutory chapter (the five parts the regulation requires) with no text is printed with the
single body line "无。", because the report must say that there is nothing to report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole, Report
from fazhi_desktop.core.numbering import block_numbers, chapter_number
from fazhi_desktop.core.text import strip_control
from fazhi_desktop.export.flow import Para, PStyle, Run, Source, blank, body
from fazhi_desktop.export.fonts import FontRole
from fazhi_desktop.export.options import Attachment, ExportOptions
from fazhi_desktop.export.titlebreak import break_title

NOTHING_TO_REPORT = "无。"

_LEVEL_STYLE = {2: PStyle.H2, 3: PStyle.H3, 4: PStyle.H4}
_LEVEL_FONT = {2: FontRole.KAITI, 3: FontRole.FANGSONG, 4: FontRole.FANGSONG}


def clean(text: str) -> str:
    """Text safe for XML: no control characters or lone surrogates, no line breaks, trimmed."""
    return " ".join(strip_control(text).split("\n")).strip()


def paragraphs(text: str) -> list[str]:
    return [p for p in (clean(line) for line in strip_control(text).split("\n")) if p]


def paragraphs_at(text: str) -> list[tuple[str, int]]:
    """:func:`paragraphs` with where each begins in ``text`` (the offset an editor selects at)."""
    out: list[tuple[str, int]] = []
    offset = 0
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        cleaned = clean(line)
        if cleaned:
            out.append((cleaned, offset + len(line) - len(line.lstrip())))
        offset += len(line) + 1
    return out


def _field_paras(text: str, field: str, chapter: int | None = None, block: int | None = None) -> list[Para]:
    return [body(t, source=Source(0, field, chapter, block, at)) for t, at in paragraphs_at(text)]


def title_paras(lines: Iterable[str], source: str = "") -> list[Para]:
    """The title's lines; ``source``: the field they come from ("title" for the report's own)."""
    out, offset = [], 0
    for line in lines:
        sources = (Source(0, source, offset=offset),) if source else ()
        out.append(Para(PStyle.TITLE, (Run(line, FontRole.XIAOBIAOSONG),), keep_next=True, keep_lines=True,
                        sources=sources))
        offset += len(line)
    return out


def title_lines(report: Report, options: ExportOptions) -> list[str]:
    own = [clean(line) for line in options.title_lines if clean(line)]
    lines = own or break_title(clean(report.title).rstrip("。．.，,；;：:"))
    return [line.rstrip("，,、；;：:") for line in lines]  # no punctuation at a title line's end


def _heading_run(level: int, text: str, options: ExportOptions) -> Run:
    return Run(text, _LEVEL_FONT[level], bold=level == 3 and options.level3_bold)


RUN_IN_END = "。！？；：…!?;:"  # what may end a run-in heading (= core.headings.TERMINAL, tested)


def _block_paras(block: Block, number: str, options: ExportOptions, notes: list[str],
                 where: tuple[int, int]) -> list[Para]:
    texts = paragraphs_at(block.body)
    heading = clean(block.heading)
    chapter, index = where
    bodies = [body(t, source=Source(0, "body", chapter, index, at)) for t, at in texts]
    head_src = Source(len(number), "heading", chapter, index, len(block.heading) - len(block.heading.lstrip()))
    if block.kind is BlockKind.PARAGRAPH:
        return ([body(heading, source=head_src)] if heading else []) + bodies
    if block.run_in and texts and heading and not heading.endswith(tuple(RUN_IN_END)):
        # a run-in heading without its full stop would print glued to the text after it
        notes.append(f"接排标题“{number}{heading}”末尾没有标点，已加“。”")
        heading = heading.rstrip("，,、") + "。"
    label = number + heading
    run = _heading_run(block.level, label, options)
    if block.run_in and texts:
        first = Para(PStyle.BODY, (run, Run(texts[0][0])),
                     sources=(head_src, Source(len(label), "body", chapter, index, texts[0][1])))
        return [first, *bodies[1:]]
    # Heading styles carry w:keepNext (setup.py), so a heading always travels with what follows,
    # body or not; the pre-flight must know it (it once let a bare （四） end a page that Word and
    # LibreOffice began with it, and every later page was one line off).
    head = Para(_LEVEL_STYLE[block.level], (run,), keep_next=True, keep_lines=True, sources=(head_src,))
    return [head, *bodies]


def _visible_blocks(chapter: Chapter, options: ExportOptions) -> list[tuple[int, Block]]:
    """The blocks printed, with their place in the chapter."""
    return [(i, b) for i, b in enumerate(chapter.blocks) if not (options.web and b.internal)]


def _has_text(chapter: Chapter, blocks: list[Block]) -> bool:
    return bool(clean(chapter.lead)) or any(clean(b.heading) or paragraphs(b.body) for b in blocks)


def chapter_paras(report: Report, options: ExportOptions, notes: list[str]) -> list[Para]:
    out: list[Para] = []
    index = 0
    for position, chapter in enumerate(report.chapters):
        visible = _visible_blocks(chapter, options)
        blocks = [b for _, b in visible]
        empty = not _has_text(chapter, blocks)
        if empty and chapter.role is ChapterRole.CUSTOM:
            notes.append(f"章“{clean(chapter.title) or '（无标题）'}”没有内容，未导出")
            continue
        number = chapter_number(index) if report.number_chapters else ""
        index += 1
        title_src = Source(len(number), "chapter_title", position)
        out.append(Para(PStyle.H1, (Run(number + clean(chapter.title), FontRole.HEITI),), keep_next=True,
                        keep_lines=True, sources=(title_src,)))
        if empty:
            out.append(body(NOTHING_TO_REPORT, source=Source(len(NOTHING_TO_REPORT), "chapter_lead", position)))
            notes.append(f"章“{clean(chapter.title)}”没有内容，导出为“{NOTHING_TO_REPORT}”")
            continue
        out += _field_paras(chapter.lead, "chapter_lead", position)
        numbers = block_numbers(blocks)
        for (at, block), num in zip(visible, numbers, strict=True):
            out += _block_paras(block, num, options, notes, (position, at))
    return out


def attachment_note(attachments: tuple[Attachment, ...]) -> list[Para]:
    """附件说明: "附件：1.××", continuation and further names aligned under the first name."""
    if not attachments:
        return []
    label = "附件："
    numbered = len(attachments) > 1
    out: list[Para] = []
    for i, att in enumerate(attachments, start=1):
        name = (f"{i}." if numbered else "") + clean(att.title).rstrip("。；，、")
        prefix = label if i == 1 else ""
        # 附件： starts 2 characters in; every line of the names hangs at 2 + 3 (+ "1." width)
        hang = 5 + (1 if numbered else 0)
        out.append(Para(PStyle.ATTACH_NOTE, (Run(prefix + name),), left_chars=hang,
                        first_chars=(2 - hang) if i == 1 else (5 - hang)))
    return out


def body_flow(report: Report, options: ExportOptions, notes: list[str]) -> list[Para]:
    """Everything from the title to the last text line (closing or 附件说明), without 落款."""
    out = title_paras(title_lines(report, options), "title")
    out.append(blank())
    addressee = clean(report.addressee)
    if addressee:
        if not addressee.endswith(("：", ":")):
            addressee += "："
        out.append(Para(PStyle.ADDRESSEE, (Run(addressee.replace(":", "：")),), sources=(Source(0, "addressee"),)))
    out += _field_paras(report.opening, "opening")
    out += chapter_paras(report, options, notes)
    out += _field_paras(report.closing, "closing")
    attachments = visible_attachments(options)
    if attachments and not existing_attachment_note(report):
        out.append(blank())
        out += attachment_note(attachments)
    return out


_ATTACHMENT_NOTE = re.compile(r"^附\s*件\s*[：:]")


def existing_attachment_note(report: Report) -> str:
    """An 附件说明 the clerk typed at the end of the text ("附件：…"), or ""."""
    tail = paragraphs(report.closing)
    written = [c for c in report.chapters if any(paragraphs(b.body) for b in c.blocks)]
    if written:  # the end of the last chapter with text (an import puts it there)
        tail = [p for b in written[-1].blocks for p in paragraphs(b.body)][-3:] + tail
    return next((p for p in reversed(tail) if _ATTACHMENT_NOTE.match(p)), "")


def visible_attachments(options: ExportOptions) -> tuple[Attachment, ...]:
    return tuple(a for a in options.attachments if not (options.web and a.internal))
