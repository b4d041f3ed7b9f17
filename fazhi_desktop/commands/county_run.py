"""How ``county roster|kind|collect|assign|original`` run (loaded only when used; the parsers are in county_cmd)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from fazhi_desktop.commands.context import CliContext, CliError
from fazhi_desktop.core.model import Unit
from fazhi_desktop.storage.county import CountyStore
from fazhi_desktop.storage.errors import StorageError

REPLACE_NOTE = "（替换前自动备份数据文件）"
_KIND_HOW = {"given": "按表中类型", "inferred": "按名称推断", "default": "无法推断，暂按乡镇", "known": "沿用原有类型"}


def county_of(ctx: CliContext) -> CountyStore:
    return CountyStore(ctx.store)


def _print_roster(ctx: CliContext, units: list[Unit]) -> None:
    for number, unit in enumerate(units, start=1):
        ctx.print(f"{number}\t{unit.short_name}\t{unit.kind.value}\t{unit.full_name}")


def run_roster(args: argparse.Namespace, ctx: CliContext) -> int:
    county = county_of(ctx)
    if args.county:
        county.set_county_name(args.county)
        ctx.print(f"本县名称：{county.county_name()}")
    for name in args.remove or []:
        try:
            removed = county.remove_from_roster(name)
        except StorageError as exc:  # no such unit
            raise CliError(str(exc)) from exc
        ctx.print(f"已从名单中移除：{removed.short_name}（报告和收到的文件都保留）")
    if args.file is None:
        roster = county.roster()
        if not roster:
            ctx.print("名单中还没有单位。可用 county roster 名单文件 导入（每行一个名称，或 CSV/XLSX 的一列）。")
        _print_roster(ctx, roster)
        return 0
    from fazhi_desktop.core.county.roster import parse_rows, with_known
    from fazhi_desktop.core.units import unit_for
    from fazhi_desktop.importers.errors import ImportFileError
    from fazhi_desktop.importers.roster_file import read_rows

    try:
        rows = read_rows(Path(args.file), args.sheet)
        column: str | int | None = int(args.column) if args.column and args.column.isdigit() else args.column
        parsed = with_known(parse_rows(rows, column), {u.short_name: u.kind for u in ctx.store.list_units()})
    except (ImportFileError, ValueError) as exc:
        raise CliError(str(exc)) from exc
    if not parsed.entries:
        raise CliError(f"{Path(args.file).name} 中没有找到单位名称。" + "；".join(parsed.notes))
    name = county.county_name()
    stored = county.add_to_roster([unit_for(e.name, e.kind, name) for e in parsed.entries])
    added = sum(1 for _, new in stored if new)
    ctx.print(f"名单：读入{len(parsed.entries)}个单位，新加入{added}个，已在名单中{len(stored) - added}个。")
    for (unit, new), entry in zip(stored, parsed.entries, strict=True):
        already = "" if new else "，已在名单中"
        ctx.print(f"  {unit.short_name}\t{unit.kind.value}（{_KIND_HOW[entry.how]}{already}）")
    for note in parsed.notes:
        ctx.print(f"提示：{note}")
    ctx.print("类型有误时可用 county kind 单位 类型 修改。")
    return 0


def run_kind(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.core.units import parse_kind

    try:
        kind = parse_kind(args.kind)
        unit = county_of(ctx).set_kind(args.unit, kind)
    except (ValueError, StorageError) as exc:
        raise CliError(str(exc)) from exc
    ctx.print(f"{unit.short_name}：{unit.kind.value}")
    return 0


def _received(args: argparse.Namespace, year: int) -> dt.date:
    received = args.received or dt.date.today()
    if received <= dt.date(year, 12, 31):
        raise CliError(f"收到日期 {received.isoformat()} 不晚于{year}年12月31日，{year}年度的报告应在次年收到；"
                       "请核对 --year 和 --received")
    return received


def run_collect(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.county.collect import Outcome, collect

    received = _received(args, args.year)
    county = county_of(ctx)
    try:
        result = collect(county, [Path(p) for p in args.paths], args.year, received,
                         replace_existing=args.replace, backup=lambda: ctx.session.backup("收取替换前"))
    except StorageError as exc:
        raise CliError(str(exc)) from exc
    for outcome in result.outcomes:
        unit = f" → {outcome.unit}" if outcome.unit else ""
        reason = f"：{outcome.reason}" if outcome.reason else ""
        unmatched = outcome.outcome is Outcome.UNMATCHED and outcome.candidates
        hint = f"（可能是：{'、'.join(outcome.candidates)}）" if unmatched else ""
        ctx.print(f"【{outcome.outcome.value}】{outcome.path.name}{unit}{reason}{hint}")
    counts = "，".join(f"{o.value}{result.count(o)}个" for o in Outcome if result.count(o))
    ctx.print()
    ctx.print(f"共{len(result.outcomes)}个文件：{counts or '没有文件'}。收到日期：{received.isoformat()}。")
    if result.backup is not None:
        ctx.print(f"替换前的数据文件已备份到：{result.backup}")
    if result.refused:
        ctx.print("未导入的文件可用 county assign 文件 --unit 单位 --year 年度 指定单位后导入。")
    if result.count(Outcome.EXISTS):
        ctx.print(f"已有报告的单位：确认要用新文件替换时加 --replace{REPLACE_NOTE}。")
    _warm_board(county, args.year)
    return 1 if result.refused else 0


def _warm_board(county: CountyStore, year: int) -> None:
    """Work out the board's figures of the new reports now, so that ``status`` and the 汇总 view open fast."""
    from fazhi_desktop.county.board import report_metrics

    report_metrics(county, list(county.report_ids(year).values()))


