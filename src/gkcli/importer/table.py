"""Rows of a task list from table cells: Word and Excel tables, or tables found in a PDF.

Cities order and name the columns differently, so the columns are found from the header row,
and again at every later header row (a table per page, a header repeated on each page). Other
layout rows are recognised by their shape: a category spanning the row ("一、…"), the title
repeated on a page, a category cell left blank or merged down (the category carries on), and a
row without a number that continues the task above it across a page break.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from gkcli.importer.rows import Notice, RawRow, SourceList, squeeze

HEADERS = {
    "number": ("序号", "编号"),
    "category": ("任务名称", "工作任务", "重点任务", "任务类别"),
    "content": ("任务内容", "具体要求", "工作内容", "具体任务"),
    "units": ("责任单位", "责任部门"),
    "deadline": ("完成时间", "完成时限", "时限要求", "完成期限"),
}
CELLS = ("content", "units", "deadline")
BRACKETED = re.compile(r"[（(].*?[）)]")
CATEGORY_START = re.compile(r"^[一二三四五六七八九十]+[、.．]")
NUMBER = re.compile(r"^(\d{1,4})[.、．]?$")


@dataclass(frozen=True)
class GridRow:
    """One row of cells as a reader found it, with its place in the source."""

    line: int
    where: str
    cells: list[str]


def header_columns(cells: list[str]) -> dict[str, int] | None:
    """The column index of each known heading when `cells` is a header row, else None."""
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        key = BRACKETED.sub("", squeeze(cell))
        for column, names in HEADERS.items():
            if key in names:
                found.setdefault(column, index)
    if "units" not in found or "deadline" not in found or not ({"content", "category"} & set(found)):
        return None
    if "content" not in found:  # a list with one task column: it holds the task itself
        found["content"] = found.pop("category")
    return found


class _Reader:
    def __init__(self) -> None:
        self.columns: dict[str, int] | None = None
        self.title: str | None = None
        self.category: str | None = None
        self.rows: list[RawRow] = []
        self.notices: list[Notice] = []

    def feed(self, row: GridRow) -> None:
        cells = [squeeze(cell) for cell in row.cells]
        texts = [cell for cell in cells if cell]
        if not texts:
            return
        columns = header_columns(cells)
        if columns is not None:
            self.columns = columns
        elif self.columns is None:
            self.title = self.title or next((text for text in texts if text.endswith("清单")), None)
        elif len(set(texts)) == 1 and (len(texts) > 1 or CATEGORY_START.match(texts[0]) or texts[0].endswith("清单")):
            self._spanning(row, texts[0])
        else:
            self._task(row, {column: cells[index] if index < len(cells) else "" for column, index in self.columns.items()})

    def _spanning(self, row: GridRow, text: str) -> None:
        """A row whose one text spans it: a category, the title again, or something unknown."""
        if CATEGORY_START.match(text):
            self.category = text
        elif text != self.title and not text.endswith("清单"):
            self.notices.append(Notice(row.line, row.where, f"无法识别的行，已跳过：“{text[:40]}”"))

    def _task(self, row: GridRow, cell: dict[str, str]) -> None:
        self.category = cell.get("category") or self.category
        if not any(cell[name] for name in CELLS):
            if cell.get("number"):
                self.rows.append(self._raw(row, cell, "这一行只有序号，没有任务内容、责任单位和完成时间"))
            return
        if "number" in cell and not cell["number"]:
            self._continue(row, cell)
            return
        match = NUMBER.match(cell.get("number", ""))
        problem = None if match or "number" not in cell else f"序号“{cell['number']}”不是数字"
        self.rows.append(self._raw(row, cell, problem, int(match.group(1)) if match else None))

    def _raw(self, row: GridRow, cell: dict[str, str], problem: str | None, number: int | None = None) -> RawRow:
        number = number if number is not None else len(self.rows) + 1
        return RawRow(number, row.line, self.category, cell["content"], cell["units"], cell["deadline"], problem, row.where)

    def _continue(self, row: GridRow, cell: dict[str, str]) -> None:
        """A row without a number: the task above it goes on (a row broken across pages)."""
        if not self.rows:
            self.notices.append(Notice(row.line, row.where, "这一行没有序号，前面也没有任务可接续，已跳过"))
            return
        last = self.rows[-1]
        note = f"{row.where}没有序号，已当作任务 {last.number} 的续行（跨页断开的一行）接上，请核对"
        self.rows[-1] = replace(
            last,
            content=last.content + cell["content"],
            units_text=last.units_text + cell["units"],
            deadline_text=last.deadline_text + cell["deadline"],
            problem="；".join(filter(None, (last.problem, note))),
        )


def read_grid(rows: Iterable[GridRow], titles: Iterable[str] = ()) -> SourceList:
    """The list in table rows; `titles` are texts outside the tables that may hold the title."""
    reader = _Reader()
    reader.title = next((squeeze(text) for text in titles if squeeze(text).endswith("清单")), None)
    for row in rows:
        reader.feed(row)
    if reader.columns is None:
        return SourceList([], reader.title, reader.notices)
    return SourceList(reader.rows, reader.title, reader.notices)
