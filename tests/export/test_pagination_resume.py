"""Pagination resumed where an earlier one of the same items stood (whole or from a later item, as the
落款 plan lays out the last pages again and again) gives exactly the pages a fresh pagination gives."""

from __future__ import annotations

import random

import pytest

from fazhi_desktop.export import pager
from fazhi_desktop.export.flow import Para, PStyle, Run, blank, body
from fazhi_desktop.export.pages import PageLayout
from fazhi_desktop.export.paginate import _paginate, paginate


def _fresh(items: list[Para], start: int, first: int, before: int) -> PageLayout:
    _paginate.cache_clear()
    pager._RUNS.clear()
    return paginate(items, start, False, first, before)


def _shape(layout: PageLayout) -> list[tuple[int, int | None, list[tuple[int, int, int, int, str]]]]:
    return [(p.index, p.number, [(r.y, r.height, r.item, r.part, r.text) for r in p.rows]) for p in layout.pages]


def _flow(rng: random.Random, n: int) -> list[Para]:
    out: list[Para] = []
    for k in range(n):
        roll = rng.random()
        if roll < 0.15:
            out.append(Para(PStyle.H1, (Run(f"{k}、标题"),), keep_next=True))
        elif roll < 0.25:
            out.append(blank(keep_next=rng.random() < 0.5))
        else:
            out.append(body("依法行政，" * rng.randint(1, 40) + "。", keep_next=rng.random() < 0.2))
    return out


@pytest.mark.parametrize("seed", range(12))
def test_resumed_paginations_equal_fresh_ones(seed: int) -> None:
    rng = random.Random(seed)
    base = _flow(rng, 40)
    endings = [[body("特此报告。")], [blank(True), blank(True), body("某某镇人民政府", keep_next=True)],
               [body("最后一段。" * 30, keep_next=True), body("落款")], []]
    first, before = (rng.randint(5, 30), rng.randint(1, 6)) if seed % 2 else (0, 0)
    start = rng.choice([0, 0, 1158])
    pager._RUNS.clear()
    _paginate.cache_clear()
    resumed = []
    for end in endings:
        items = base[:-rng.randint(0, 3) or None] + end
        resumed.append((items, paginate(items, start, False, first, before)))
    for items, layout in resumed:
        assert _shape(layout) == _shape(_fresh(items, start, first, before))
