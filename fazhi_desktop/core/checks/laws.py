"""Law and document names in 《》: repealed, renamed, misspelled, not yet existing, unknown (§4.1)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from fazhi_desktop.core.checks.context import CheckContext
from fazhi_desktop.core.checks.data import WrongLaw, law_table, normalize_law_name
from fazhi_desktop.core.checks.finding import Finding, Severity, TextUnit
from fazhi_desktop.core.schema import format_date_cn

BOOK_TITLE = re.compile(r"《([^《》]{1,80})》")
_NEW_CLAIM = re.compile(r"新(?:修订|修正|修改|施行|颁布|出台)的?《([^《》]{1,80})》")
_FAILED_AFTER = re.compile(r"^[^。；，]{0,8}(?:废止|失效)")
_LOCAL = re.compile(r"^(?!城[市乡])[^《》]{2,8}?(?:省|自治区|市|州|县|区|镇|乡|街道)")
_PREFIX = "中华人民共和国"


def check_laws(ctx: CheckContext) -> Iterator[Finding]:
    for unit in ctx.units:
        if not unit.text or "《" not in unit.text:
            continue
        for match in BOOK_TITLE.finditer(unit.text):
            finding = _check_name(ctx, unit, match)
            if finding is not None:
                yield finding
        yield from _new_claims(ctx, unit)
        yield from _mixed_prefix(unit)


def _historical(text: str, start: int, end: int) -> bool:
    """"原《合同法》", "已废止的《合同法》", "《合同法》同时废止": cited as history, not as current."""
    table = law_table()
    before = re.sub(r"[的“”\s]", "", text[max(0, start - 8):start])
    return bool(table.historical.search(before) or _FAILED_AFTER.search(text[end:end + 12]))


def _check_name(ctx: CheckContext, unit: TextUnit, match: re.Match[str]) -> Finding | None:
    table = law_table()
    inner = match.group(1)
    name = normalize_law_name(inner)
    if not name:
        return None
    wrong = table.wrong.get(name)
    if wrong is not None:
        return _wrong(ctx, unit, match, wrong)
    known = table.known.get(name)
    if known is not None:
        if known.adopted and ctx.year < known.adopted.year:
            return unit.match(
                "law.not_yet", Severity.ERROR, match,
                f"《{name}》于{format_date_cn(known.adopted)}才通过（公布），"
                f"{ctx.year}年度报告不应引用", group=1)
        return None
    if _skip_unknown(ctx, name):
        return None
    hint = ""
    if name.endswith(("法", "条例", "规定")):
        close = difflib.get_close_matches(name, list(table.known), n=1, cutoff=0.75)
        if close:
            hint = f"，是否应为《{close[0]}》"
    return unit.match("law.unknown", Severity.INFO, match,
                      f"《{inner.strip()}》不在常用法规名录中，请核对名称是否准确{hint}", group=1)


def _skip_unknown(ctx: CheckContext, name: str) -> bool:
    short = ctx.report.unit.short_name.strip()
    return bool(
        (short and short in name)
        or name.endswith(law_table().skip_suffixes)
        or _LOCAL.match(name)
        or len(name) < 2
    )


def _wrong(ctx: CheckContext, unit: TextUnit, match: re.Match[str], wrong: WrongLaw) -> Finding | None:
    inner = match.group(1)
    note = f"（{wrong.note}）" if wrong.note else ""
    if wrong.kind == "wrong":
        prefix = _PREFIX if inner.strip().startswith(_PREFIX) else ""
        return unit.match("law.wrong_name", wrong.severity, match,
                          f"名称有误：《{inner.strip()}》应为《{wrong.correct}》{note}",
                          fix=prefix + wrong.correct, group=1)
    since = wrong.since
    if since is None or ctx.year < since.year or _historical(unit.text, match.start(), match.end()):
        return None
    if wrong.kind == "repealed":
        message = f"《{wrong.name}》已于{format_date_cn(since)}废止，应引用《{wrong.correct}》{note}"
    else:
        message = f"《{wrong.name}》已于{format_date_cn(since)}被《{wrong.correct}》取代{note}"
    severity = wrong.severity
    if ctx.year == since.year and (since.month, since.day) != (1, 1):
        severity = Severity.WARNING
        message += f"；{ctx.year}年内新旧规定交替，请核对所指时段"
    rule = "law.repealed" if wrong.kind == "repealed" else "law.replaced"
    return unit.match(rule, severity, match, message, group=1)


def _new_claims(ctx: CheckContext, unit: TextUnit) -> Iterator[Finding]:
    """"新修订的《X》": the latest key date of X should fall in the report year or the year before."""
    table = law_table()
    for match in _NEW_CLAIM.finditer(unit.text):
        known = table.known.get(normalize_law_name(match.group(1)))
        if known is None or known.latest is None:
            continue
        if known.latest.year in (ctx.year - 1, ctx.year, ctx.year + 1):
            continue
        yield unit.match(
            "law.new_claim", Severity.INFO, match,
            f"《{match.group(1).strip()}》最近一次修订或施行是{format_date_cn(known.latest)}，"
            f"在{ctx.year}年度报告中称“新”请核对")


_PREFIXED_REGULATIONS = ("政府信息公开条例", "土地管理法实施条例")  # the two 条例 that carry the prefix (§4.1)


def _takes_prefix(name: str) -> bool:
    """Laws take 中华人民共和国; 条例、规定、办法 (《信访工作条例》, 党内法规) do not, with two exceptions."""
    return (name.endswith("法") and not name.endswith("办法")) or name.endswith("法典") or name in _PREFIXED_REGULATIONS


def _mixed_prefix(unit: TextUnit) -> Iterator[Finding]:
    """A list of laws where some carry 中华人民共和国 and others not (a style hint only, §4.1)."""
    table = law_table()
    groups: list[list[re.Match[str]]] = []
    for match in BOOK_TITLE.finditer(unit.text):
        if groups and unit.text[groups[-1][-1].end():match.start()] in ("", "、"):
            groups[-1].append(match)
        else:
            groups.append([match])
    for group in groups:
        laws = [m for m in group if _takes_prefix(normalize_law_name(m.group(1))) and
                normalize_law_name(m.group(1)) in table.known]
        prefixed = {m.group(1).strip().startswith(_PREFIX) for m in laws}
        if len(laws) >= 2 and prefixed == {True, False}:
            yield unit.finding("law.mixed_prefix", Severity.INFO, group[0].start(), group[-1].end(),
                               "同一列举中有的法律名称带“中华人民共和国”、有的不带，建议统一")
