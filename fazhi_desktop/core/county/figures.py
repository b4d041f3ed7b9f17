"""The units' 数据指标 side by side: a row per unit (grouped by kind, with subtotals and a total), a column
per indicator any unit filled. Counts and money are added; a rate is recomputed from the summed numerator
and denominator — never an average of the units' percentages; a typed percentage (满意度) is not totalled.
A cell that fails validation is marked with its reason and left out of the totals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from fazhi_desktop.core.county.own_figures import own_columns, with_own
from fazhi_desktop.core.indicators import (
    Catalog,
    Indicator,
    IndicatorKind,
    IndicatorValue,
    IndicatorValueError,
    ValueState,
    compute_rate,
    consistency,
    display,
    parse_value,
)
from fazhi_desktop.core.model import Unit, UnitKind


@dataclass(frozen=True)
class Cell:
    text: str = ""  # as a report writes it: 186件 → "186", "97.3%", "未发生", "零败诉"
    number: Decimal | None = None  # the value for a spreadsheet (a rate: the percentage, 97.3)
    invalid: str = ""  # why the value failed validation (Chinese); empty when fine


@dataclass(frozen=True)
class UnitFigures:
    """One unit's figures as stored: its catalog (with its own indicators) and values; None: no report."""

    unit: Unit
    catalog: Catalog | None = None
    values: Mapping[str, IndicatorValue] = field(default_factory=dict)

    @property
    def received(self) -> bool:
        return self.catalog is not None

    @property
    def has_figures(self) -> bool:
        """Some 数据指标 filled (a report sent as Word or text arrives without any)."""
        return any(v.state is not ValueState.EMPTY for v in self.values.values())


def _counted(units: Sequence[UnitFigures], unit_word: str = "") -> str:
    """（14个） or, when some sent no figures, （收到14个，有数据3个）."""
    received = [f for f in units if f.received]
    with_figures = sum(1 for f in received if f.has_figures)
    if with_figures == len(received):
        return f"（{len(received)}个{unit_word}）"
    return f"（收到{len(received)}个，有数据{with_figures}个）"


@dataclass(frozen=True)
class Row:
    label: str  # the unit's name, or 乡镇小计（18个）/ 合计（28个单位）
    kind: UnitKind | None
    cells: tuple[Cell, ...]
    status: str = ""  # 已收到 / 未收到 (empty on total rows)
    total: bool = False


@dataclass(frozen=True)
class Total:
    """A column's total over a set of units, and who contributed what (for tracing a county figure)."""

    indicator: Indicator
    number: Decimal | None
    parts: tuple[tuple[str, Decimal], ...]  # (unit, its value) of every unit counted
    all_not_occurred: bool = False


@dataclass(frozen=True)
class FiguresTable:
    year: int
    columns: tuple[Indicator, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...]
    totals: Mapping[str, Total]  # the grand total of each count/money column, by key


def _number(ind: Indicator, value: IndicatorValue | None) -> tuple[Decimal | None, str]:
    """(the value counted in totals, why it is invalid): 未发生 counts as 0; 不适用 and empty not at all."""
    if value is None or value.state in (ValueState.EMPTY, ValueState.NOT_APPLICABLE):
        return None, ""
    if value.state is ValueState.NOT_OCCURRED:
        return Decimal(0), ""
    assert value.value is not None
    try:
        parse_value(ind, format(value.value, "f"))
    except IndicatorValueError as exc:
        return None, str(exc)
    return value.value, ""


def _plain(number: Decimal) -> str:
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _cell(ind: Indicator, fig: UnitFigures, problems: Mapping[str, str]) -> Cell:
    value = fig.values.get(ind.key)
    if ind.computed:
        rate = compute_rate(ind, fig.values)
        text = rate.text or display(ind, value)
        return Cell(text, rate.percent if rate.percent is not None else (value.value if value else None),
                    problems.get(ind.key, ""))
    number, invalid = _number(ind, value)
    if invalid:
        assert value is not None and value.value is not None
        return Cell(_plain(value.value), value.value, invalid)
    if value is None or value.state is ValueState.EMPTY:
        return Cell()
    if value.state is not ValueState.VALUE:
        return Cell(value.state.value, number)
    return Cell(_plain(number) if number is not None else "", number, problems.get(ind.key, ""))


def _columns(figures: Sequence[UnitFigures]) -> list[Indicator]:
    """Indicators any unit filled, in catalog order; a rate when some unit has both of its counts."""
    filled: dict[str, Indicator] = {}
    order: list[str] = []
    for fig in figures:
        if fig.catalog is None:
            continue
        for ind in fig.catalog.indicators:
            if ind.key not in order:
                order.append(ind.key)
            value = fig.values.get(ind.key)
            has = value is not None and value.state is not ValueState.EMPTY
            if ind.computed:
                has = has or compute_rate(ind, fig.values).percent is not None
            if has:
                filled.setdefault(ind.key, ind)
    return [filled[k] for k in order if k in filled]


def _total(ind: Indicator, figures: Sequence[UnitFigures]) -> Total:
    parts: list[tuple[str, Decimal]] = []
    states: list[ValueState] = []
    for fig in figures:
        value = fig.values.get(ind.key)
        number, invalid = _number(ind, value)
        if number is not None and not invalid:
            parts.append((fig.unit.short_name, number))
            assert value is not None
            states.append(value.state)
    number = sum((p for _, p in parts), Decimal(0)) if parts else None
    return Total(ind, number, tuple(parts), bool(states) and all(s is ValueState.NOT_OCCURRED for s in states))