def run_assign(args: argparse.Namespace, ctx: CliContext) -> int:
    from fazhi_desktop.core.county.matching import report_year
    from fazhi_desktop.county.arrival import Unreadable, read_arrival
    from fazhi_desktop.county.collect import Outcome, store_arrival

    received = _received(args, args.year)
    county = county_of(ctx)
    unit = ctx.store.find_unit(args.unit)
    if unit is None:
        raise CliError(f"没有单位“{args.unit}”。可用 county roster 查看名单。")
    path = Path(args.file)
    arrival = read_arrival(path) if path.is_file() else Unreadable(path, "找不到这个文件")
    if isinstance(arrival, Unreadable):
        raise CliError(f"{path.name}：{arrival.reason}", code=1)
    year, how = report_year(arrival.evidence)
    if year is not None and year != args.year:
        raise CliError(f"{path.name} 是{year}年度的报告（据{how}），与 --year {args.year} 不符，未导入。", code=1)
    earlier = county.find_by_sha256(arrival.sha256)
    if earlier is not None:
        raise CliError(f"{path.name} 与已收到的“{earlier.file_name}”完全相同，未重复导入。", code=1)
    outcome = store_arrival(county, arrival, unit, args.year, received, args.replace,
                            lambda: ctx.session.backup("收取替换前"))
    if outcome.outcome is Outcome.EXISTS:
        raise CliError(f"{path.name}：{outcome.reason}；确认要用此文件替换时请加 --replace{REPLACE_NOTE}", code=1)
    if outcome.outcome is not Outcome.IMPORTED:
        raise CliError(f"{path.name}：{outcome.reason}", code=1)
    ctx.print(f"已导入：{path.name} → {unit.short_name}{args.year}年度报告（收到日期 {received.isoformat()}）")
    if outcome.reason:
        ctx.print(f"提示：{outcome.reason}")
    _warm_board(county, args.year)
    return 0


def run_original(args: argparse.Namespace, ctx: CliContext) -> int:
    county = county_of(ctx)
    unit = ctx.store.find_unit(args.unit)
    if unit is None or unit.id is None:
        raise CliError(f"没有单位“{args.unit}”。")
    subs = county.submissions(args.year).get(unit.id, [])
    if not subs:
        raise CliError(f"没有收到过{unit.short_name}{args.year}年度的文件。")
    folder = Path(args.output)
    folder.mkdir(parents=True, exist_ok=True)
    for sub in subs:
        target = folder / f"{sub.received_on.isoformat()}-{sub.file_name}"
        if target.exists():
            raise CliError(f"文件已存在，未覆盖：{target}")
        target.write_bytes(county.content(sub.id))
        ctx.print(f"{sub.received_on.isoformat()} 收到的原件：{target}")
    return 0
