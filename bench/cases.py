"""The measurements. Each returns result rows: value, baseline in the same run, ratio, target, met."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from bench import features, inputs
from bench.measure import Timing, run_process, time_call, time_process, time_processes, time_until_shown
from fazhi_desktop.core.model import Report

PY = sys.executable
BENCH = Path(__file__).resolve().parent
# Subprocesses import the package from this checkout even when it is not installed.
# Bytecode caching is allowed (the warm-up run writes the .pyc files), as on an installed PC.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV.update(PYTHONPATH=os.pathsep.join([str(BENCH.parent), os.environ.get("PYTHONPATH", "")]),
           QT_QPA_PLATFORM="offscreen")


@dataclass
class Row:
    name: str
    value: float | None  # seconds, or MB for sizes/RSS
    unit: str  # "s" or "MB"
    spread: str = ""
    baseline: str = ""
    baseline_value: float | None = None
    target: str = ""
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline_value:
            return None
        return self.value / self.baseline_value


def _row(name: str, t: Timing | None, baseline: str = "", base: Timing | None = None, target: str = "",
         met: bool | None = None, note: str = "") -> Row:
    if t is None:
        return Row(name, None, "s", note=note or "功能未实现（跳过）", target=target)
    return Row(name, t.median, "s", t.spread(), baseline, base.median if base else None, target, met, note)


def app_start(work: Path, runs: int) -> list[Row]:
    floor = time_until_shown([PY, str(BENCH / "app_start.py"), "--floor"], runs, env=ENV)
    rows = [_row("基线：空 QMainWindow 启动到显示", floor)]
    if not features.app_available():
        return [*rows, _row("启动到主窗口（含完整报告）", None, target="≤ 2× 基线")]
    db = work / "app.db"  # --demo opens the complete 示例镇 report (created by the warm-up run)
    t = time_until_shown([PY, str(BENCH / "app_start.py"), "--db", str(db), "--demo"], runs, env=ENV)
    rows.append(_row("启动到主窗口（含完整报告）", t, "空 QMainWindow", floor, "≤ 2× 基线",
                     t.median <= 2 * floor.median))
    rss = t.peak_rss_mb or 0.0
    rows.append(Row("打开报告后的内存（峰值 RSS）", rss, "MB", baseline="空 QMainWindow",
                    baseline_value=floor.peak_rss_mb, target="≤ 150 MB", met=rss <= 150))
    return rows


def debounced_save(work: Path, runs: int) -> list[Row]:
    import sqlite3

    from fazhi_desktop.core.templates import new_report
    from fazhi_desktop.storage.database import open_database
    from fazhi_desktop.storage.repository import ReportStore

    store = ReportStore(open_database(work / "save.db"))
    report = store.create_report(new_report(store.ensure_unit("千佛镇"), 2025))
    block_id = report.chapters[0].blocks[0].id
    assert block_id is not None
    bodies = iter(range(10**9))
    text = "依法行政" * 500  # 2,000 characters

    t = time_call(lambda: store.update_block(block_id, body=f"{text}{next(bodies)}"), runs * 10, warmup=3)
    store.db.close()
    raw = sqlite3.connect(work / "save.db")
    def raw_save() -> None:
        raw.execute("UPDATE blocks SET body=? WHERE id=?", (f"{text}{next(bodies)}", block_id))
        raw.commit()

    base = time_call(raw_save, runs * 10, warmup=3)
    raw.close()
    return [_row("一次防抖保存（2,000 字正文）", t, "裸 sqlite3 UPDATE+提交", base, "≤ 10 ms", t.median <= 0.010)]


def backup(work: Path, runs: int) -> list[Row]:
    from fazhi_desktop.storage.database import backup_to, open_database

    db_path = inputs.build_database(work / "big.db")
    db = open_database(db_path)
    size = db_path.stat().st_size / 2**20
    counter = iter(range(10**6))
    t = time_call(lambda: backup_to(db, work / f"b{next(counter)}.db"), runs)
    db.close()
    base = time_call(lambda: shutil.copyfile(db_path, work / f"c{next(counter)}.db"), runs)
    return [_row(f"备份 20 个单位 × 10 年的数据文件（{size:.1f} MB）", t, "文件复制", base, "≤ 0.3 s",
                 t.median <= 0.3)]


def import_docx(work: Path, runs: int) -> list[Row]:
    path = inputs.write_docx(inputs.sized_report(12_000), work / "twenty-pages.docx")
    import docx

    base = time_call(lambda: docx.Document(str(path)), runs)
    read = features.importer()
    if read is None:
        return [_row("导入 20 页 .docx", None, target="≤ 0.5 s")]
    t = time_call(lambda: read(path), runs)
    big = work / "thirty-thousand.txt"
    big.write_text(inputs.report_text(inputs.sized_report(30_000)), encoding="utf-8")
    t_txt = time_call(lambda: read(big), runs)
    argv = [PY, "-m", "fazhi_desktop", "--db", str(work / "imp.db"), "import", str(big), "--dry-run"]
    t_cli = time_process(argv, runs, env=ENV)
    return [_row("导入 20 页 .docx（进程内）", t, "python-docx 打开同一文件", base, "≤ 0.5 s", t.median <= 0.5),
            _row("导入 3 万字 .txt（进程内）", t_txt),
            _row("fazhi-desktop import --dry-run 3 万字（整个进程）", t_cli, note=_rss(t_cli))]


def _rss(t: Timing) -> str:
    return f"峰值内存 {t.peak_rss_mb:.0f} MB" if t.peak_rss_mb else ""


def check(work: Path, runs: int) -> list[Row]:
    run = features.checker()
    if run is None:
        return [_row("检查 1 万字报告", None, target="≤ 0.2 s，随字数线性增长")]
    rows: list[Row] = []
    first: Timing | None = None
    for chars in (10_000, 40_000, 160_000):
        report = inputs.sized_report(chars)
        t = time_call(lambda: run(report), runs)  # noqa: B023 - called before the loop moves on
        if first is None:
            first = t
            rows.append(_row("检查 1 万字报告", t, target="≤ 0.2 s", met=t.median <= 0.2))
        else:
            linear = t.median <= first.median * (chars / 10_000) * 1.5
            rows.append(_row(f"检查 {chars // 10_000} 万字报告", t, "1 万字", first,
                             f"≤ 1.5 × 线性（{chars // 10_000}×）", linear))
    return rows


def export(work: Path, runs: int) -> list[Row]:
    import docx

    counter = iter(range(10**6))
    base = time_call(lambda: docx.Document().save(str(work / f"e{next(counter)}.docx")), runs)
    report = inputs.sized_report(6000)
    write = features.exporter()
    empty = [PY, "-c", f"import docx; docx.Document().save({str(work / 'empty.docx')!r})"]
    if write is None:
        base_proc = time_process(empty, runs, env=ENV)
    else:  # the export command and its baseline take turns (see time_processes)
        command = _export_argv(work, report)
        base_proc, t_cli = time_processes([empty, command], runs, env=ENV)
    rows = [_row("基线：python-docx 空文档保存（进程内）", base),
            _row("基线：python-docx 空文档保存（整个进程）", base_proc)]
    if write is None:
        rows.append(_row("导出 6,000 字报告（进程内）", None, target="≤ 0.1 s"))
    else:
        t = time_call(lambda: write(report, work / f"x{next(counter)}.docx"), runs)
        rows.append(_row("导出 6,000 字报告（进程内）", t, "空文档保存", base, "≤ 0.1 s", t.median <= 0.1))
        big = inputs.sized_report(30_000)
        t_big = time_call(lambda: write(big, work / f"x{next(counter)}.docx"), runs)
        rows.append(_row("导出 3 万字报告（进程内）", t_big, "空文档保存", base))
        rows.append(_row("fazhi-desktop export 整个命令", t_cli, "空文档保存进程", base_proc, "≤ 1.5× 基线",
                         t_cli.median <= 1.5 * base_proc.median, note=_rss(t_cli)))
        rows.extend(_instructions(empty, command))
    rows.extend(_soffice(work, runs, report))
    return rows


def _instructions(empty: list[str], command: list[str]) -> list[Row]:
    """Instructions executed by the export command and by its baseline, counted by valgrind: the same
    count on every run however loaded the machine is (timings on a shared machine drift by 30 %)."""
    if shutil.which("valgrind") is None:
        return [Row("fazhi-desktop export 整个命令（指令数）", None, "Minstr", note="未安装 valgrind（跳过）")]

    def count(argv: list[str]) -> float:
        run_process(argv, ENV)  # bytecode caches written first, as on an installed PC
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={os.devnull}", *argv],
                              env=ENV, capture_output=True, text=True, check=True)
        found = re.search(r"Collected : (\d+)", done.stderr)
        if found is None:
            raise RuntimeError(f"valgrind printed no count: {done.stderr[-300:]}")
        return int(found[1]) / 1e6

    base, cmd = count(empty), count(command)
    return [Row("基线：python-docx 空文档保存（整个进程，指令数）", base, "Minstr",
                note="valgrind 计数，不受机器负载影响"),
            Row("fazhi-desktop export 整个命令（指令数）", cmd, "Minstr", baseline="空文档保存进程",
                baseline_value=base, target="≤ 1.5× 基线", met=cmd <= 1.5 * base)]


def _export_argv(work: Path, report: Report) -> list[str]:
    """The export command on a data file holding ``report``."""
    from fazhi_desktop.storage.database import open_database
    from fazhi_desktop.storage.repository import ReportStore

    store = ReportStore(open_database(work / "cli.db"))
    unit = store.ensure_unit("示例镇")
    store.create_report(replace(report, unit=unit))
    store.db.close()
    return [PY, "-m", "fazhi_desktop", "--db", str(work / "cli.db"), "export", "--unit", "示例镇",
            "--year", "2025", "-o", str(work / "cli.docx")]


def _soffice(work: Path, runs: int, report: Report) -> list[Row]:
    soffice = shutil.which("soffice")
    if soffice is None:
        return [Row("参照：LibreOffice 把同样文字转成 .docx", None, "s", note="未安装 LibreOffice（跳过）")]
    txt = work / "same.txt"
    txt.write_text(inputs.report_text(report), encoding="utf-8")
    argv = [soffice, f"-env:UserInstallation=file://{work / 'lo-profile'}", "--headless", "--convert-to", "docx",
            "--outdir", str(work / "lo"), str(txt)]
    t = time_process(argv, max(1, runs // 2))
    return [_row("参照：LibreOffice 把同样文字转成 .docx", t, note="不用本程序时的做法")]


def packaged(work: Path, runs: int) -> list[Row]:
    root = BENCH.parent / "dist" / "fazhi-desktop"
    exe = next((p for p in (root / "fazhi-desktop", root / "fazhi-desktop.exe") if p.exists()), None)
    if exe is None:
        return [Row("打包程序启动", None, "s", target="≤ 1.0 s", note="未找到 dist/fazhi-desktop（先运行打包）"),
                Row("打包目录大小", None, "MB", target="≤ 150 MB", note="未找到打包目录")]
    size = sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20
    t = time_process([str(exe), "--smoke-test", "--smoke-out", str(work / "smoke.json")], runs, env=ENV)
    floor = time_process([PY, str(BENCH / "app_start.py"), "--floor"], runs, env=ENV)
    return [_row("打包程序启动（冒烟测试：全部功能跑一遍）", t, "源码运行的空 QMainWindow", floor, "≤ 1.0 s",
                 t.median <= 1.0, note=_rss(t)),
            Row("打包目录大小", size, "MB", target="≤ 150 MB", met=size <= 150)]


def typing_lost(work: Path, runs: int) -> list[Row]:
    """Steady typing (a character every 50 ms, never pausing), then a power cut or a shutdown."""
    from bench.autosave_loss import measure

    lost = measure(work, runs, ENV)
    rows = [Row("基线：没有 2 秒上限的自动保存，断电时丢失的连续输入", max(lost["baseline"]), "s",
                note="连续输入 3–5 秒，停顿从未到来")]
    for name, label, target in (("SIGKILL", "断电（SIGKILL）时丢失的连续输入", "≤ 2 s"),
                                ("SIGTERM", "关机/注销（SIGTERM）时丢失的连续输入", "0（不丢字）")):
        worst = max(lost[name])
        met = worst <= 2.0 if name == "SIGKILL" else worst == 0
        rows.append(Row(label, worst, "s", f"{min(lost[name]):.2f}–{worst:.2f} s", "上面的基线",
                        max(lost["baseline"]), target, met, "各次中最多的"))
    return rows
