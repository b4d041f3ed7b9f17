"""A county of our own: 安平县 with 30 townships, streets and departments, and the files they send.

Reports start from the complete demo report, renamed for each unit, with the unit's own figures; some
are sent as .fzbg packages, some as Word files (our own export), some as .txt (UTF-8 or GBK); some
carry errors (a repealed law, a phrase of the wrong period, a missing part, contradicting figures).
Bad files are mixed in: corrupt, truncated, tampered, duplicated, mislabelled, of the wrong year,
from a unit not on the roster, two different versions of one unit, a Word lock file, a PDF.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from fazhi_desktop.core.indicators import IndicatorValue, ValueState, load_catalog, parse_values
from fazhi_desktop.core.model import BlockKind, ChapterRole, Report, Status, Unit, UnitKind
from fazhi_desktop.core.numbering import block_numbers, chapter_number
from fazhi_desktop.core.package import pack
from fazhi_desktop.core.schema import format_date_cn
from fazhi_desktop.core.serialize import report_from_dict, report_to_dict
from fazhi_desktop.core.units import unit_for
from fazhi_desktop.resources import load_json

COUNTY = "安平县"
YEAR = 2025
ON_TIME = dt.date(2026, 2, 27)
LATE = dt.date(2026, 3, 9)  # 8 days after 3月1日
TOWNSHIPS = ["千佛镇", "石桥镇", "青龙乡", "白马镇", "龙潭镇", "三汇镇", "东山街道", "西城街道", "南河街道",
             "丰乐镇", "清溪镇", "新市镇", "红岩乡", "金鸡乡", "太平镇", "望江镇", "双河镇", "和平乡"]
DEPARTMENTS = ["县司法局", "县公安局", "县财政局", "县发展和改革局", "县教育局", "县自然资源局", "县生态环境局",
               "县住房和城乡建设局", "县交通运输局", "县市场监督管理局", "县应急管理局", "县人力资源和社会保障局"]
ROSTER = TOWNSHIPS + DEPARTMENTS


def unit(name: str) -> Unit:
    return unit_for(name, county=COUNTY)


def demo_figures() -> dict[str, IndicatorValue]:
    raw = load_json("demo", "demo-report.json")["indicators"]
    return parse_values(load_catalog(), raw)


JOINT_DEPARTMENTS = {"县交通运输局", "县生态环境局"}  # signed by the 党组 and the department
CONTRADICTING = "县公安局"  # its package says 调解成功 > 受理矛盾纠纷
# Its stored 法律援助案件 is 2.5 (a count must be whole), as a file written before figures were validated may hold:
# packages are validated now, so the collected data file is given the value afterwards (conftest.collected_db).
INVALID_FIGURE = "县司法局"


def figures_for(index: int, name: str = "") -> dict[str, IndicatorValue]:
    """The demo's figures with 受理/调解成功 and 行政诉讼 varied per unit (index 0, 1, 2 … of the roster)."""
    values = demo_figures()
    changed = {"disputes_accepted": 100 + 10 * index, "disputes_resolved": 95 + 10 * index,
               "litigation_concluded": index % 4, "litigation_lost": 1 if index % 4 == 3 else 0}
    if name == CONTRADICTING:
        changed["disputes_resolved"] = 120 + 10 * index
    for key, number in changed.items():
        values[key] = IndicatorValue(key, Decimal(number), ValueState.VALUE)
    return values


def report_for(name: str, year: int = YEAR, *, law_error: bool = False, stale: bool = False,
               missing: bool = False) -> Report:
    """The demo report as ``name``'s for ``year``, optionally with a repealed law, a phrase of the wrong
    period (党的十九大 in a 2025 report) or without its 存在的不足和原因 chapter."""
    data = report_to_dict(report_from_dict(load_json("demo", "demo-report.json")))
    text = json.dumps(data, ensure_ascii=False).replace("示例镇", name).replace("全镇", "全" + name[-1])
    if year != 2025:
        text = text.replace("2026", str(year + 1)).replace("2025", str(year))
    report = report_from_dict(json.loads(text))
    own = unit(name)
    joint = own.kind is not UnitKind.DEPARTMENT or name in JOINT_DEPARTMENTS  # (a department's 党组 and itself)
    signatories = (own.party_name, own.full_name) if joint else (own.full_name,)
    report = replace(report, unit=own, status=Status.FINAL, status_dates=(), addressee=own.default_addressee,
                     signatories=signatories, imprint_cc=own.default_cc)
    chapters = list(report.chapters)
    if law_error or stale:
        first = chapters[0]
        extra = []
        if law_error:
            extra.append("严格依照《民法总则》和《合同法》审查村级合同。")
        if stale:
            extra.append("深入学习贯彻党的十九大精神。")
        block = replace(first.blocks[0], body=first.blocks[0].body + "\n" + "".join(extra))
        chapters[0] = replace(first, blocks=(block, *first.blocks[1:]))
    if missing:
        chapters = [c for c in chapters if c.role is not ChapterRole.SHORTCOMINGS]
    return replace(report, chapters=tuple(chapters))


def plain_text(report: Report) -> str:
    """The report as a clerk's .txt: numbered headings, paragraphs, 落款 and date."""
    lines = [report.title, "", f"{report.addressee}：", report.opening]
    for index, chapter in enumerate(report.chapters):
        lines.append(f"{chapter_number(index)}{chapter.title}")
        for block, number in zip(chapter.blocks, block_numbers(chapter.blocks), strict=True):
            if block.kind is not BlockKind.PARAGRAPH and block.heading:
                lines.append(f"{number}{block.heading}")
            lines += block.paragraphs()
    lines += [report.closing, *report.signatories]
    if report.date:
        lines.append(format_date_cn(report.date))
    return "\n".join(lines) + "\n"


