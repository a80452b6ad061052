"""Tasks as stable JSON items and the columns people see for them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gkcli.data import Data
from gkcli.deadlines import DeadlineKind
from gkcli.records import Task
from gkcli.render import Column, Listing

KIND_LABELS = {
    DeadlineKind.DATE: "固定日期",
    DeadlineKind.ALL_YEAR: "全年",
    DeadlineKind.ONGOING: "持续",
    DeadlineKind.AFTER_EVENT: "事件后",
    DeadlineKind.AFTER_PUBLICATION: "清单发布后",
}


def task_due(task: Task, published: dt.date | None) -> dt.date | None:
    """The task's last day, where one can be known from the register alone."""
    deadline = task.deadline
    if deadline.kind is DeadlineKind.AFTER_PUBLICATION and published is not None and deadline.days:
        return published + dt.timedelta(days=deadline.days)
    return deadline.due


def deadline_json(task: Task, published: dt.date | None) -> dict[str, Any]:
    deadline = task.deadline
    return {
        "text": deadline.text,
        "kind": deadline.kind.value,
        "due": task_due(task, published),
        "start": deadline.start,
        "days": deadline.days,
        "day_type": deadline.day_type.value if deadline.day_type else None,
        "event": deadline.event,
    }


def task_json(task: Task, data: Data) -> dict[str, Any]:
    """The stable JSON object of one task (documented in README.md)."""
    return {
        "id": task.id,
        "category": task.category,
        "category_name": data.category_name(task.category),
        "content": task.content,
        "units_text": task.units_text,
        "lead": list(task.lead),
        "units": list(task.units),
        "open_ended": task.open_ended,
        "deadline": deadline_json(task, data.register.published),
    }


def deadline_label(deadline: dict[str, Any]) -> str:
    """How a deadline reads in a table: its date, or its rule when it has none."""
    if deadline["due"] is not None:
        return deadline["due"].isoformat() if isinstance(deadline["due"], dt.date) else str(deadline["due"])
    if deadline["kind"] == DeadlineKind.AFTER_PUBLICATION:
        return f"清单发布后{deadline['days']}天（发布日期未知，待定）"
    return str(deadline["text"])


TASK_COLUMNS = [
    Column("序号", lambda item: str(item["id"])),
    Column("类别", lambda item: str(item["category"])),
    Column("任务内容", lambda item: item["content"], wrap=True, ratio=2),
    Column("责任单位", lambda item: item["units_text"], wrap=True),
    Column("完成时间", lambda item: item["deadline"]["text"]),
]


def task_listing(tasks: list[Task], data: Data) -> Listing:
    items = [task_json(task, data) for task in tasks]
    return Listing(items, TASK_COLUMNS, title=data.register.title, summary=f"共 {len(items)} 项任务")
