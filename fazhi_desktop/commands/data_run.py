"""The ``data`` subcommand at work (imported only when it runs; see data_cmd)."""

from __future__ import annotations

import argparse
from pathlib import Path

from fazhi_desktop import oserrors
from fazhi_desktop.commands.context import CliContext, CliError
from fazhi_desktop.core.indicator_csv import from_csv, to_csv
from fazhi_desktop.core.indicators import (
    Catalog,
    IndicatorKind,
    IndicatorValue,
    IndicatorValueError,
    consistency,
    display,
    parse_value,
)
from fazhi_desktop.filewrite import FileWriteError, write_atomic


def _change(current: IndicatorValue | None, last: IndicatorValue | None) -> str:
    if not current or not last or current.value is None or last.value is None:
        return ""
    delta = current.value - last.value
    return f"{'+' if delta > 0 else ''}{delta.normalize():f}"


def _edit(args: argparse.Namespace, ctx: CliContext, report_id: int, catalog: Catalog,
          said: list[str]) -> Catalog:
    """--add, --import-csv and --set; the caller runs them in one transaction (a bad value writes nothing)
    and prints ``said`` once it is committed."""
    store = ctx.store
    if args.add:
        label, _, unit = args.add.partition(":")
        if not label.strip() or not unit.strip():
            raise CliError("自定义指标的写法为 名称:单位，如 --add 法治讲座:场")
        report = store.load_report(report_id)
        assert report.unit.id is not None
        ind = store.add_custom_indicator(report.unit.id, label, unit)
        store.set_indicator_value(report_id, IndicatorValue(ind.key))
        said.append(f"已添加自定义指标：{ind.label}（{ind.unit}，代码 {ind.key}）")
        catalog = store.catalog_for_report(report_id)
    if args.import_csv:
        source = Path(args.import_csv)
        if source.is_dir():
            raise CliError(f"{source} 是一个文件夹，请给出 CSV 文件。")
        try:
            values = from_csv(source.read_bytes(), catalog)
        except FileNotFoundError:
            raise CliError(f"找不到文件：{source}") from None
        except OSError as exc:
            raise CliError(f"无法读取 {source}（{oserrors.reason(exc)}）") from exc
        except IndicatorValueError as exc:
            raise CliError(str(exc)) from exc
        store.set_indicator_values(report_id, values)
        said.append(f"已从 CSV 导入 {len(values)} 项数据")
    updates = {}
    for assignment in args.set or []:
        key, sep, text = assignment.partition("=")
        found = catalog.find(key)
        if not sep or found is None:
            raise CliError(f"没有指标“{key}”。指标可写代码或名称，如 disputes_accepted=186 或 受理矛盾纠纷=186")
        try:
            updates[found.key] = parse_value(found, text)
        except IndicatorValueError as exc:
            raise CliError(str(exc)) from exc
    store.set_indicator_values(report_id, updates)
    return catalog


def run_data(args: argparse.Namespace, ctx: CliContext) -> int:
    store = ctx.store
    report_id = ctx.report_id(args.unit, args.year)
    catalog = store.catalog_for_report(report_id)
    if ctx.writes:
        said: list[str] = []
        with store.transaction():
            catalog = _edit(args, ctx, report_id, catalog, said)
        for line in said:
            ctx.print(line)
    values = store.indicator_values(report_id)
    if args.csv:
        try:
            write_atomic(Path(args.csv), to_csv(catalog, values, store.previous_values(report_id)))
        except FileWriteError as exc:
            raise CliError(f"{exc}，未导出。") from exc
        ctx.print(f"已导出 CSV：{args.csv}")
        return 0
    previous = store.previous_values(report_id)
    hidden = 0
    for group, indicators in catalog.by_group():
        selected = [i for i in indicators if i.key in values]
        shown = [i for i in selected if args.all or display(i, values.get(i.key), values)]
        hidden += len(selected) - len(shown)
        if not shown:
            continue
        ctx.print(f"【{group}】")
        for ind in shown:
            value = display(ind, values.get(ind.key), values) or "—"
            last = display(ind, previous.get(ind.key), previous) if previous else ""
            extra = "（计算）" if ind.kind is IndicatorKind.RATE else ""
            line = f"  {ind.label}{extra}\t{value}"
            if last:
                line += f"\t上年 {last}\t{_change(values.get(ind.key), previous.get(ind.key))}"
            if values[ind.key].note:
                line += f"\t备注：{values[ind.key].note}"
            ctx.print(line)
    if hidden:
        ctx.print(f"（另有 {hidden} 项未填写，加 --all 显示全部）")
    problems = consistency(catalog, values)
    for problem in problems:
        ctx.print(f"{problem.severity}：{problem.message}")
    return 1 if any(p.severity == "错误" for p in problems) else 0
