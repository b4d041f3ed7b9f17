"""Synthetic reports for the render sweep: written here, with digits, quotes, brackets, book titles,
dashes and percentages as real reports have them, in every length and with every export option."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from fazhi_desktop.core.indicator_sheet import HEADER, StatisticsSheet
from fazhi_desktop.core.model import Block, BlockKind, Chapter, ChapterRole, Report, SealMode, Unit
from fazhi_desktop.export import ExportOptions
from fazhi_desktop.export.statistics import statistics_attachment

SWEEP = 160  # reports in the generated sweep (tests/render/conftest.py)
SENTENCES = (
    "全年开展法治宣传活动{n}场次，覆盖群众{m}人次。",
    "严格落实行政执法“三项制度”，执法案卷合格率达{p}%。",
    "组织班子成员集中学习《中华人民共和国行政处罚法》《中华人民共和国行政复议法》等法律法规{n}次。",
    "健全重大行政决策程序，{n}项重大决策全部经过合法性审查和集体讨论决定。",
    "推进“一站式”矛盾纠纷调处化解，化解各类纠纷{n}件，调解成功率{p}%。",
    "落实党政主要负责人履行推进法治建设第一责任人职责，召开专题会议{n}次，研究解决突出问题。",
    "完善村（社区）法律顾问制度，{n}个村（社区）实现法律顾问全覆盖。",
    "加强行政复议和行政应诉工作，行政机关负责人出庭应诉率100%，未发生败诉案件。",
    "开展“法律明白人”培养工程，培养骨干{n}名，带动群众学法用法……",
    "依托12345热线受理群众诉求{m}件——按期办结率{p}%，群众满意度{q}%。",
    "规范性文件全部报送备案，备案审查率100%，清理废止{n}件（含2020年以前的文件）。",
    "深化“放管服”改革，{n}项政务服务事项实现“一网通办”，平均办理时限压缩{p}%。",
    "坚持问题导向，对照督察反馈的{n}个问题逐项整改，整改完成率{p}%。",
    "镇综合行政执法队办理案件{n}件，罚没款{m}元，无一起被复议纠错。",
    "开展“3·15”消费者权益保护、“6·26”禁毒宣传等主题活动{n}场。",
    "化解各类矛盾纠纷 {n}起，调解成功率达{p}%。 台账健全，全部录入系统。",  # stray spaces, as pasted
)
HEADINGS = ("坚持党的领导，压紧压实法治建设责任", "健全依法决策机制", "推进严格规范公正文明执法",
            "强化行政权力制约和监督", "依法有效化解社会矛盾纠纷", "加强法治宣传教育",
            "提升基层治理法治化水平", "持续优化法治化营商环境")
TITLES = ("{u}{y}年度法治政府建设情况报告",
          "中共{u}委员会{u}人民政府关于{y}年度法治政府建设情况的报告",
          "{u}人民政府关于{y}年度推进法治政府建设工作情况和{y1}年度工作安排的报告")


@dataclass(frozen=True)
class Case:
    name: str
    report: Report
    options: ExportOptions


def _sentence(rng: random.Random) -> str:
    return rng.choice(SENTENCES).format(n=rng.randint(1, 99), m=rng.randint(100, 99999),
                                        p=rng.choice(("95.5", "98", "100", "99.2", "87.35")), q=rng.randint(90, 99))


def _paragraph(rng: random.Random, sentences: int) -> str:
    return "".join(_sentence(rng) for _ in range(sentences))


def _chapter(rng: random.Random, role: ChapterRole, title: str, size: int) -> Chapter:
    blocks: list[Block] = []
    for s in range(size):
        blocks.append(Block(BlockKind.SECTION, heading=rng.choice(HEADINGS), body=_paragraph(rng, rng.randint(1, 4))))
        for _ in range(rng.randint(0, 2)):
            heading = rng.choice(HEADINGS) + ("。" if rng.random() < 0.6 else "")  # some without: export adds
            blocks.append(Block(BlockKind.ITEM, heading=heading, body=_paragraph(rng, rng.randint(1, 3)),
                                run_in=rng.random() < 0.7))
        if s % 3 == 2:
            blocks.append(Block(BlockKind.PARAGRAPH, body=_paragraph(rng, rng.randint(1, 6))))
    return Chapter(role, title, blocks=tuple(blocks))


def statistics(rng: random.Random, rows: int) -> StatisticsSheet:
    groups = ("组织领导", "依法决策", "行政执法", "行政复议和应诉", "矛盾纠纷化解", "法治宣传教育和依法治理")
    out: list[tuple[str, ...]] = []
    while len(out) < rows:
        group = rng.choice(groups)
        for j in range(rng.randint(1, 6)):
            value = rng.choice(("12件", "100%", "3次", "98.6%", "未发生", "1,204人次"))
            out.append((str(len(out) + 1), group if j == 0 else "", f"{group}相关指标{j + 1}", value,
                        rng.choice(("", "", "含简易程序", "较上年增长"))))
    return StatisticsSheet(f"{2025}年度法治政府建设主要数据统计表", HEADER, tuple(out[:rows]),
                           note="统计时段：2025年1月1日至2025年12月31日。")


def case(k: int) -> Case:
    """Report number ``k`` of the sweep: its length grows with k (the end of the text walks over every
    row of a page), the options cycle through every combination the export offers."""
    rng = random.Random(k)
    unit = Unit.from_short_name(rng.choice(("青石镇", "白沙乡", "东城街道", "龙泉镇")))
    roles = [(ChapterRole.MEASURES, "2025年度推进法治政府建设的主要举措和成效"),
             (ChapterRole.SHORTCOMINGS, "存在的不足和原因"),
             (ChapterRole.PRINCIPAL_DUTY, "党政主要负责人履行推进法治建设第一责任人职责情况"),
             (ChapterRole.NEXT_YEAR, "2026年度推进法治政府建设的主要安排"),
             (ChapterRole.OTHER, "其他需要报告的情况")]
    size = 1 + k % 7
    chapters = [_chapter(rng, role, title, max(0, size - (i % 3))) for i, (role, title) in enumerate(roles)]
    if k % 5 == 0:
        chapters[-1] = Chapter(ChapterRole.OTHER, roles[-1][1])  # 无。
    joint = k % 2 == 1
    report = Report(
        unit=unit, year=2025, title_override=TITLES[k % 3].format(u=unit.short_name, y=2025, y1=2026),
        addressee="中共某某县委、某某县人民政府", opening=_paragraph(rng, 2) + "现将有关情况报告如下：",
        closing="特此报告。" if k % 4 else "", chapters=tuple(chapters),
        signatories=(unit.party_name, unit.full_name) if joint else (unit.full_name,),
        date=dt.date(2026, 1, 1 + k % 28), seal=SealMode.UNSEALED if k % 6 == 5 else SealMode.SEALED,
        note=("此件公开发布" if k % 3 == 1 else "联系人：张明，电话：0000-1234567" if k % 3 == 2 else ""),
        issuer_mark=(f"{unit.full_name}文件" if k % 4 else f"中共{unit.short_name}委员会{unit.full_name}文件"),
        doc_number="" if k % 9 == 4 else f"{unit.short_name[0]}府报〔2026〕{k % 12 + 1}号",
        signer="" if k % 7 == 3 else "李华", imprint_cc="某某县委全面依法治县委员会办公室",
        imprint_printer=f"{unit.short_name}党政综合办公室",
    )
    attachments = (statistics_attachment(statistics(rng, 4 + (k * 7) % 60)),) if k % 3 == 0 else ()
    options = ExportOptions(red_header=k % 2 == 0, imprint=k % 4 in (0, 1), attachments=attachments)
    return Case(f"sweep{k:03d}", report, options)
