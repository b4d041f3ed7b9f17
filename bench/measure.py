"""Timing helpers: repeated runs with warm-up, median and spread, whole processes with their peak RSS."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    median: float  # seconds
    low: float
    high: float
    runs: int
    peak_rss_mb: float | None = None  # whole processes only: the largest peak RSS over the runs

    def spread(self) -> str:
        digits = 2 if self.high < 0.01 else (1 if self.high < 1 else 0)
        return f"{self.low * 1000:.{digits}f}–{self.high * 1000:.{digits}f} ms"


def time_call(fn: Callable[[], object], runs: int, warmup: int = 1) -> Timing:
    """Time an in-process call."""
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return Timing(statistics.median(samples), min(samples), max(samples), runs)


def run_process(argv: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MB, exit status) of one process, measured with wait4."""
    start = time.perf_counter()
    proc = subprocess.Popen(list(argv), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.stderr:
        err = proc.stderr.read().decode("utf-8", "replace")
        proc.stderr.close()
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}: {err[-500:]}")
    return elapsed, usage.ru_maxrss / 1024, proc.returncode


def time_process(argv: Sequence[str], runs: int, warmup: int = 1, env: dict[str, str] | None = None) -> Timing:
    """Time a whole process from spawn to exit."""
    for _ in range(warmup):
        run_process(argv, env)
    samples, peaks = [], []
    for _ in range(runs):
        elapsed, peak, _ = run_process(argv, env)
        samples.append(elapsed)
        peaks.append(peak)
    return Timing(statistics.median(samples), min(samples), max(samples), runs, max(peaks))


def time_processes(argvs: Sequence[Sequence[str]], runs: int, warmup: int = 1,
                   env: dict[str, str] | None = None) -> list[Timing]:
    """Time several whole processes taking turns (a, b, a, b …): a ratio between them stays true when
    the machine's load drifts during the measurement, which timing one after the other would not."""
    for _ in range(warmup):
        for argv in argvs:
            run_process(argv, env)
    samples: list[list[float]] = [[] for _ in argvs]
    peaks: list[list[float]] = [[] for _ in argvs]
    for _ in range(runs):
        for k, argv in enumerate(argvs):
            elapsed, peak, _ = run_process(argv, env)
            samples[k].append(elapsed)
            peaks[k].append(peak)
    return [Timing(statistics.median(s), min(s), max(s), runs, max(p)) for s, p in zip(samples, peaks, strict=True)]


def time_until_shown(argv: Sequence[str], runs: int, warmup: int = 1, env: dict[str, str] | None = None) -> Timing:
    """Time from spawning a process to the moment it prints ``SHOWN <seconds>`` (see app_start.py)."""
    import time as _time

    def once() -> tuple[float, float]:
        child_env = dict(env or os.environ, FAZHI_BENCH_T0=repr(_time.time()))
        proc = subprocess.Popen(list(argv), env=child_env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                text=True)
        shown = None
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("SHOWN "):
                shown = float(line.split()[1])
        _, status, usage = os.wait4(proc.pid, 0)
        if shown is None:
            raise RuntimeError(f"{' '.join(argv)} never showed its window (status {status})")
        return shown, usage.ru_maxrss / 1024

    for _ in range(warmup):
        once()
    samples, peaks = zip(*(once() for _ in range(runs)), strict=True)
    return Timing(statistics.median(samples), min(samples), max(samples), runs, max(peaks))
