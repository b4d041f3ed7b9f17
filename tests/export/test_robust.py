"""Bad and unusual text never breaks the export: control characters, emoji, rare characters,
very long paragraphs, empty chapters, internal content in the web version."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx

from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole
from fazhi_desktop.export import ExportOptions, export_docx
from fazhi_desktop.export.body import NOTHING_TO_REPORT
from tests.export.reports import base, filler, long_report

BAD = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]) + "\ud800\udfff\ufffe"


def texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_control_characters_and_lone_surrogates_are_removed(tmp_path: Path) -> None:
    chapter = Chapter(ChapterRole.MEASURES, f"主要{BAD}举措", lead=f"开头{BAD}段落",
                      blocks=(Block(BlockKind.SECTION, heading=f"标题{BAD}", body=f"正文{BAD}内容\r\n第二段"),))
    report = base(title_override=f"青石镇{BAD}报告", addressee=f"县委{BAD}", opening=f"开{BAD}头",
                  closing=f"特此{BAD}报告。", signatories=(f"青石镇{BAD}人民政府",), chapters=(chapter,),
                  imprint_cc=f"抄{BAD}送", doc_number=f"青府报{BAD}〔2026〕1号")
    out = tmp_path / "bad.docx"
    export_docx(report, out, ExportOptions(red_header=True, imprint=True))
    got = texts(out)
    for expected in ("青石镇报告", "县委：", "开头", "一、主要举措", "开头段落", "（一）标题", "正文内容",
                     "第二段", "特此报告。"):
        assert expected in got
    assert all(not any(ch in BAD for ch in t) for t in got)


def test_emoji_rare_characters_and_a_very_long_paragraph_survive(tmp_path: Path) -> None:
    rare = "𠀀𪚥䶮堃喆"  # CJK Extension B and rarely supported name characters
    long_text = filler(20_000)
    chapter = Chapter(ChapterRole.MEASURES, "主要举措和成效",
                      blocks=(Block(BlockKind.PARAGRAPH, body=f"村民{rare}点赞👍🏻，满意度💯。"),
                              Block(BlockKind.PARAGRAPH, body=long_text)))
    out = tmp_path / "rare.docx"
    result = export_docx(base(chapters=(chapter,)), out)
    got = texts(out)
    assert f"村民{rare}点赞👍🏻，满意度💯。" in got and long_text in "".join(got)  # the last one may be split
    assert result.pages >= 20  # 20,000 characters at 22 × 28 a page


def test_empty_chapters_custom_skipped_statutory_say_nothing_to_report(tmp_path: Path) -> None:
    done = Block(BlockKind.PARAGRAPH, body="做了工作。")
    chapters = (Chapter(ChapterRole.MEASURES, "主要举措和成效", blocks=(done,)),
                Chapter(ChapterRole.CUSTOM, "自定义空章"),
                Chapter(ChapterRole.OTHER, "其他需要报告的情况", blocks=(Block(BlockKind.SECTION),)))
    out = tmp_path / "empty.docx"
    result = export_docx(base(chapters=chapters), out)
    got = texts(out)
    assert "自定义空章" not in "".join(got)
    i = got.index("二、其他需要报告的情况")  # the skipped chapter takes no number
    assert got[i + 1] == NOTHING_TO_REPORT
    assert any("自定义空章" in n for n in result.notes)


def test_web_version_drops_internal_blocks_red_header_and_imprint(tmp_path: Path) -> None:
    report = long_report()
    first = report.chapters[0]
    blocks = (*first.blocks, Block(BlockKind.PARAGRAPH, body="内部掌握的数据不公开。", internal=True))
    report = replace(report, chapters=(replace(first, blocks=blocks), *report.chapters[1:]))
    printed, web = tmp_path / "print.docx", tmp_path / "web.docx"
    export_docx(report, printed, ExportOptions(red_header=True, imprint=True))
    export_docx(report, web, ExportOptions(red_header=True, imprint=True, web=True))
    assert "内部掌握的数据不公开。" in texts(printed) and "青石镇人民政府文件" in texts(printed)
    web_text = "".join(texts(web))
    assert "内部掌握的数据不公开。" not in web_text
    assert "青石镇人民政府文件" not in web_text and "签发人" not in web_text
    assert not docx.Document(str(web)).tables  # no 版记
    assert "2026年1月16日" in web_text  # the organs' signature and date stay
