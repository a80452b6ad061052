"""Selecting tasks: by keyword, category and deadline kind."""

from __future__ import annotations

from gkcli.data import Data
from gkcli.deadlines import DeadlineKind
from gkcli.errors import UsageError
from gkcli.obligations import Duty, Role, all_duties, duties_of, select_roles
from gkcli.records import Task
from gkcli.units import text_key


def check_category(data: Data, category: int | None) -> None:
    numbers = [item.number for item in data.register.categories]
    if category is not None and category not in numbers:
        raise UsageError(f"没有类别 {category}（本清单的类别为 {numbers[0]}–{numbers[-1]}）")


def select_tasks(
    data: Data,
    *,
    search: str | None = None,
    category: int | None = None,
    deadline_kind: str | None = None,
    unit: str | None = None,
    include_related: bool = False,
) -> list[Task]:
    """Tasks matching every given filter, in register order."""
    check_category(data, category)
    owed = {task.id for task in owed_tasks(data, unit, include_related)} if unit else None
    if deadline_kind is not None and deadline_kind not in set(DeadlineKind):
        raise UsageError(f"未知的完成时间类别“{deadline_kind}”，应为：{'、'.join(DeadlineKind)}")
    needle = text_key(search) if search else ""
    chosen = []
    for task in data.register.tasks:
        if category is not None and task.category != category:
            continue
        if deadline_kind is not None and task.deadline.kind != deadline_kind:
            continue
        if needle and needle not in text_key(task.content + task.units_text):
            continue
        if owed is not None and task.id not in owed:
            continue
        chosen.append(task)
    return chosen


def duties_for(data: Data, unit: str | None, *, roles: set[Role] | None = None, include_related: bool = False) -> list[Duty]:
    """The duties of one unit or group (by name, id or alias), or of every party when `unit` is None."""
    register, directory = data.register, data.directory
    if unit is None:
        chosen = all_duties(register, directory, include_related)
    else:
        chosen = duties_of(register, directory, directory.resolve(unit), include_related)
    return list(select_roles(chosen, roles))


def owed_tasks(data: Data, unit: str, include_related: bool = False) -> list[Task]:
    """The tasks a unit or group owes, in register order."""
    return [duty.task for duty in duties_for(data, unit, include_related=include_related)]
