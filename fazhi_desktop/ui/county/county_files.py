"""What the 汇总 view writes outside the data file — review notes, the figures table — with the window
responsive: what they need is read from the data file here, the checking and writing run in a worker
thread (ui.common.long_task) with a 请稍候 dialog; 取消 stops between units."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from fazhi_desktop.ui.common.dialogs import Dialogs
from fazhi_desktop.ui.common.long_task import Cancelled, run_long

if TYPE_CHECKING:
    from collections.abc import Callable

    from fazhi_desktop.county.review_notes import Written
    from fazhi_desktop.storage.county import CountyStore
    from fazhi_desktop.ui.window.main_window import MainWindow


def write_notes(window: MainWindow, county: CountyStore, year: int, chosen: list[str]) -> list[Written] | None:
    """生成审核意见: one note per chosen unit (every unit with a report when none is chosen)."""
    from fazhi_desktop.county.review_notes import review_jobs, write_note

    folder = Dialogs.ask_directory(window, "审核意见保存到哪个文件夹")
    if folder is None:
        return None
    try:
        jobs = review_jobs(county, year, chosen or None)
    except ValueError as exc:
        Dialogs.warn(window, "无法生成审核意见", str(exc))
        return None

    def work(stop: Callable[[], bool]) -> list[Written]:
        written: list[Written] = []
        for job in jobs:
            if stop():
                break
            written.append(write_note(job, folder))
        return written

    try:
        written = run_long(window, f"正在生成{len(jobs)}份审核意见……", work)
    except Cancelled:
        written = []
    except OSError as exc:
        Dialogs.warn(window, "无法生成审核意见", str(exc))
        return None
    done = f"已生成{len(written)}份审核意见" + (f"（共{len(jobs)}份，已取消其余）" if len(written) < len(jobs) else "")
    Dialogs.inform(window, "审核意见", f"{done}，保存在：\n{folder}")
    return written


def export_table(window: MainWindow, county: CountyStore, year: int) -> Path | None:
    """导出汇总表: .xlsx (or .csv, .docx) where the user chooses."""
    from fazhi_desktop.county.figures_table import build_table, title, write_built
    from fazhi_desktop.export.options import ExportError

    name = title(county, year)
    path = Dialogs.ask_save_file(window, "导出汇总表", Path.home() / f"{name}.xlsx",
                                 "Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv);;Word 文档 (*.docx)")
    if path is None:
        return None
    if path.suffix.lower() not in (".xlsx", ".csv", ".docx"):
        path = path.with_name(path.name + ".xlsx")
    try:
        table = build_table(county, year)
        run_long(window, f"正在导出 {path.name} ……", lambda _stop: write_built(table, name, path))
    except Cancelled:
        window.statusBar().showMessage("已取消导出汇总表。", 10000)
        return None
    except (ValueError, OSError, ExportError) as exc:
        Dialogs.warn(window, "无法导出汇总表", str(exc))
        return None
    window.statusBar().showMessage(f"已导出汇总表：{path}", 10000)
    return path
