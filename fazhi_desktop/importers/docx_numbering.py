"""Word's automatic list numbering (numbering.xml, numPr): the label a paragraph shows, e.g. "一、"."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CN = "零一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"


def _val(el: Any, tag: str) -> str | None:
    found = el.find(W + tag) if el is not None else None
    return found.get(W + "val") if found is not None else None


def chinese_count(n: int, digits: str = _CN) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 25 → 二十五 (Word's chineseCounting up to 99)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting"):
        return chinese_count(n)
    if fmt == "chineseLegalSimplified":
        return chinese_count(n, _CN_LEGAL)
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).lower() if fmt == "lowerRoman" else _roman(n)
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = ""
    start: int = 1


@dataclass
class Numbering:
    """Counters for every list, advanced paragraph by paragraph in document order."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId → ilvl
    num_to_abstract: dict[str, str] = field(default_factory=dict)
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → ilvl → start
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId → (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    @classmethod
    def parse(cls, numbering: Any, styles: Any) -> Numbering:
        out = cls()
        if numbering is not None:
            for abstract in numbering.iter(W + "abstractNum"):
                levels = {}
                for lvl in abstract.iter(W + "lvl"):
                    start = _val(lvl, "start")
                    levels[int(lvl.get(W + "ilvl", "0"))] = _Level(
                        _val(lvl, "numFmt") or "decimal", _val(lvl, "lvlText") or "",
                        int(start) if start and start.isdigit() else 1)
                out.levels[abstract.get(W + "abstractNumId", "")] = levels
            for num in numbering.iter(W + "num"):
                num_id = num.get(W + "numId", "")
                out.num_to_abstract[num_id] = _val(num, "abstractNumId") or ""
                for override in num.iter(W + "lvlOverride"):
                    start = _val(override, "startOverride")
                    if start and start.isdigit():
                        ilvl = int(override.get(W + "ilvl", "0"))
                        out.overrides.setdefault(num_id, {})[ilvl] = int(start)
        if styles is not None:
            for style in styles.iter(W + "style"):
                num_pr = style.find(f"{W}pPr/{W}numPr")
                if num_pr is not None and _val(num_pr, "numId"):
                    out.style_num[style.get(W + "styleId", "")] = (
                        _val(num_pr, "numId") or "", int(_val(num_pr, "ilvl") or 0))
        return out

    def label(self, paragraph: Any) -> str:
        """The list label Word shows before ``paragraph`` ("一、", "（二）", "3."), or ""."""
        ppr = paragraph.find(W + "pPr")
        num_id, ilvl = None, 0
        if ppr is not None:
            style = _val(ppr, "pStyle")
            if style in self.style_num:
                num_id, ilvl = self.style_num[style]
            num_pr = ppr.find(W + "numPr")
            if num_pr is not None:
                num_id = _val(num_pr, "numId") or num_id
                ilvl = int(_val(num_pr, "ilvl") or ilvl)
        if not num_id or num_id == "0" or num_id not in self.num_to_abstract:
            return ""
        abstract = self.num_to_abstract[num_id]
        levels = self.levels.get(abstract, {})
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:  # a list that restarts with its own override
            self.started.add(num_id)
            for lvl, start in self.overrides.get(num_id, {}).items():
                counters[lvl] = start - 1
        level = levels.get(ilvl, _Level())
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt in ("bullet", "none"):
            return ""
        text = level.text
        for k in range(ilvl, -1, -1):
            lv = levels.get(k, _Level())
            text = text.replace(f"%{k + 1}", format_number(counters.get(k, lv.start), lv.fmt))
        return text
