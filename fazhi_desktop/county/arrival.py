"""One received file read into a report: a .fzbg package, or a .docx/.txt report through the importers.

Reading never stores anything; a file that cannot be read becomes an :class:`Unreadable` with a Chinese
reason. Packages are read with core.package (its checks included), Word and text files with
``importers.load.import_file`` — the same pipeline as the ``import`` command.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from fazhi_desktop.core.county.matching import Evidence
from fazhi_desktop.core.indicators import Indicator, IndicatorValue
from fazhi_desktop.core.model import Report, Unit

PACKAGE_SUFFIX = ".fzbg"
REPORT_SUFFIXES = (".fzbg", ".docx", ".txt")
_SKIP_NAMES = ("thumbs.db", "desktop.ini", ".ds_store")


@dataclass(frozen=True)
class Arrival:
    """A readable received file: its bytes, the report it holds (unit names as written) and the evidence
    of who sent it."""

    path: Path
    kind: str  # fzbg / docx / txt
    data: bytes
    report: Report
    values: dict[str, IndicatorValue] | None  # a package's 数据指标; None for Word/text files
    evidence: Evidence
    notes: tuple[str, ...] = ()
    modified: dt.datetime | None = None  # the file's modification time, to tell versions apart
    custom: tuple[Indicator, ...] = ()  # a package's own indicators (what its ``custom_N`` values are)

    def describe(self) -> str:
        """E.g. “2491字，2月26日15:30修改”: what tells two versions of one unit's report apart."""
        when = self.modified
        stamp = f"，{when.month}月{when.day}日{when:%H:%M}修改" if when is not None else ""
        return f"{self.report.char_count()}字{stamp}"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def package_unit(self) -> str:
        """The unit a package names itself (empty for Word/text files)."""
        return self.report.unit.short_name if self.kind == "fzbg" else ""


@dataclass(frozen=True)
class Unreadable:
    path: Path
    reason: str


def gather(paths: list[Path]) -> tuple[list[Path], list[Unreadable]]:
    """Every file under the given files and folders (sorted, recursively), and the paths that do not exist."""
    files: list[Path] = []
    missing: list[Unreadable] = []
    for path in paths:
        if path.is_dir():
            files += sorted((p for p in path.rglob("*") if p.is_file() and p.name.lower() not in _SKIP_NAMES),
                            key=lambda p: str(p.relative_to(path)))
        elif path.is_file():
            files.append(path)
        else:
            missing.append(Unreadable(path, "找不到这个文件或文件夹"))
    return list(dict.fromkeys(files)), missing


@dataclass
class Reading:
    """What was read under the given paths, without the data file: every file found (in order), what each
    of the first ``len(read)`` became, and the paths that do not exist. Fewer read than found: stopped."""

    files: list[Path] = field(default_factory=list)
    read: list[Arrival | Unreadable] = field(default_factory=list)
    missing: list[Unreadable] = field(default_factory=list)

    @property
    def stopped(self) -> bool:
        return len(self.read) < len(self.files)


OnFile = Callable[[int, int, Path], None]  # (index from 0, number of files, the file about to be read)


def read_files(paths: list[Path], on_file: OnFile | None = None,
               should_stop: Callable[[], bool] = lambda: False) -> Reading:
    """Every file under ``paths`` read (see :func:`read_arrival`), asking ``should_stop`` between files.

    Touches no data file and no Qt object, so it may run in a worker thread; it never writes anything,
    so a write-protected U盘 is read as it is."""
    files, missing = gather(paths)
    reading = Reading(files, [], missing)
    for index, path in enumerate(files):
        if should_stop():
            break
        if on_file is not None:
            on_file(index, len(files), path)
        reading.read.append(read_arrival(path))
    return reading


def read_arrival(path: Path) -> Arrival | Unreadable:
    """The report in ``path``, or why it cannot be taken."""
    suffix = path.suffix.lower()
    if path.name.startswith("~$"):
        return Unreadable(path, "这是 Word/WPS 打开文档时留下的临时文件，不是报告")
    try:
        data = path.read_bytes()
        modified = dt.datetime.fromtimestamp(path.stat().st_mtime)
    except (OSError, ValueError, OverflowError) as exc:
        return Unreadable(path, f"无法读取（{getattr(exc, 'strerror', None) or exc}）")
    if not data:
        return Unreadable(path, "文件是空的（0 字节），可能没有传完整")
    arrival = _package(path, data) if suffix == PACKAGE_SUFFIX else _document(path, data)
    return replace(arrival, modified=modified) if isinstance(arrival, Arrival) else arrival


def _package(path: Path, data: bytes) -> Arrival | Unreadable:
    from fazhi_desktop.core.package import PackageError, custom_indicators, unpack_all

    try:
        report, values = unpack_all(data)
        custom = custom_indicators(data)
    except PackageError as exc:
        return Unreadable(path, str(exc))
    evidence = Evidence(report.title, report.signatories, report.opening, path.name, report.year, report.date)
    return Arrival(path, "fzbg", data, report, values, evidence, custom=custom)


def _document(path: Path, data: bytes) -> Arrival | Unreadable:
    from fazhi_desktop.importers.errors import ImportFileError
    from fazhi_desktop.importers.load import import_file

    suffix = path.suffix.lower()
    try:
        imported = import_file(path)
    except ImportFileError as exc:
        return Unreadable(path, str(exc))
    if suffix not in REPORT_SUFFIXES and imported.source.startswith("文本"):  # a text file that merely decoded
        return Unreadable(path, f"不是报告文件（{suffix or '无扩展名'}）；报告应为 .fzbg、.docx 或 .txt")
    detected = imported.detected
    if not detected.chapters:
        return Unreadable(path, "未能识别出报告的章节（一、二、……），可能不是年度报告或格式特殊；"
                                "可先用 import --dry-run 查看")
    kind = "docx" if imported.source.startswith("Word") else "txt"
    report = detected.to_report(Unit.from_short_name(detected.unit_name or "未知单位"), detected.year or 0)
    evidence = Evidence(detected.title, detected.signatories, detected.opening, path.name, detected.year,
                        detected.date)
    return Arrival(path, kind, data, report, None, evidence, tuple(detected.notes))
