"""Run every benchmark and print a table; write bench/results.json. Never fails on timing.

    python -m bench            # several runs per measurement (median, spread)
    python -m bench --quick    # every measurement once; for CI, to prove the benchmark still works
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import tempfile
import traceback
from dataclasses import asdict
from pathlib import Path

if __package__ in (None, ""):  # `python bench/run.py`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import cases, county, preview
from bench.cases import Row

CASES = [cases.app_start, cases.debounced_save, cases.typing_lost, cases.import_docx, cases.check, cases.export,
         cases.backup, county.county, preview.preview, cases.packaged]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} 核, {cpu}, Python {platform.python_version()}"


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "Minstr":
        return f"{value:.0f} M 条指令"
    if value == 0:
        return "0"
    if value < 0.01:
        return f"{value * 1000:.2f} ms"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def table(rows: list[Row]) -> str:
    lines = ["| 操作 | 测得（中位数） | 范围 | 基线 | 与基线之比 | 目标 | 达标 |", "|---|---|---|---|---|---|---|"]
    for r in rows:
        met = "—" if r.met is None else ("是" if r.met else "否")
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "—"
        base = f"{r.baseline} {fmt(r.baseline_value, r.unit)}" if r.baseline else ""
        value = fmt(r.value, r.unit) if r.value is not None else r.note
        if r.value is not None and r.note:
            value += f"（{r.note}）"
        lines.append(f"| {r.name} | {value} | {r.spread} | {base} | {ratio} | {r.target} | {met} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description="fazhi_desktop 性能基准")
    parser.add_argument("--quick", action="store_true", help="每项只测一次（CI 用）")
    parser.add_argument("--runs", type=int, default=5, help="每项测量次数（默认 5）")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "results.json"))
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-") as tmp:
        for case in CASES:
            work = Path(tmp) / case.__name__
            work.mkdir()
            try:
                rows.extend(case(work, runs))
            except Exception as exc:  # a broken measurement is reported, never hidden
                traceback.print_exc()
                rows.append(Row(case.__name__, None, "s", note=f"测量出错：{exc}"))
            print(f"  {case.__name__}: 完成", file=sys.stderr, flush=True)
    header = f"{dt.date.today().isoformat()}，{machine()}，每项 {runs} 次{'（--quick）' if args.quick else ''}"
    print(header)
    print()
    print(table(rows))
    Path(args.out).write_text(
        json.dumps({"date": dt.date.today().isoformat(), "machine": machine(), "runs": runs,
                    "results": [{**asdict(r), "ratio": r.ratio} for r in rows]}, ensure_ascii=False, indent=2),
        encoding="utf-8",
    )
    failed = [r for r in rows if r.note.startswith("测量出错")]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
