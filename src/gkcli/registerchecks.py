"""Checks that concern a register as a whole: its year, its categories and the task ids.

Each mistake is one problem: a category that many tasks use but the file lacks is reported
once, a run of missing ids once, and a duplicated id names the free numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from gkcli.datadir import REGISTER_NAME
from gkcli.errors import Problem
from gkcli.load import Document
from gkcli.model import Register, Task
from gkcli.numerals import cn_number


def unknown_categories(doc: Document, register: Register, pairs: list[tuple[int, Task]]) -> Iterable[Problem]:
    """One problem per category number that tasks use but categories lack, at its first use."""
    numbers = {category.number for category in register.categories}
    users: dict[int, list[tuple[int, Task]]] = {}
    for index, task in pairs:
        if task.category not in numbers:
            users.setdefault(task.category, []).append((index, task))
    for number, tasks in users.items():
        index, first = tasks[0]
        who = f"任务 {first.id}" if len(tasks) == 1 else f"任务 {'、'.join(str(task.id) for _, task in tasks)}"
        yield doc.problem(("tasks", index, "category"), f"{who}：类别 {number} 不存在（categories 中有：{_numbers(numbers)}）")


def _numbers(numbers: set[int]) -> str:
    ordered = sorted(numbers)
    if ordered and ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 2:
        return f"{ordered[0]}–{ordered[-1]}"
    return "、".join(str(number) for number in ordered) or "（无）"


def file_year(doc: Document) -> int | None:
    """The year a register's file name gives (tasks-2024.yaml); it decides what “全年” means."""
    match = REGISTER_NAME.match(Path(doc.path).name)
    return int(match.group(1)) if match else None


def year_problems(doc: Document, register: Register) -> Iterable[Problem]:
    year = file_year(doc)
    if year is not None and year != register.year:
        yield doc.problem(("year",), f"文件名 {Path(doc.path).name} 表示 {year} 年，而 year 是 {register.year}：两者应一致")


def category_problems(doc: Document, register: Register) -> Iterable[Problem]:
    seen: dict[int, int] = {}
    for index, category in enumerate(register.categories):
        loc = ("categories", index)
        if category.number in seen:
            line = doc.where(("categories", seen[category.number]))[0]
            yield doc.problem((*loc, "number"), f"重复的类别编号 {category.number}（第 {line} 行已有）")
        seen.setdefault(category.number, index)
        try:
            matches = cn_number(category.numeral) == category.number
        except ValueError:
            matches = False
        if not matches:
            yield doc.problem((*loc, "numeral"), f"类别序号“{category.numeral}”与编号 {category.number} 不一致")


def id_problems(doc: Document, valid: set[int]) -> Iterable[Problem]:
    """Each id once, numbered 1, 2, 3 … without gaps (one problem per duplicate or gap).

    Gaps are judged on the raw data, so that a task with other problems still fills its number
    (and only when every task has a whole-number id); duplicates only among the tasks in `valid`
    (a half-written item is reported for what it lacks). A duplicated id is usually the missing
    one (a task copied and not renumbered), so its message names the free numbers instead.
    """
    numbered = _raw_ids(doc)
    gaps = _gaps(numbered) if len(numbered) == len(doc.data["tasks"]) else []
    duplicates = list(_duplicate_ids(doc, [(index, task_id) for index, task_id in numbered if index in valid], gaps))
    yield from duplicates
    if not duplicates:
        for gap, index, after in gaps:
            yield doc.problem(("tasks", index, "id"), f"任务序号不连续：{after} 之前缺少 {gap}（序号应从 1 起连续编号）")


def _raw_ids(doc: Document) -> list[tuple[int, int]]:
    """(index, id) of every task item whose id is a whole number."""
    items = enumerate(doc.data["tasks"])
    ids = [(index, item.get("id")) for index, item in items if isinstance(item, dict)]
    return [(index, task_id) for index, task_id in ids if isinstance(task_id, int) and not isinstance(task_id, bool)]


def _gaps(numbered: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """Each run of missing numbers: ("3–4", index of the task numbered next, 5)."""
    where = {task_id: index for index, task_id in reversed(numbered)}
    gaps, expected = [], 1
    for number in sorted(where):
        if number > expected:
            gaps.append((str(expected) if number == expected + 1 else f"{expected}–{number - 1}", where[number], number))
        expected = number + 1
    return gaps


def _duplicate_ids(doc: Document, numbered: list[tuple[int, int]], gaps: list[tuple[str, int, int]]) -> Iterable[Problem]:
    first: dict[int, int] = {}
    hint = f"；空着的序号：{'、'.join(gap for gap, _, _ in gaps)}" if gaps else ""
    for index, task_id in numbered:
        if task_id in first:
            line = doc.where(("tasks", first[task_id], "id"))[0]
            yield doc.problem(("tasks", index, "id"), f"重复的任务序号 {task_id}（第 {line} 行已有）{hint}")
        first.setdefault(task_id, index)
