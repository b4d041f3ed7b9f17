"""The report model: frozen dataclasses that cross every layer boundary.

Nothing here knows about Qt, SQLite or python-docx. Numbers (一、（一）1.（1）) are never stored:
see :mod:`fazhi_desktop.core.numbering`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from enum import StrEnum


class ChapterRole(StrEnum):
    """The semantic role of a chapter, independent of its order and wording (domain.md §2.3)."""

    MEASURES = "measures"  # 主要举措和成效
    SHORTCOMINGS = "shortcomings"  # 存在的不足和原因
    PRINCIPAL_DUTY = "principal_duty"  # 党政主要负责人履行推进法治建设第一责任人职责情况
    NEXT_YEAR = "next_year"  # 下一年度主要安排
    OTHER = "other"  # 其他需要报告的情况
    CUSTOM = "custom"  # anything else the unit adds

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]

    @property
    def statutory(self) -> bool:
        """True for the five parts the regulation requires."""
        return self is not ChapterRole.CUSTOM


ROLE_LABELS: dict[ChapterRole, str] = {
    ChapterRole.MEASURES: "主要举措和成效",
    ChapterRole.SHORTCOMINGS: "存在的不足和原因",
    ChapterRole.PRINCIPAL_DUTY: "第一责任人职责履行情况",
    ChapterRole.NEXT_YEAR: "下一年度主要安排",
    ChapterRole.OTHER: "其他需要报告的情况",
    ChapterRole.CUSTOM: "自定义",
}


class Status(StrEnum):
    """Workflow status of a report, in order."""

    DRAFT = "草稿"
    REVIEW = "审核"
    FINAL = "定稿"
    SUBMITTED = "已报送"
    PUBLISHED = "已公开"


class SealMode(StrEnum):
    """Whether the printed report carries the unit's seal (GB/T 9704 7.3.5.1 vs 7.3.5.2)."""

    SEALED = "sealed"
    UNSEALED = "unsealed"

    @property
    def label(self) -> str:
        return "加盖印章" if self is SealMode.SEALED else "不加盖印章"


class BlockKind(StrEnum):
    """What a block inside a chapter is. Headed kinds carry an outline level."""

    SECTION = "section"  # level 2: （一）
    ITEM = "item"  # level 3: 1.
    POINT = "point"  # level 4: （1）
    PARAGRAPH = "paragraph"  # an unnumbered paragraph, content of the block before it

    @property
    def level(self) -> int:
        """Outline level: 2, 3, 4 for numbered blocks; 5 for a plain paragraph (always a leaf)."""
        return _KIND_LEVEL[self]

    @property
    def numbered(self) -> bool:
        return self is not BlockKind.PARAGRAPH

    @classmethod
    def for_level(cls, level: int) -> BlockKind:
        for kind, value in _KIND_LEVEL.items():
            if value == level:
                return kind
        raise ValueError(f"no block kind for level {level}")


class UnitKind(StrEnum):
    """What kind of body reports: the kind sets the defaults of 主送机关, 落款 and the template's wording."""

    TOWNSHIP = "乡镇"
    STREET = "街道"
    DEPARTMENT = "县级部门"
    COUNTY = "县政府"  # the county's own report, made from its units' figures


_KIND_LEVEL = {
    BlockKind.SECTION: 2,
    BlockKind.ITEM: 3,
    BlockKind.POINT: 4,
    BlockKind.PARAGRAPH: 5,
}


@dataclass(frozen=True)
class Unit:
    """单位: the township or street office that reports."""

    short_name: str  # 千佛镇
    full_name: str  # 千佛镇人民政府
    party_name: str  # 中共千佛镇委员会
    default_addressee: str = "县委、县人民政府"  # 主送机关
    default_cc: str = "县委全面依法治县委员会办公室"  # 抄送
    kind: UnitKind = UnitKind.TOWNSHIP
    id: int | None = None

    @classmethod
    def from_short_name(cls, short_name: str, kind: UnitKind | None = None) -> Unit:
        """The usual full and party names, 主送机关 and 抄送 for a short name; the kind is inferred from the
        name (镇/乡/街道/局/委/办…) unless given (see core.units)."""
        from fazhi_desktop.core.units import unit_for

        return unit_for(short_name, kind)


