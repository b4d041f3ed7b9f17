"""The units' own indicators (自设指标: each unit's ``custom_N`` rows) lined up across units for the figures
table: the same name and unit (spaces aside) in several units is one column, keyed ``own_1``, ``own_2`` … in
the order the units first name them, and marked as the units' own (group :data:`OWN_GROUP`).

A column whose units gave it different kinds (a count here, 万元 there as a count) is shown but not totalled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from fazhi_desktop.core.indicators import Catalog, Indicator, IndicatorKind, IndicatorValue, ValueState

OWN_GROUP = "各单位自设指标"
MIXED = IndicatorKind.PERCENT  # what a column of mixed kinds is treated as: shown, never added up


def _plain(text: str) -> str:
    return "".join(text.split())


def own_columns(catalogs: Sequence[tuple[Catalog, dict[str, IndicatorValue]]]) -> tuple[
        list[Indicator], list[dict[str, str]], list[str]]:
    """(the shared columns, for each unit {its custom key: the column's key}, notes) of the units' own
    indicators that hold a value somewhere."""
    columns: dict[tuple[str, str], Indicator] = {}
    kinds: dict[tuple[str, str], set[IndicatorKind]] = {}
    keys: list[dict[str, str]] = []
    for catalog, values in catalogs:
        mine: dict[str, str] = {}
        for ind in catalog.indicators:
            value = values.get(ind.key)
            if not ind.custom or value is None or value.state is ValueState.EMPTY:
                continue
            name = (_plain(ind.label), _plain(ind.unit))
            kind = MIXED if ind.kind is IndicatorKind.RATE else ind.kind  # an own rate has no counts to add
            if name not in columns:
                columns[name] = Indicator(f"own_{len(columns) + 1}", ind.label.strip(), ind.unit.strip(),
                                          OWN_GROUP, kind, custom=True)
            kinds.setdefault(name, set()).add(kind)
            mine[ind.key] = columns[name].key
        keys.append(mine)
    notes = []
    for name, seen in kinds.items():
        if len(seen) > 1:
            columns[name] = replace(columns[name], kind=MIXED)
            notes.append(f"各单位自设的“{columns[name].label}（{columns[name].unit}）”填写方式不一（有的是计数，"
                         "有的是金额或百分比），合计栏留空")
    return list(columns.values()), keys, notes


def with_own(catalog: Catalog, own: Sequence[Indicator], values: dict[str, IndicatorValue],
             keys: dict[str, str]) -> tuple[Catalog, dict[str, IndicatorValue]]:
    """A unit's catalog and values with its own indicators under the shared columns' keys."""
    moved = {k: v for k, v in values.items() if k not in keys}
    for key, shared in keys.items():
        moved[shared] = replace(values[key], key=shared)
    shipped = tuple(i for i in catalog.indicators if not i.custom)
    return Catalog(shipped + tuple(own), catalog.groups), moved
