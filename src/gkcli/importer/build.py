"""Raw table rows to a register in the model's shape, with a list of what needs review."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gkcli.deadlines import DeadlineError, parse_deadline
from gkcli.importer.pdftext import RawRow
from gkcli.unitcell import UnitCellError, parse_unit_cell

CN_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@dataclass(frozen=True)
class ReviewItem:
    """Something the importer could not decide and a person must check."""

    task: int
    line: int
    field: str
    message: str


def cn_number(numeral: str) -> int:
    """一 → 1, 十四 → 14, 二十一 → 21 (numbers up to 99)."""
    if not numeral or any(char not in CN_NUMERALS for char in numeral):
        raise ValueError(numeral)
    if "十" not in numeral:
        return CN_NUMERALS[numeral]
    tens, _, ones = numeral.partition("十")
    return (CN_NUMERALS[tens] if tens else 1) * 10 + (CN_NUMERALS[ones] if ones else 0)


def split_category(cell: str) -> tuple[str, str]:
    """ "十一、加强…" → ("十一", "加强…")."""
    numeral, _, name = cell.partition("、")
    return numeral, name


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


def build_register(rows: list[RawRow], *, year: int, title: str, region: str) -> tuple[dict[str, Any], list[ReviewItem]]:
    """The register for `rows`; items that need a person's eye go to the review list."""
    categories: list[dict[str, Any]] = []
    tasks: list[dict[str, Any]] = []
    review: list[ReviewItem] = []
    for row in rows:
        if row.problem:
            review.append(ReviewItem(row.number, row.line, "row", row.problem))
        if row.category:
            numeral, name = split_category(row.category)
            if not categories or categories[-1]["numeral"] != numeral:
                categories.append({"number": cn_number(numeral), "numeral": numeral, "name": name})
        task: dict[str, Any] = {
            "id": row.number,
            "category": categories[-1]["number"] if categories else 0,
            "content": row.content,
            "units_text": row.units_text,
        }
        try:
            cell = parse_unit_cell(row.units_text)
        except UnitCellError as error:
            review.append(ReviewItem(row.number, row.line, "units_text", str(error)))
            task.update(lead=[], units=[])
        else:
            task.update(lead=list(cell.lead), units=list(cell.units))
            if cell.open_ended:
                task["open_ended"] = True
        try:
            task["deadline"] = deadline_data(row.deadline_text, year)
        except DeadlineError as error:
            review.append(ReviewItem(row.number, row.line, "deadline", str(error)))
            task["deadline"] = {"text": row.deadline_text or "（待核）", "kind": "date"}
        tasks.append(task)
    register = {"title": title, "year": year, "region": region, "published": None, "categories": categories, "tasks": tasks}
    return register, review
