"""What every subcommand gets: the opened store, output streams, and Chinese errors."""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from fazhi_desktop.core.model import Report

if TYPE_CHECKING:  # storage loads SQLite; it is imported when a command first needs the data file
    from fazhi_desktop.storage.repository import ReportStore
    from fazhi_desktop.storage.session import Session


class CliError(Exception):
    """Ends the command with a one-line Chinese message on stderr and exit ``code`` (default 2)."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class CliContext:
    """The data file and output streams of one command; the file is opened when first used."""

    db_path: Path
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    writes: bool = False  # the command changes the data file: it must hold the lock
    command: str = ""  # named in the lock, so another program's message says who holds the file
    _session: Session | None = None

    @property
    def session(self) -> Session:
        """The data file, opened on first use.

        A command that writes takes the file's lock for its whole run (and fails with the lock's
        message while the window or another command holds it). A command that only reads takes no
        lock and writes nothing, so it works while the window is open, on a write-protected U盘 and
        on a full disk.
        """
        if self._session is None:
            from fazhi_desktop.storage.session import open_session, open_viewer

            if self.writes:
                self._session = open_session(self.db_path, role=f"命令 {self.command or '命令行'}")
            else:
                self._session = open_viewer(self.db_path)
        return self._session

    @property
    def store(self) -> ReportStore:
        return self.session.store

    def close(self) -> None:
        if self._session is not None:
            self._session.close(backup=False)
            self._session = None

    def report_id(self, unit: str, year: int) -> int:
        """The id of the unit's report for ``year``; CliError when there is none."""
        if self.store.find_unit(unit) is None:
            raise CliError(f"没有单位“{unit}”。可用 list 查看已有单位和年度。")
        report_id = self.store.find_report_id(unit, year)
        if report_id is None:
            raise CliError(f"{unit}没有{year}年度的报告。可用 new 新建，或用 copy-year 从上一年复制。")
        return report_id

    def report(self, unit: str, year: int) -> Report:
        return self.store.load_report(self.report_id(unit, year))

    def print(self, text: str = "") -> None:
        print(text, file=self.out)


def int_in_range(text: str, low: int, high: int, not_a_number: str, out_of_range: str) -> int:
    """An argparse value: an integer from ``low`` to ``high``; else the Chinese message (``{}``: the value)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(not_a_number.format(text)) from None
    if not low <= value <= high:
        raise argparse.ArgumentTypeError(out_of_range.format(text))
    return value


def parse_year(text: str) -> int:
    return int_in_range(text, 2000, 2100, "年度应为四位数字：{}", "年度超出范围：{}")


def add_unit_year(parser: argparse.ArgumentParser) -> None:
    """The ``--unit`` and ``--year`` options of the commands that work on one report."""
    parser.add_argument("--unit", required=True, help="单位简称，如 千佛镇")
    parser.add_argument("--year", required=True, type=parse_year, help="报告年度（所报告的年份），如 2021")