@dataclass(frozen=True)
class Block:
    """A section, item, point or plain paragraph inside a chapter.

    ``heading`` is the 标题句; ``body`` is the text after it, paragraphs separated by "\\n".
    ``run_in`` puts the heading at the start of the first body paragraph
    ("1.坚持民主集中制，健全决策机制。积极推进……") instead of on its own line.
    ``internal`` marks content left out of the 网页公开版.
    """

    kind: BlockKind
    heading: str = ""
    body: str = ""
    run_in: bool = False
    internal: bool = False
    id: int | None = None

    @property
    def level(self) -> int:
        return self.kind.level

    def paragraphs(self) -> list[str]:
        """The body split into non-empty paragraphs."""
        return [p for p in (line.strip() for line in self.body.split("\n")) if p]


@dataclass(frozen=True)
class Chapter:
    """章: one top-level part of the report, with its outline of blocks."""

    role: ChapterRole
    title: str
    lead: str = ""  # optional paragraph right under the chapter title
    blocks: tuple[Block, ...] = ()
    id: int | None = None


@dataclass(frozen=True)
class Report:
    """报告: one unit's report for one year. Fields are flat so that core.schema can declare them."""

    unit: Unit
    year: int  # the year reported on
    title_override: str = ""  # empty: the generated title is used
    addressee: str = ""  # 主送机关
    opening: str = ""  # 开头段
    closing: str = "特此报告。"
    signatories: tuple[str, ...] = ()  # one organ, or two for joint issue
    date: dt.date | None = None  # 成文日期
    seal: SealMode = SealMode.SEALED
    note: str = ""  # 附注 (GB/T 9704 7.3.6), e.g. 此件公开发布 or 联系人：…，电话：…
    number_chapters: bool = True  # "一、" before chapter titles
    issuer_mark: str = ""  # 发文机关标志 (red header)
    doc_number: str = ""  # 发文字号, e.g. 千府报〔2022〕3号
    signer: str = ""  # 签发人
    imprint_cc: str = ""  # 版记: 抄送
    imprint_printer: str = ""  # 版记: 印发机关
    imprint_date: dt.date | None = None  # 版记: 印发日期
    status: Status = Status.DRAFT
    status_dates: tuple[tuple[Status, dt.date], ...] = ()
    chapters: tuple[Chapter, ...] = field(default=())
    id: int | None = None

    @property
    def generated_title(self) -> str:
        return f"{self.unit.short_name}{self.year}年度法治政府建设情况报告"

    @property
    def title(self) -> str:
        return self.title_override.strip() or self.generated_title

    @property
    def deadlines(self) -> tuple[dt.date, dt.date]:
        """(报送 3月1日, 公开 4月1日) of the year after the report year."""
        return dt.date(self.year + 1, 3, 1), dt.date(self.year + 1, 4, 1)

    def chapter(self, role: ChapterRole) -> Chapter | None:
        return next((c for c in self.chapters if c.role is role), None)

    def with_status(self, status: Status, on: dt.date) -> Report:
        """The report in ``status``, remembering the date each status was reached."""
        dates = (*tuple((s, d) for s, d in self.status_dates if s is not status), (status, on))
        return replace(self, status=status, status_dates=dates)

    def char_count(self) -> int:
        """Characters of text (no white space), as clerks count a report's length."""
        parts = [self.title, self.addressee, self.opening, self.closing]
        for chapter in self.chapters:
            parts += [chapter.title, chapter.lead]
            parts += [b.heading + b.body for b in chapter.blocks]
        return sum(len("".join(p.split())) for p in parts)
