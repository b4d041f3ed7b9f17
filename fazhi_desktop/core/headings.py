"""Recognising typed heading numbers, chapter roles, titles and the lines around the body."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from fazhi_desktop.core.model import ChapterRole

_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN = "一二三四五六七八九十"

# domain.md §4.3; the typed number is removed, numbers are derived again on output.
_LEVEL_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(f"^([{_CN}]{{1,3}})\\s*[、．.]\\s*")),
    (2, re.compile(f"^[（(]\\s*([{_CN}]{{1,3}})\\s*[）)]\\s*[、，,．.]?\\s*")),
    (3, re.compile(r"^(\d{1,2})\s*(?:[.．、](?!\d)|[)）])\s*")),
    (4, re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*[、．.]?\s*")),
)
TERMINAL = "。！？；：…!?;:"
_SENTENCE_END = re.compile("[。！？]")
RUN_IN_MAX = 40  # a first sentence longer than this is body text, not a heading


@dataclass(frozen=True)
class TypedHeading:
    """A heading as typed: its level (1 chapter … 4 point), typed number and the text after it."""

    level: int
    number: int
    text: str
    label: str = ""  # the number as typed, e.g. "（一）、" or "1、"


def chinese_to_int(text: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (up to 99); 0 when it is not a numeral."""
    if not text or any(ch not in _CN for ch in text):
        return 0
    if "十" not in text:
        return _CN_DIGITS.get(text, 0) if len(text) == 1 else 0
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return 0
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def typed_heading(line: str) -> TypedHeading | None:
    """The typed heading at the start of ``line``, or None (text must follow the number)."""
    for level, pattern in _LEVEL_PATTERNS:
        match = pattern.match(line)
        if not match or not line[match.end():].strip():
            continue
        raw = match.group(1)
        number = int(raw) if raw.isdigit() else chinese_to_int(raw)
        if number:
            return TypedHeading(level, number, line[match.end():].strip(), match.group().strip())
    return None


def is_heading_line(line: str) -> bool:
    return typed_heading(line) is not None


def split_run_in(text: str) -> tuple[str, str]:
    """Split "健全决策机制。镇党委……" into (heading sentence, rest); ("", text) when too long."""
    match = _SENTENCE_END.search(text)
    if not match:
        return (text, "") if len(text) <= RUN_IN_MAX * 2 else ("", text)
    if match.end() > RUN_IN_MAX + 1:
        return "", text
    return text[: match.end()], text[match.end():].strip()


def is_short_title_line(line: str, limit: int = 40) -> bool:
    """A short line without closing punctuation: a heading whose number was lost, a title part."""
    cjk = sum(1 for ch in line if "\u4e00" <= ch <= "\u9fff")
    return cjk >= 4 and len(line) <= limit and not line.endswith(tuple(TERMINAL + "，、,"))


# --- chapter roles ----------------------------------------------------------------------------
_ROLE_WORDS: tuple[tuple[ChapterRole, tuple[str, ...]], ...] = (
    (ChapterRole.OTHER, ("其他需要报告", "需要报告的其他", "其他情况", "其他事项")),
    (ChapterRole.PRINCIPAL_DUTY, ("第一责任人", "主要负责人", "主要负责同志", "述法")),
    (ChapterRole.SHORTCOMINGS, ("不足", "存在的问题", "存在问题", "问题和", "短板", "差距", "困难")),
    (ChapterRole.NEXT_YEAR, ("下一", "下步", "打算", "安排", "计划", "明年", "思路", "努力方向", "展望")),
    (ChapterRole.MEASURES, ("举措", "成效", "主要工作", "工作开展", "开展情况", "工作情况", "做法",
                            "成绩", "进展", "主要措施")),
)
# Unnumbered lines that start a chapter by themselves (style D: "存在问题" / "下一步打算").
_CHAPTER_WORDS = ("主要举措和成效", "举措和成效", "主要成效", "存在的不足", "存在不足", "存在的问题",
                  "存在问题", "不足和原因", "不足及原因", "问题和不足", "第一责任人", "下一步", "下一年度",
                  "工作打算", "工作计划", "工作安排", "主要安排", "其他需要报告")


def role_for_title(title: str, year: int | None = None) -> ChapterRole:
    """The chapter role its title implies; CUSTOM when the title says nothing about it."""
    if year is not None and f"{year + 1}年" in title and "不足" not in title:
        return ChapterRole.NEXT_YEAR
    for role, words in _ROLE_WORDS:
        if any(word in title for word in words):
            return role
    return ChapterRole.CUSTOM


