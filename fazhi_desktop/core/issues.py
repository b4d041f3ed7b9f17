"""What the ingest repaired or normalised in the text as typed, for ``check FILE`` and the preview."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fazhi_desktop.core.cleanup import Cleaned


@dataclass(frozen=True)
class SourceIssue:
    """A problem of the original text that the import fixes (core.checks.source turns it into a Finding).

    ``where`` is "report" (the file as a whole: a line number is in the message), "chapter_title",
    "heading" or "date"; ``chapter`` and ``block`` are indexes into the detected report.
    """

    rule: str
    severity: str  # 错误 / 警告 / 提示, as core.checks.Severity
    message: str
    where: str = "report"
    chapter: int | None = None
    block: int | None = None
    text: str = ""
    fix: str | None = None


_CHANGE_TEXTS = {
    "text.halfwidth": ("警告", "中文中应使用全角标点"),
    "text.fullwidth": ("警告", "公文中数字和字母用半角"),
    "text.space": ("警告", "汉字之间或汉字与数字之间有多余的空格"),
    "text.straight_quote": ("警告", "中文中应使用弯引号“”"),
    "text.year_range": ("错误", "年份区间应写作“2021—2025年”"),
    "text.missing_year_char": ("错误", "年份后漏了“年”字"),
}
_SHOWN_LINES = 8


def _lines_text(numbers: list[int]) -> str:
    shown = "、".join(str(n) for n in numbers[:_SHOWN_LINES])
    return f"第{shown}行" + (f"等{len(numbers)}行" if len(numbers) > _SHOWN_LINES else "")


def cleanup_issues(cleaned: Cleaned) -> list[SourceIssue]:
    """One issue per kind of character fix the cleanup made, naming the lines of the original."""
    by_rule: dict[str, list[tuple[int, str]]] = {}
    for line, rule, snippet in cleaned.changes:
        found = by_rule.setdefault(rule, [])
        if not found or found[-1][0] != line:
            found.append((line, snippet))
    out = []
    for rule, found in by_rule.items():
        severity, what = _CHANGE_TEXTS.get(rule, ("提示", "格式不规范"))
        lines = [n for n, _ in found]
        example = found[0][1].strip()
        out.append(SourceIssue(rule, severity, f"原文{_lines_text(lines)}：{what}（如“{example}”），导入时已改正",
                               text=example))
    return out


def cleanup_notes(cleaned: Cleaned) -> list[str]:
    """Notes for the preview and the command line: tables turned into text, figures to copy, fixes made."""
    notes = []
    for table in cleaned.tables:
        first = table.lines[0] if table.lines else ""
        notes.append(f"原文第{table.start + 1}行起的表格（{len(table.rows)}行）已改写为文字放在原处，数字未改动："
                     f"{first[:40]}{'…' if len(first) > 40 else ''}")
    if cleaned.figures:
        listed = "、".join(f"{f.indicator} {f.value}" for f in cleaned.figures)
        notes.append(f"表格中的数字可以填入数据指标：{listed}")
    counts: dict[str, int] = {}
    for _, rule, _ in cleaned.changes:
        counts[rule] = counts.get(rule, 0) + 1
    if counts:
        done = "、".join(f"{_CHANGE_TEXTS.get(rule, ('', rule))[1]}（{n}处）" for rule, n in counts.items())
        notes.append(f"已改正原文的格式：{done}")
    return notes


_NAMED_LINES = 4


def paste_message(cleaned: Cleaned, original: str) -> str:
    """The status-bar message after a paste was cleaned: what was done, the removed lines by name."""
    done = []
    if cleaned.removed:
        named = "；".join(f"第{r.line}行“{r.text[:16]}{'…' if len(r.text) > 16 else ''}”［{r.reason}］"
                         for r in cleaned.removed[:_NAMED_LINES])
        more = f"等{len(cleaned.removed)}行" if len(cleaned.removed) > _NAMED_LINES else ""
        done.append(f"删除{named}{more}")
    if cleaned.tables:
        done.append(f"{len(cleaned.tables)}个表格改为文字（数字未改动）")
    before = sum(1 for line in original.split("\n") if line.strip()) - len(cleaned.removed)
    before -= sum(len(t.rows) - len(t.lines) for t in cleaned.tables)
    if sum(1 for line in cleaned.text.split("\n") if line) < before:
        done.append("合并断行")
    if cleaned.changes:
        done.append("改正标点和空格")
    message = "粘贴的文字已整理：" + "，".join(done or ["去掉多余的空白"])
    message += "。按 Ctrl+Z 恢复粘贴的原样，Ctrl+Shift+V 粘贴原文（不整理）。"
    if cleaned.figures:
        listed = "、".join(f"{f.indicator}{f.value}" for f in cleaned.figures)
        message += f"提示：表格中的{listed}可填入“数据指标”（按正文下方的“填入数据指标”，可撤销）。"
    return message
