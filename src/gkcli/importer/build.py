"""Raw table rows to a register in the model's shape, with a list of what needs review.

Nothing is guessed: a cell the importer cannot read is kept verbatim (or left empty) and flagged,
so that the written register fails `gk validate` at that line until a person has looked at it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from gkcli.deadlines import DeadlineError, parse_deadline
from gkcli.importer.rows import RawRow, SourceList
from gkcli.numerals import cn_number, cn_numeral
from gkcli.unitcell import UnitCellError, parse_unit_cell

CATEGORY_CELL = re.compile(r"^([一二三四五六七八九十]+)[、.．](.*)$")
MISSING_DEADLINE = "（原文为空，待核）"
LONGEST_NAME = 25  # longer "unit names" are content that the reader failed to split off
NO_CATEGORY = "清单中没有找到类别（“一、……”或“任务名称”一栏），请在登记册中补上 categories 并给每项任务填写 category"
Flag = Callable[[str, str], None]  # flag(field, message): put the current row on the review list


@dataclass(frozen=True)
class ReviewItem:
    """Something the importer could not decide and a person must check."""

    task: int | None  # the task's id in the register; None for rows that made no task
    line: int  # where in the source: text line, table row or sheet row
    where: str  # the same for people: "清单.xlsx 工作表“Sheet1”第 5 行"
    field: str  # row, category, content, units_text, deadline
    message: str


def split_category(cell: str) -> tuple[str, str]:
    """ "十一、加强…" → ("十一", "加强…"); a cell without a valid numeral → ("", cell)."""
    match = CATEGORY_CELL.match(cell)
    if match is None:
        return "", cell
    try:
        cn_number(match.group(1))
    except ValueError:
        return "", cell
    return match.group(1), match.group(2)


def deadline_data(text: str, year: int) -> dict[str, Any]:
    """The deadline mapping of a task (raises DeadlineError when the text is not understood)."""
    parsed = parse_deadline(text, year)
    data: dict[str, Any] = {"text": text, "kind": parsed.kind.value}
    for key in ("due", "start", "days", "event"):
        if getattr(parsed, key) is not None:
            data[key] = getattr(parsed, key)
    if parsed.day_type is not None:
        data["day_type"] = parsed.day_type.value
    return data


class _Categories:
    """Categories in order of appearance; a cell seen again (after a page break) is the same one."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self.numbers: dict[str, int] = {}

    def number(self, cell: str | None) -> int:
        if cell is None:
            return self.items[-1]["number"] if self.items else 0
        numeral, name = split_category(cell)
        key = numeral or name
        if key not in self.numbers:
            number = cn_number(numeral) if numeral else (self.items[-1]["number"] + 1 if self.items else 1)
            self.items.append({"number": number, "numeral": numeral or _numeral(number), "name": name})
            self.numbers[key] = number
        return self.numbers[key]


def _numeral(number: int) -> str:
    """The numeral for a category the source did not number (beyond 99 one a person must fix)."""
    return cn_numeral(number) if number <= 99 else str(number)


def build_register(source: SourceList, *, year: int, title: str, region: str) -> tuple[dict[str, Any], list[ReviewItem]]:
    """The register for the rows of `source`; items that need a person's eye go to the review list."""
    categories = _Categories()
    tasks: list[dict[str, Any]] = []
    review = [ReviewItem(None, notice.line, notice.where, "row", notice.message) for notice in source.notices]
    for position, row in enumerate(source.rows, start=1):
        flag = _flagger(review, position, row)
        if row.problem:
            flag("row", row.problem)
        task: dict[str, Any] = {"id": position, "category": categories.number(row.category), "content": row.content}
        if not row.content:
            flag("content", "任务内容是空的")
        task.update(_units(row.units_text, flag))
        task["deadline"] = _deadline(row.deadline_text, year, flag)
        tasks.append(task)
    review.extend(_numbering_review(source.rows))
    if not categories.items:
        review.append(
            ReviewItem(
                None,
                0,
                "",
                "category",
                NO_CATEGORY,
            )
        )
    register = {"title": title, "year": year, "region": region, "published": None, "categories": categories.items, "tasks": tasks}
    return register, review


def _flagger(review: list[ReviewItem], task: int, row: RawRow) -> Flag:
    def flag(field: str, message: str) -> None:
        review.append(ReviewItem(task, row.line, row.where, field, message))

    return flag


def _units(text: str, flag: Flag) -> dict[str, Any]:
    found: dict[str, Any] = {"units_text": text}
    try:
        cell = parse_unit_cell(text)
    except UnitCellError as error:
        flag("units_text", str(error))
        return {**found, "lead": [], "units": []}
    for name in (*cell.lead, *cell.units):
        if len(name) > LONGEST_NAME or "。" in name:
            flag("units_text", f"责任单位中的“{name[:40]}”不像单位名称，可能是任务内容与责任单位没有分开")
    found.update(lead=list(cell.lead), units=list(cell.units))
    if cell.open_ended:
        found["open_ended"] = True
    return found


def _deadline(text: str, year: int, flag: Flag) -> dict[str, Any]:
    try:
        data = deadline_data(text, year)
    except DeadlineError as error:
        flag("deadline", f"{error}，已照录原文，请改写为可识别的写法")
        return {"text": text or MISSING_DEADLINE, "kind": "date"}
    due = data.get("due")
    if due is not None and due.year < year:
        flag("deadline", f"完成时间“{text}”（{due}）早于清单年度 {year} 年，请核对 --year 或原文")
    return data


def _numbering_review(rows: list[RawRow]) -> list[ReviewItem]:
    """One note when the source's numbers are not 1, 2, 3, …: the register numbers tasks in order."""
    for position, row in enumerate(rows, start=1):
        if row.number != position:
            message = (
                f"原文序号 {row.number} 与出现顺序 {position} 不一致（如按类别分别编号）；已按出现顺序把任务编为 1–{len(rows)}，请核对"
            )
            return [ReviewItem(position, row.line, row.where, "row", message)]
    return []
