"""Dated agenda items as calendar events (gk calendar): one all-day event on each due day.

Each event's UID is built from the register year, task, party and occurrence key only, so a
calendar imported again recognises every event and updates it instead of adding a copy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from gkcli.agenda import Item, Status
from gkcli.data import Data
from gkcli.views.agenda import ROLE_LABELS

HEADLINE_CHARS = 30
UID_DOMAIN = "gkcli"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    day: dt.date
    summary: str
    description: str
    remind: bool  # open and not yet past: a reminder still helps


def event_uid(year: int, item: Item) -> str:
    """Stable across exports: register year, task id, party and occurrence key (or "deadline")."""
    key = item.occurrence.key or "deadline"
    return f"gk-{year}-task{item.duty.task.id}-{item.duty.party}-{key}@{UID_DOMAIN}"


def headline(content: str) -> str:
    """The task's first sentence, shortened: what fits a calendar's one-line summary."""
    first = content.split("。", 1)[0]
    return first if len(first) <= HEADLINE_CHARS else first[:HEADLINE_CHARS] + "…"


def calendar_events(items: Iterable[Item], data: Data, as_of: dt.date, one_unit: bool) -> list[CalendarEvent]:
    """An event for every item with a due date; items without one cannot be put on a calendar."""
    return [_event(item, due, data, as_of, one_unit) for item in items if (due := item.due) is not None]


def _event(item: Item, due: dt.date, data: Data, as_of: dt.date, one_unit: bool) -> CalendarEvent:
    task, done = item.duty.task, item.status is Status.DONE
    what = item.occurrence.label or headline(task.content)
    unit = "" if one_unit else f"【{data.directory.name(item.duty.party)}】"
    summary = f"{'（已完成）' if done else ''}{unit}任务{task.id} {what}"
    remind = not done and due >= as_of
    return CalendarEvent(event_uid(data.register.year, item), due, summary, _description(item, data, as_of), remind)


def _description(item: Item, data: Data, as_of: dt.date) -> str:
    duty, occurrence = item.duty, item.occurrence
    lines = [
        f"{data.register.title} 任务{duty.task.id}",
        f"任务内容：{duty.task.content}",
        f"单位：{data.directory.name(duty.party)}（{ROLE_LABELS[duty.role]}）",
        f"完成时间（原文）：{duty.task.deadline.text}",
    ]
    if occurrence.label:
        lines.append(f"事项：{occurrence.label}")
    if occurrence.start:
        lines.append(f"期间：{occurrence.start} 至 {item.due}")
    if item.done_on is not None:
        lines.append(f"截至 {as_of}：已于 {item.done_on} 完成")
    lines.append(f"由 gk calendar 生成（截至 {as_of}）")
    return "\n".join(lines)
