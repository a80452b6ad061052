"""What makes a progress record acceptable, checked the same way by `gk validate` and `gk done`.

A record must name a task the unit owes (lead, named or through a group; an open-ended
"等相关部门" mention does not count), carry sensible dates, and continue its history: records of
one task (or one occurrence of it) run in date order, `done` only after it was open, `reopen`
only after `done`. A lead unit's 销号 needs 佐证材料.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence

from gkcli.model import Event, ProgressRecord
from gkcli.obligations import OWING_ROLES, Role, parties, task_duties
from gkcli.records import Register, Task
from gkcli.units import Directory

OCCURRENCE = re.compile(r"^[a-z][a-z0-9_-]*:\S+$")


def party_problem(party: str, directory: Directory) -> str | None:
    """Why `party` cannot report progress, or None: units and member-less groups report."""
    if party in parties(directory):
        return None
    if party in directory.groups:
        return f"“{directory.name(party)}”是单位组，请由其成员单位分别填报"
    hint = directory.suggest(party)
    tail = f"；您是不是要找：{'、'.join(hint)}" if hint else "；运行 gk units 查看全部单位 id"
    return f"未知单位 id“{party}”{tail}"


def duty_problem(task: Task, party: str, directory: Directory) -> str | None:
    """Why `party` does not owe `task`, or None."""
    duty = task_duties(task, directory).get(party)
    if duty is None:
        return f"{directory.name(party)}不是此任务的责任单位（责任单位：{task.units_text}）"
    if duty.role not in OWING_ROLES:
        return f"{directory.name(party)}只以“等相关部门（单位）”泛指涉及此任务，不是应办单位，无需填报"
    return None


def record_problems(
    record: ProgressRecord, party: str, task: Task | None, register: Register, directory: Directory
) -> Iterator[tuple[str, str]]:
    """(field, message) for each rule `record` breaks on its own, apart from its history."""
    if task is None:
        yield "task", f"没有序号为 {record.task} 的任务（本清单共 {len(register.tasks)} 项）"
    else:
        problem = duty_problem(task, party, directory)
        if problem:
            yield "task", problem
        elif record.event is Event.DONE and not record.evidence and task_duties(task, directory)[party].role is Role.LEAD:
            yield "evidence", "牵头单位销号需佐证材料（evidence）"
    if record.date < dt.date(register.year, 1, 1):
        yield "date", f"日期 {record.date} 早于清单年度 {register.year} 年"
    if record.occurrence is not None and not OCCURRENCE.match(record.occurrence):
        yield "occurrence", f"期次“{record.occurrence}”格式不对，应写成“类别:期次”，如 monthly:2024-03"
    if record.event is Event.REOPEN and not (record.note or "").strip():
        yield "note", "重新打开需说明原因（note）"
    if not _is_timestamp(record.recorded_at):
        yield "recorded_at", f"填报时间“{record.recorded_at}”无效，应写成带时区的时间并加引号，如 '2024-07-01T10:22:03+08:00'"


def _is_timestamp(text: str) -> bool:
    try:
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        return False
    return stamp.tzinfo is not None


def history_problem(history: Sequence[ProgressRecord], event: Event, day: dt.date) -> tuple[str, str] | None:
    """(field, message) when `event` on `day` cannot follow `history` (earlier records of the same item)."""
    last = history[-1] if history else None
    if last is not None and day < last.date:
        return "date", f"日期 {day} 早于上一条记录的日期 {last.date}（同一事项的记录须按日期先后追加）"
    state = last.event if last else None
    if event is Event.REOPEN and state is not Event.DONE:
        return "event", "尚未完成（销号），无需重新打开"
    if last is not None and state is Event.DONE and event is not Event.REOPEN:
        return "event", f"已于 {last.date} 完成（销号）；如需更正或重新办理，请先记录 reopen（gk reopen）"
    if last is not None and state is Event.START and event is Event.START:
        return "event", f"已于 {last.date} 开始办理，无需重复记录"
    return None


def subject(task_id: int, occurrence: str | None) -> str:
    """How an item is named in messages: 任务 3, or 任务 3（monthly:2024-03）."""
    return f"任务 {task_id}" + (f"（{occurrence}）" if occurrence else "")