def write_docx(report: Report, path: Path) -> None:
    from fazhi_desktop.export import export_docx

    export_docx(report, path)


@dataclass(frozen=True)
class Sent:
    """A file in the fixture folder and what collecting it must do."""

    name: str  # file name
    unit: str  # the unit it must be imported as ("" when it must not be)
    outcome: str  # Outcome value: 已导入, 原件已保存, 重复, 未匹配, 待选择, 未导入


# Units whose report carries problems (by roster name) and the units that send late or not at all.
WITH_LAW_ERROR = {"石桥镇", "县教育局"}
WITH_STALE = {"青龙乡", "县财政局"}
WITH_MISSING = {"龙潭镇"}
PACKAGES = {"千佛镇", "三汇镇", "东山街道", "西城街道", "丰乐镇", "县司法局", "县公安局", "县财政局",
            "县发展和改革局", "县教育局"}
TEXTS = {"南河街道", "清溪镇", "新市镇", "红岩乡", "县自然资源局", "县生态环境局"}
LATE_UNITS = ["金鸡乡", "县应急管理局"]  # sent in the second batch
NOT_SENT = {"太平镇", "县人力资源和社会保障局"}
MISLABELLED = "白马镇"  # its report arrives named 石桥镇（修改）.docx
CONFLICTED = "和平乡"  # two different Word files


def _write(report: Report, folder: Path, name: str, fmt: str, index: int) -> None:
    path = folder / name
    if fmt == "fzbg":
        path.write_bytes(pack(report, figures_for(index, report.unit.short_name)))
    elif fmt == "docx":
        write_docx(report, path)
    else:
        encoding = "gbk" if index % 2 else "utf-8"
        path.write_bytes(plain_text(report).encode(encoding))


def _fmt(name: str) -> str:
    return "fzbg" if name in PACKAGES else "txt" if name in TEXTS else "docx"


def _report(name: str) -> Report:
    return report_for(name, law_error=name in WITH_LAW_ERROR, stale=name in WITH_STALE,
                      missing=name in WITH_MISSING)


def build_batches(root: Path) -> tuple[Path, Path, list[Sent], list[Sent]]:
    """Two folders of received files (on time, then late) and what each file must become."""
    first, second = root / "2月27日收到", root / "3月9日收到"
    first.mkdir(parents=True)
    second.mkdir(parents=True)
    sent: list[Sent] = []
    for index, name in enumerate(ROSTER):
        if name in NOT_SENT or name in LATE_UNITS or name in (MISLABELLED, CONFLICTED):
            continue
        fmt = _fmt(name)
        file_name = f"{name}{YEAR}年度法治政府建设情况报告.{fmt}"
        _write(_report(name), first, file_name, fmt, index)
        sent.append(Sent(file_name, name, "已导入"))
    # the Word copy that came with 千佛镇's package, and an exact copy of 南河街道's text file
    write_docx(_report("千佛镇"), first / "千佛镇报告（Word版）.docx")
    sent.append(Sent("千佛镇报告（Word版）.docx", "千佛镇", "原件已保存"))
    shutil.copy(first / f"南河街道{YEAR}年度法治政府建设情况报告.txt", first / "南河街道报告 - 副本.txt")
    sent.append(Sent("南河街道报告 - 副本.txt", "", "重复"))
    write_docx(_report(MISLABELLED), first / "石桥镇（修改）.docx")
    sent.append(Sent("石桥镇（修改）.docx", MISLABELLED, "已导入"))
    write_docx(_report(CONFLICTED), first / "和平乡报告.docx")
    other = _report(CONFLICTED)
    other = replace(other, opening=other.opening.replace("取得新成效", "取得明显成效"))
    write_docx(other, first / "和平乡报告（定稿）.docx")
    sent += [Sent("和平乡报告.docx", "", "待选择"), Sent("和平乡报告（定稿）.docx", "", "待选择")]
    write_docx(report_for("青龙乡", 2024), first / "青龙乡2024年度报告.docx")
    sent.append(Sent("青龙乡2024年度报告.docx", "", "未导入"))
    write_docx(report_for("柳树村"), first / "柳树村法治报告.docx")
    sent.append(Sent("柳树村法治报告.docx", "", "未匹配"))
    (first / "损坏的报告.docx").write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    good = (first / f"三汇镇{YEAR}年度法治政府建设情况报告.fzbg").read_bytes()
    (first / "三汇镇（不完整）.fzbg").write_bytes(good[: len(good) // 2])
    (first / "~$千佛镇报告.docx").write_bytes(b"\x05lock")
    (first / "扫描件.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n")
    (first / "旧格式.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200)
    sent += [Sent(n, "", "未导入") for n in ("损坏的报告.docx", "三汇镇（不完整）.fzbg", "~$千佛镇报告.docx",
                                           "扫描件.pdf", "旧格式.doc")]
    for name in LATE_UNITS:
        file_name = f"{name}报告.docx"
        write_docx(_report(name), second / file_name)
    return first, second, sent, [Sent(f"{n}报告.docx", n, "已导入") for n in LATE_UNITS]


def roster_text() -> str:
    """The roster as a clerk pastes it: numbered, full names mixed with short ones, a title line."""
    lines = [f"{COUNTY}2025年度法治政府建设年度报告报送单位名单"]
    for number, name in enumerate(ROSTER, start=1):
        shown = f"{name}人民政府" if name.endswith(("镇", "乡")) and number % 3 == 0 else name
        lines.append(f"{number}. {shown}")
    return "\n".join(lines) + "\n"
