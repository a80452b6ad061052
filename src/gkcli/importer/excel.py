"""Rows of a task list from the sheets of an Excel .xlsx workbook (openpyxl)."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from gkcli.errors import UsageError
from gkcli.importer.rows import Notice, SourceList
from gkcli.importer.table import GridRow, read_grid


def read_xlsx(path: Path) -> SourceList:
    """Every visible sheet in order, each with its own header; a merged cell's value counts for
    every cell it covers. A sheet without a header (instructions, a cover) is noted and skipped."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError) as error:
        raise UsageError(f"无法读取 Excel 文件 {path}：文件已损坏或不是 .xlsx 格式（{error}）") from None
    found = SourceList([])
    for sheet in workbook.worksheets:
        if sheet.sheet_state != "visible":
            continue
        part = read_grid(_grid(sheet, path.name))
        if not part.rows and sheet.max_row > 1:
            found.notices.append(Notice(1, f"{path.name} 工作表“{sheet.title}”", "这张工作表中没有找到清单表头，已跳过"))
        found.rows += part.rows
        found.notices += part.notices
        found.title = found.title or part.title
    return found


def _grid(sheet: Any, name: str) -> Iterator[GridRow]:
    merged = _merged_values(sheet)
    for row_number, values in enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True), start=1):
        cells = [cell_text(merged.get((row_number, column), value)) for column, value in enumerate(values, start=1)]
        yield GridRow(row_number, f"{name} 工作表“{sheet.title}”第 {row_number} 行", cells)


def _merged_values(sheet: Any) -> dict[tuple[int, int], Any]:
    values = {}
    for cells in sheet.merged_cells.ranges:
        value = sheet.cell(cells.min_row, cells.min_col).value
        for row in range(cells.min_row, cells.max_row + 1):
            for column in range(cells.min_col, cells.max_col + 1):
                values[(row, column)] = value
    return values


def cell_text(value: Any) -> str:
    """A cell as text: dates as “2025年6月30日”, whole numbers without “.0”."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
