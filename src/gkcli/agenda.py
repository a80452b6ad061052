"""Duties as dated agenda items as of a given day: due date, days left, status, traffic light.

red = past due and not done; yellow = due within the warning window (today counts); green =
later; none = no date (a rule such as "20 working days after each application", or a date that
depends on an unknown publication date). All-year (全年) tasks are ongoing until their end.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from gkcli.deadlines import DeadlineKind
from gkcli.defaults import DEFAULT_WARN_DAYS
from gkcli.errors import UsageError
from gkcli.obligations import Duty
from gkcli.records import Register


class Light(StrEnum):
    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"
    NONE = "none"


class Status(StrEnum):
    OPEN = "open"  # dated, not done
    ONGOING = "ongoing"  # all-year or continuous work, not done
    PENDING = "pending"  # no date can be known yet (event-relative, unknown publication date)
    DONE = "done"


class Progress(Protocol):
    """What the agenda needs to know of recorded progress."""

    def done_on(self, task_id: int, party: str, as_of: dt.date, key: str | None = None) -> dt.date | None:
        """The day `party` finished `task_id` (or its occurrence `key`), if on or before `as_of`."""


class NoProgress:
    def done_on(self, task_id: int, party: str, as_of: dt.date, key: str | None = None) -> dt.date | None:
        return None


@dataclass(frozen=True)
class Occurrence:
    """One dated thing a duty asks for: the task's own deadline, a recurring checkpoint, a request."""

    due: dt.date | None
    key: str | None = None  # None for the task's own deadline; e.g. "monthly:2024-03" or "request:R1"
    label: str | None = None  # Chinese, e.g. "月自查（2024年3月）"
    rule: str = ""  # how the date is set, in Chinese, when there is no date
    start: dt.date | None = None  # first day of a recurring checkpoint's period, e.g. 2024-07-01


@dataclass(frozen=True)
class Item:
    duty: Duty
    occurrence: Occurrence
    due: dt.date | None
    days_left: int | None
    light: Light
    status: Status
    done_on: dt.date | None
    rule: str  # how the due date is set, in Chinese, for items without a date


def task_occurrence(duty: Duty, register: Register) -> Occurrence:
    """The occurrence of a task's own deadline."""
    due, rule = due_date(duty, register)
    return Occurrence(due, rule=rule)


def due_date(duty: Duty, register: Register) -> tuple[dt.date | None, str]:
    """The last day of a duty, or None with the reason in Chinese."""
    deadline = duty.task.deadline
    if deadline.kind is DeadlineKind.AFTER_PUBLICATION:
        if register.published is None:
            return None, f"清单发布后{deadline.days}天内（清单发布日期未知，待定）"
        return register.published + dt.timedelta(days=deadline.days or 0), ""
    if deadline.kind is DeadlineKind.AFTER_EVENT:
        unit = "个工作日" if deadline.day_type == "working" else "天"
        return None, f"每件申请收到后{deadline.days}{unit}内（按申请逐件计算）"
    if deadline.kind is DeadlineKind.ONGOING:
        return None, "持续进行，无截止日期"
    return deadline.due, ""


def light_for(days_left: int | None, warn_days: int) -> Light:
    if days_left is None:
        return Light.NONE
    if days_left < 0:
        return Light.RED
    return Light.YELLOW if days_left <= warn_days else Light.GREEN


def agenda_item(duty: Duty, occurrence: Occurrence, as_of: dt.date, warn_days: int, progress: Progress) -> Item:
    """The state of one occurrence of a duty on `as_of`."""
    due, rule = occurrence.due, occurrence.rule
    done = progress.done_on(duty.task.id, duty.party, as_of, occurrence.key)
    days_left = (due - as_of).days if due is not None else None
    if done is not None:
        return Item(duty, occurrence, due, days_left, Light.NONE, Status.DONE, done, rule)
    if due is None:
        ongoing = duty.task.deadline.kind is DeadlineKind.ONGOING
        return Item(duty, occurrence, None, None, Light.NONE, Status.ONGOING if ongoing else Status.PENDING, None, rule)
    all_year = occurrence.key is None and duty.task.deadline.kind is DeadlineKind.ALL_YEAR
    status = Status.ONGOING if all_year and days_left is not None and days_left >= 0 else Status.OPEN
    return Item(duty, occurrence, due, days_left, light_for(days_left, warn_days), status, None, rule)


def _not_yet(item: Item, as_of: dt.date, warn_days: int) -> bool:
    start = item.occurrence.start
    return start is not None and start > as_of and (item.days_left is None or item.days_left > warn_days)


def sort_key(item: Item) -> tuple[int, dt.date, int, str, str]:
    """Dated items by due date first, then the undated; ties by task id, party and occurrence."""
    return (item.due is None, item.due or dt.date.max, item.duty.task.id, item.duty.party, item.occurrence.key or "")


def agenda(
    duties: Iterable[Duty],
    register: Register,
    as_of: dt.date,
    *,
    warn_days: int = DEFAULT_WARN_DAYS,
    within: int | None = None,
    progress: Progress | None = None,
    include_done: bool = False,
    include_future: bool = False,
    extra: Iterable[tuple[Duty, Occurrence]] = (),
) -> list[Item]:
    """Items for `duties` (and `extra` occurrences) as of `as_of`: open ones, or all, sorted by due date.

    `within` keeps items due in the next `within` days, overdue ones included, and drops undated ones.
    Periods of recurring checkpoints that have not begun and are not yet in the warning window are
    left out unless `include_future` (a monthly self-check for December is not news in June).
    """
    tracker = progress or NoProgress()
    pairs = [(duty, task_occurrence(duty, register)) for duty in duties]
    items = [agenda_item(duty, occurrence, as_of, warn_days, tracker) for duty, occurrence in [*pairs, *extra]]
    if not include_future:
        items = [item for item in items if not _not_yet(item, as_of, warn_days)]
    if not include_done:
        items = [item for item in items if item.status is not Status.DONE]
    if within is not None:
        items = [item for item in items if item.days_left is not None and item.days_left <= within]
    return sorted(items, key=sort_key)


DURATION = re.compile(r"^(\d+)\s*(d|天|日|w|周|星期|m|个月|月)?$")
DAYS_PER = {"d": 1, "天": 1, "日": 1, "w": 7, "周": 7, "星期": 7, "m": 30, "个月": 30, "月": 30}


def parse_window(text: str) -> int:
    """ "30d", "2w", "1m", "30天", "2周" → days; a bare number is days."""
    match = DURATION.match(text.strip().lower())
    if not match:
        raise UsageError(f"时间范围“{text}”无效，应写成 30d、2w、1m 或 30天、2周 这样的形式")
    return int(match.group(1)) * DAYS_PER[match.group(2) or "d"]
