"""Small published-style lists built by the tests themselves: .xlsx (openpyxl) and .docx (python-docx).

The texts are test data, not facts: unit names are those of data/units.yaml (or obviously made-up
ones where a test needs a unit that units.yaml lacks).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

TITLE_2025 = "2025年舒兰市政务公开重点工作任务清单"
XLSX_HEADER = ["序号", "工作任务", "具体要求", "完成时限", "责任单位"]


def write_xlsx(path: Path, rows: list[list[Any]], merges: tuple[str, ...] = ()) -> Path:
    """A workbook with one sheet holding `rows` from A1; `merges` like "B3:B4" (value in the first cell)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "清单"
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    workbook.save(path)
    return path


def xlsx_2025(path: Path) -> Path:
    """A 2025 list laid out unlike the seed: other column names and order, a title merged across
    the sheet, a category merged down two rows, a header row repeated for page 2, a blank category
    cell that carries on, a category in a row of its own, and a deadline stored as a date."""
    rows: list[list[Any]] = [
        [TITLE_2025, None, None, None, None],
        XLSX_HEADER,
        [1, "一、主动公开", "公开示例事项甲。", "2025年6月底前", "市政府办牵头；市政数局配合"],
        [2, None, "公开示例事项乙。", "全年", "市政数局"],
        XLSX_HEADER,
        [3.0, None, "公开示例事项丙。", dt.datetime(2025, 9, 30), "市政府办、市政数局牵头，各乡镇人民政府负责落实"],
        [None, "二、政策解读", None, None, None],
        [4, None, "解读示例政策。", "持续推进", "市司法局等相关部门（单位）"],
    ]
    return write_xlsx(path, rows, merges=("A1:E1", "B3:B4"))


def add_sheet(path: Path, title: str, rows: list[list[Any]]) -> Path:
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook.create_sheet(title)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def write_docx(path: Path, title: str, tables: list[list[list[str]]], merges: tuple[tuple[int, int, int, int], ...] = ()) -> Path:
    """A document with a title paragraph and one table per page; `merges` are vertical merges
    (table, first_row, last_row, column) whose first cell keeps its text."""
    import docx
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    document.add_paragraph(title)
    made = []
    for number, rows in enumerate(tables):
        if number:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for row_index, row in enumerate(rows):
            for column, text in enumerate(row):
                table.cell(row_index, column).text = text
        made.append(table)
    for table_index, first, last, column in merges:
        table = made[table_index]
        keep = table.cell(first, column).text
        table.cell(first, column).merge(table.cell(last, column)).text = keep
    document.save(str(path))
    return path


DOCX_HEADER = ["序号", "任务名称", "责任单位", "时限要求", "任务内容"]


def docx_2025(path: Path) -> Path:
    """A 2025 list in two tables (one per page), each with the header; the category cell is split
    over lines and merged down two rows, left blank on page 2 (carries on), then a new category;
    the last task breaks across the page into a row without a number."""
    page1 = [
        DOCX_HEADER,
        ["1", "一、依法规范\n主动公开", "市政府办牵头；市政数局配合", "2025年12月底前", "公开示例事项甲。"],
        ["2", "", "市政数局", "全年", "公开示例事项乙。"],
        ["3", "二、政策解读", "市司法局", "2025年9月30日前", "解读示例政策，"],
    ]
    page2 = [
        DOCX_HEADER,
        ["", "", "", "", "做好示例工作。"],
        ["4", "", "市教育局等相关部门（单位）", "持续推进", "解读示例政策丁。"],
    ]
    return write_docx(path, TITLE_2025, [page1, page2], merges=((0, 1, 2, 1),))
