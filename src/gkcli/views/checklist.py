"""A printable checklist: tasks grouped by category with done boxes, as of a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from gkcli.agenda import NoProgress, Progress
from gkcli.data import Data
from gkcli.obligations import Duty


@dataclass(frozen=True)
class Checklist:
    title: str
    as_of: dt.date
    categories: list[dict[str, Any]]  # stable JSON: {category, category_name, tasks: [...]}


def task_done_on(duties: list[Duty], progress: Progress, as_of: dt.date) -> dt.date | None:
    """When every owing party had finished the task (the last of their dates), else None."""
    dates = [progress.done_on(duty.task.id, duty.party, as_of) for duty in duties]
    if not dates or any(date is None for date in dates):
        return None
    return max(date for date in dates if date is not None)


def build_checklist(data: Data, duties: list[Duty], as_of: dt.date, title: str, progress: Progress | None = None) -> Checklist:
    tracker = progress or NoProgress()
    by_task: dict[int, list[Duty]] = {}
    for duty in duties:
        by_task.setdefault(duty.task.id, []).append(duty)
    categories = []
    for category in data.register.categories:
        tasks = []
        for task in data.register.tasks:
            if task.category != category.number or task.id not in by_task:
                continue
            done_on = task_done_on(by_task[task.id], tracker, as_of)
            tasks.append(
                {"id": task.id, "content": task.content, "deadline": task.deadline.text, "done": done_on is not None, "done_on": done_on}
            )
        if tasks:
            categories.append({"category": category.number, "category_name": f"{category.numeral}、{category.name}", "tasks": tasks})
    return Checklist(title, as_of, categories)
