"""Fictional reports for the export tests: built in code, never copied from a real report."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole, Report, SealMode, Unit

UNIT = Unit.from_short_name("青石镇")
SENTENCE = "全年围绕法治政府建设目标任务，细化工作措施，压实工作责任，各项工作有序推进。"


def filler(n_chars: int, seed: int = 0) -> str:
    """A paragraph of about ``n_chars`` characters with digits and punctuation mixed in."""
    text = ""
    i = seed
    while len(text) < n_chars:
        text += f"第{i % 9 + 1}项工作完成率达{90 + i % 10}%，" if i % 4 == 0 else SENTENCE
        i += 1
    return text[: n_chars - 1].rstrip("，。") + "。"


def base(**changes: object) -> Report:
    report = Report(
        unit=UNIT, year=2025, addressee="中共清河县委、清河县人民政府",
        opening="2025年，我镇坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：",
        signatories=("青石镇人民政府",), date=dt.date(2026, 1, 16), seal=SealMode.SEALED,
    )
    return replace(report, **changes)  # type: ignore[arg-type]


def length_variant(k: int) -> Report:
    """Report number ``k`` of the seal-page series: k one-line paragraphs move the end by k lines."""
    blocks = [Block(BlockKind.PARAGRAPH, body=f"第{i + 1}项：按期完成年度任务。") for i in range(k)]
    blocks.append(Block(BlockKind.PARAGRAPH, body=filler(70, k)))
    chapter = Chapter(ChapterRole.MEASURES, "主要举措和成效", blocks=tuple(blocks))
    organs = ("中共青石镇委员会", "青石镇人民政府") if k % 3 == 0 else ("青石镇人民政府",)
    return base(chapters=(chapter,), closing="特此报告。" if k % 2 == 0 else "", signatories=organs)


def long_report() -> Report:
    """About 12 pages: five chapters, all heading levels, run-in headings, long paragraphs."""
    chapters = []
    titles = [(ChapterRole.MEASURES, "2025年度推进法治政府建设的主要举措和成效"),
              (ChapterRole.SHORTCOMINGS, "存在的不足和原因"),
              (ChapterRole.PRINCIPAL_DUTY, "党政主要负责人履行推进法治建设第一责任人职责情况"),
              (ChapterRole.NEXT_YEAR, "2026年度推进法治政府建设的主要安排"),
              (ChapterRole.OTHER, "其他需要报告的情况")]
    for c, (role, title) in enumerate(titles):
        blocks: list[Block] = []
        if role is ChapterRole.OTHER:
            chapters.append(Chapter(role, title))
            continue
        for s in range(3 if c == 0 else 2):
            blocks.append(Block(BlockKind.SECTION, heading=f"健全第{s + 1}方面工作机制", body=filler(90, s)))
            for i in range(3):
                blocks.append(Block(BlockKind.ITEM, heading=f"落实第{i + 1}项制度。", body=filler(120 + 40 * i, i),
                                    run_in=True))
            blocks.append(Block(BlockKind.POINT, heading="强化督促检查", body=filler(60, s)))
        chapters.append(Chapter(role, title, lead=filler(80, c) if c == 2 else "", blocks=tuple(blocks)))
    return base(title_override="中共青石镇委员会青石镇人民政府关于2025年度法治政府建设情况的报告",
                chapters=tuple(chapters), signatories=("中共青石镇委员会", "青石镇人民政府"),
                issuer_mark="青石镇人民政府文件", doc_number="青府报〔2026〕1号", signer="李华",
                imprint_cc="清河县委全面依法治县委员会办公室", imprint_printer="青石镇党政综合办公室")


_H1 = re.compile(r"^[一二三四五六七八九十]+、\s*(.+?)\s*$")
_H2 = re.compile(r"^（[一二三四五六七八九十]+）\s*(.+?)\s*$")
_END = "。；：！？”"


def parse_sample(text: str) -> Report:
    """Title = the lines before the first paragraph; chapters at 一、; sections at （一）; PDF line
    breaks inside sentences joined."""
    lines = [line.strip() for line in text.splitlines()]
    title = "".join("".join(line.split()) for line in lines[:2])
    chapters: list[Chapter] = []
    opening = ""
    current: list[str] = []
    blocks: list[Block] = []
    heading = ""

    def flush() -> None:
        nonlocal current, heading
        if heading or current:
            blocks.append(Block(BlockKind.SECTION if heading else BlockKind.PARAGRAPH, heading=heading,
                                body="\n".join(current)))
        current, heading = [], ""

    for line in lines[2:]:
        if not line:
            continue
        if m := _H1.match(line):
            flush()
            if chapters or blocks:
                chapters[-1] = Chapter(chapters[-1].role, chapters[-1].title, blocks=tuple(blocks))
            blocks = []
            chapters.append(Chapter(ChapterRole.CUSTOM, m[1]))
        elif m := _H2.match(line):
            flush()
            heading = m[1]
        elif not chapters:
            opening += line
        elif current and not current[-1].endswith(tuple(_END)):
            current[-1] += line
        else:
            current.append(line)
    flush()
    chapters[-1] = Chapter(chapters[-1].role, chapters[-1].title, blocks=tuple(blocks))
    return base(unit=Unit.from_short_name("千佛镇"), title_override=title, opening=opening,
                addressee="", chapters=tuple(chapters), signatories=("千佛镇人民政府",))