def _total_cell(ind: Indicator, figures: Sequence[UnitFigures], catalog: Catalog) -> Cell:
    if ind.kind is IndicatorKind.PERCENT:
        return Cell()
    if ind.computed:
        num, den = _total(catalog[ind.numerator], figures), _total(catalog[ind.denominator], figures)
        values = {k: IndicatorValue(k, t.number, ValueState.VALUE) for k, t in
                  ((ind.numerator, num), (ind.denominator, den)) if t.number is not None}
        rate = compute_rate(ind, values)
        return Cell(rate.text, rate.percent)
    total = _total(ind, figures)
    if total.number is None:
        return Cell()
    return Cell(_plain(total.number), total.number)


def figures_table(year: int, figures: Sequence[UnitFigures], catalog: Catalog) -> FiguresTable:
    """Rows of ``figures`` grouped by kind (乡镇、街道、县级部门) with subtotals and a total (see the module
    docstring); ``catalog`` is the shipped one (numerators and denominators of the rates)."""
    figures = [f for f in figures if f.unit.kind is not UnitKind.COUNTY]
    own, keys, notes = own_columns([(f.catalog, dict(f.values)) for f in figures if f.catalog is not None])
    mapped = iter(keys)
    figures = [f if f.catalog is None else UnitFigures(f.unit, *with_own(f.catalog, own, dict(f.values), next(mapped)))
               for f in figures]
    columns = _columns(figures)
    rows: list[Row] = []
    for kind in UnitKind:
        group = [f for f in figures if f.unit.kind is kind]
        if not group:
            continue
        for fig in group:
            problems = {p.key: p.message for p in consistency(fig.catalog, fig.values)} if fig.catalog else {}
            cells = tuple(_cell(ind, fig, problems) for ind in columns)
            for ind, cell in zip(columns, cells, strict=True):
                if cell.invalid:
                    counted = "（其计数仍计入合计）" if ind.computed else "，未计入合计"
                    notes.append(f"{fig.unit.short_name}的{ind.label}有误：{cell.invalid.rstrip('。')}{counted}")
            rows.append(Row(fig.unit.short_name, kind, cells, "已收到" if fig.received else "未收到"))
        received = [f for f in group if f.received]
        rows.append(Row(f"{kind.value}小计{_counted(group)}", kind,
                        tuple(_total_cell(ind, received, catalog) for ind in columns), total=True))
    received = [f for f in figures if f.received]
    rows.append(Row(f"合计{_counted(figures, '单位')}", None,
                    tuple(_total_cell(ind, received, catalog) for ind in columns), total=True))
    without = [f.unit.short_name for f in received if not f.has_figures]
    if without:
        notes.append(f"{'、'.join(without)}报来的是 Word 或文本文件，没有数据指标，不在合计之中"
                     "（可在其报告的“数据指标”中补填，或请其报送 .fzbg 数据包）")
    if any(c.kind is IndicatorKind.PERCENT and not c.custom for c in columns):
        notes.append("满意度等直接填写的百分比不能相加，也不做平均，合计栏留空")
    if own:
        notes.append("标“单位自设”的列是各单位自己添加的指标：名称和计量单位相同的合为一列，计数和金额照样相加")
    summable = [*(i for i in catalog.indicators if not i.custom), *own]
    totals = {ind.key: _total(ind, received) for ind in summable
              if ind.kind in (IndicatorKind.COUNT, IndicatorKind.MONEY)}
    return FiguresTable(year, tuple(columns), tuple(rows), tuple(notes),
                        {k: t for k, t in totals.items() if t.number is not None})


def header_texts(table: FiguresTable) -> list[str]:
    """The column titles of the table as printed: 单位, 类型, 报送, each indicator with its unit, 数据问题."""
    return ["单位", "类型", "报送", *(column_title(c) for c in table.columns), "数据问题"]


def column_title(ind: Indicator) -> str:
    """An indicator's column title: 法律援助案件（件）; a units' own one: 法治讲座（场，单位自设）."""
    return f"{ind.label}（{ind.unit}，单位自设）" if ind.custom else f"{ind.label}（{ind.unit}）"


def row_problems(table: FiguresTable, row: Row) -> str:
    """The last column of a row: every invalid cell with its reason."""
    return "；".join(f"{c.label}：{x.invalid}" for c, x in zip(table.columns, row.cells, strict=True) if x.invalid)


def county_values(table: FiguresTable) -> dict[str, IndicatorValue]:
    """The county report's 数据指标 from the total row: summed counts (its rates are then computed from
    them), each with the units it came from in ``source``."""
    values: dict[str, IndicatorValue] = {}
    for key, total in table.totals.items():
        assert total.number is not None
        parts = "；".join(f"{name} {_plain(number)}" for name, number in total.parts)
        note = f"由{len(total.parts)}个单位{'自设的同名指标' if total.indicator.custom else ''}汇总"
        state = ValueState.NOT_OCCURRED if total.all_not_occurred else ValueState.VALUE
        number = None if total.all_not_occurred else total.number
        values[key] = IndicatorValue(key, number, state, note, parts)
    return values
