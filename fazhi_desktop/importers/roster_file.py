"""Reading a list of units: a text file (one name a line), a CSV file or an Excel (.xlsx) sheet, as rows of cells."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from fazhi_desktop.importers.errors import ImportFileError
from fazhi_desktop.importers.text_reader import decode_text

LIST_SUFFIXES = (".txt", ".csv", ".xlsx")


def read_rows(path: Path, sheet: str | None = None) -> list[list[str]]:
    """The rows of ``path``: .txt → one cell a line; .csv → its cells (UTF-8 or GBK); .xlsx → the first
    sheet's cells (or ``sheet``). Raises ImportFileError with a Chinese reason."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ImportFileError(f"找不到文件 {path}。")
    if suffix == ".xlsx":
        return _xlsx_rows(path, sheet)
    if suffix in (".xls", ".et"):
        raise ImportFileError(f"{path.name} 是旧版 Excel 文件，请在 Excel/WPS 中另存为 .xlsx 或 .csv 后再导入。")
    if suffix not in (".txt", ".csv", ".text"):
        raise ImportFileError(f"名单应为 .txt、.csv 或 .xlsx 文件：{path.name}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"无法读取文件 {path.name}（{exc.strerror or exc}）。") from exc
    text, _ = decode_text(data, path.name)
    if suffix == ".csv":
        return [list(row) for row in csv.reader(io.StringIO(text))]
    return [[line] for line in text.splitlines()]


def _xlsx_rows(path: Path, sheet: str | None) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportFileError(f"{path.name} 不是有效的 Excel（.xlsx）文件，或已经损坏，无法读取。") from exc
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise ImportFileError(f"{path.name} 中没有名为“{sheet}”的工作表（有：{'、'.join(book.sheetnames)}）。")
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        return [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
    finally:
        book.close()