def is_unnumbered_chapter(line: str) -> bool:
    """"存在问题", "下一步打算": a short line naming a part (not prose with a comma that mentions one)."""
    return is_short_title_line(line, 30) and "，" not in line and any(word in line for word in _CHAPTER_WORDS)


# --- title, unit and year ---------------------------------------------------------------------
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_ORGAN_SUFFIX = re.compile(r"(人民政府|办事处|工作委员会|委员会|党工委|党委|政府)$")
_PLACE = re.compile(r"^.+?(?:省|市|县|区|旗)(.+(?:街道|镇|乡))$")


def year_from_title(title: str) -> int | None:
    match = _YEAR.search(title)
    return int(match.group(1)) if match else None


def unit_from_title(title: str) -> str | None:
    """The unit's short name in a title: 千佛镇 in "千佛镇2021年度…", 树人镇 in "丰都县树人镇人民政府…"."""
    match = _YEAR.search(title)
    prefix = title[: match.start()] if match else title.split("法治")[0]
    prefix = prefix.split("关于")[0]
    parts = [p for p in re.split(r"[\s、，,]+", prefix) if p]
    if not parts:
        return None
    name = re.sub(r"^中共", "", _ORGAN_SUFFIX.sub("", parts[-1]))
    place = _PLACE.match(name)
    if place and len(place.group(1)) > (3 if place.group(1).endswith("街道") else 2):
        name = place.group(1)
    return name if 2 <= len(name) <= 15 else None


# --- the lines after the body -----------------------------------------------------------------
_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_NUMERIC_DATE = re.compile(r"^(\d{4})\s*([-./／])\s*(\d{1,2})\s*\2\s*(\d{1,2})$")
_CN_DATE = re.compile(
    "^([〇零一二三四五六七八九○Ｏ]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")
_CN_YEAR_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, **_CN_DIGITS}
# an organ that signs: a township's (党委, 人民政府 …) or a county department's (局, 委, 办, 中心 …, its 党组)
_SIGNATORY = re.compile(r"(人民政府|办事处|委员会|党委|党工委|党组|政府|办公室|局|委|办|院|中心|大队|支队|所|署|站)$")
CLOSING = re.compile(r"^(特此报告|特此汇报|以上报告|专此报告)[。！]?$")
ATTACHMENT = re.compile(r"^附\s*件\s*[:：\d一二三四五六七八九十]")


def parse_cn_date(line: str) -> dt.date | None:
    """A 成文日期 line: 2022年1月10日, 二〇二二年一月十日, or as typed on a computer: 2022-01-10, 2022.1.10."""
    try:
        match = _DATE.match(line)
        if match:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        match = _NUMERIC_DATE.match(line)
        if match:
            return dt.date(int(match[1]), int(match[3]), int(match[4]))
        match = _CN_DATE.match(line)
        if match:
            year = int("".join(str(_CN_YEAR_DIGITS[ch]) for ch in match[1]))
            return dt.date(year, chinese_to_int(match[2]), chinese_to_int(match[3]))
    except ValueError:
        return None
    return None


def standard_date(date: dt.date) -> str:
    """GB/T 9704: Arabic numerals, the year in full, no leading zeros — 2024年1月15日."""
    return f"{date.year}年{date.month}月{date.day}日"


_JOINT = re.compile(r"^((?:中共)?.+?(?:工作委员会|委员会|党工委|党委))(.+(?:人民政府|办事处|政府))$")


def split_signatories(line: str) -> list[str] | None:
    """The organs named on a signature line ("中共千佛镇委员会  千佛镇人民政府"), or None."""
    parts = []
    for part in re.split(r"\s{2,}|\s+(?=中共)", line):
        joint = _JOINT.match(part)
        parts += list(joint.groups()) if joint else [part] if part else []
    if len(line) > 40 or not parts:
        return None
    if all(_SIGNATORY.search(p) and len(p) <= 25 and not any(c in p for c in TERMINAL + "，")
           for p in parts):
        return parts
    return None


_CC = re.compile(r"^抄送[:：]\s*(.+?)。?$")
_PRINTED = re.compile(r"^(.*?)\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*印发$")


def parse_imprint(line: str) -> dict[str, object] | None:
    """版记 lines: "抄送：……。" or "XX办公室  2022年1月10日印发"; None for other lines."""
    match = _CC.match(line)
    if match:
        return {"imprint_cc": match.group(1)}
    match = _PRINTED.match(line)
    if match:
        return {"imprint_printer": match.group(1).strip(), "imprint_date": parse_cn_date(match.group(2))}
    return None


