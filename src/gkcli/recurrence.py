"""Recurring checkpoints (月自查, 季督查, 2周内更新 …) as dated periods within the register year.

The seed states a cadence, never a due day. The due days here are gk's interpretation, documented
in README.md (周期性节点): the last day of each month or quarter; the last day of each complete
14-day period counted from the start (1 January unless given); the window's own end; 31 December.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from dateutil.rrule import MONTHLY, WEEKLY, YEARLY, rrule

from gkcli.records import Cadence as Cadence  # re-exported: the enum lives with the records

if TYPE_CHECKING:
    from gkcli import model, records

    Checkpoint = model.Checkpoint | records.Checkpoint

BIWEEKLY_DAYS = 14


CADENCE_LABELS = {
    Cadence.MONTHLY: "每月",
    Cadence.QUARTERLY: "每季度",
    Cadence.BIWEEKLY: "每2周",
    Cadence.WINDOW: "时间段",
    Cadence.YEARLY: "每年",
}


@dataclass(frozen=True)
class Period:
    """One occurrence of a checkpoint: the days it covers, its stable key and its Chinese label."""

    start: dt.date
    due: dt.date
    key: str
    label: str


def periods(checkpoint: Checkpoint, year: int) -> list[Period]:
    """Every occurrence of `checkpoint` in `year`, in date order."""
    name = checkpoint.name or checkpoint.text
    return list(EXPANDERS[checkpoint.cadence](checkpoint, year, name))


def _days(rule: rrule) -> Iterator[dt.date]:
    return (moment.date() for moment in rule)


def _year_span(year: int) -> tuple[dt.datetime, dt.datetime]:
    return dt.datetime(year, 1, 1), dt.datetime(year, 12, 31)


def _monthly(checkpoint: Checkpoint, year: int, name: str) -> Iterator[Period]:
    first, last = _year_span(year)
    for due in _days(rrule(MONTHLY, dtstart=first, until=last, bymonthday=-1)):
        yield Period(due.replace(day=1), due, f"monthly:{due:%Y-%m}", f"{name}（{due.year}年{due.month}月）")


def _quarterly(checkpoint: Checkpoint, year: int, name: str) -> Iterator[Period]:
    first, last = _year_span(year)
    for due in _days(rrule(MONTHLY, dtstart=first, until=last, bymonth=(3, 6, 9, 12), bymonthday=-1)):
        quarter = due.month // 3
        start = dt.date(due.year, due.month - 2, 1)
        yield Period(start, due, f"quarterly:{due.year}-Q{quarter}", f"{name}（{due.year}年第{quarter}季度）")


def _biweekly(checkpoint: Checkpoint, year: int, name: str) -> Iterator[Period]:
    """Complete 14-day periods only: a remainder at the year's end is shorter than two weeks."""
    first = checkpoint.start or dt.date(year, 1, 1)
    last_start = dt.date(year, 12, 31) - dt.timedelta(days=BIWEEKLY_DAYS - 1)
    starts = rrule(WEEKLY, interval=2, dtstart=_moment(first), until=_moment(last_start))
    for start in _days(starts):
        due = start + dt.timedelta(days=BIWEEKLY_DAYS - 1)
        yield Period(start, due, f"biweekly:{start.isoformat()}", f"{name}（{_md(start)}至{_md(due)}）")


def _window(checkpoint: Checkpoint, year: int, name: str) -> Iterator[Period]:
    start, due = checkpoint.start, checkpoint.due
    if start is not None and due is not None:  # validation requires both
        yield Period(start, due, f"window:{start.isoformat()}", f"{name}（{_md(start)}至{_md(due)}）")


def _yearly(checkpoint: Checkpoint, year: int, name: str) -> Iterator[Period]:
    first, last = _year_span(year)
    for due in _days(rrule(YEARLY, dtstart=first, until=last, bymonth=12, bymonthday=31)):
        yield Period(dt.date(due.year, 1, 1), due, f"yearly:{due.year}", f"{name}（{due.year}年）")


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


def _md(day: dt.date) -> str:
    return f"{day.month}月{day.day}日"


EXPANDERS: dict[Cadence, Callable[[Checkpoint, int, str], Iterator[Period]]] = {
    Cadence.MONTHLY: _monthly,
    Cadence.QUARTERLY: _quarterly,
    Cadence.BIWEEKLY: _biweekly,
    Cadence.WINDOW: _window,
    Cadence.YEARLY: _yearly,
}


Finding = tuple[tuple[str, ...], str]  # where inside the checkpoint ((), ("text",) …) and the message


def checkpoint_findings(checkpoint: Checkpoint, content: str, year: int) -> Iterator[Finding]:
    """What is wrong with one checkpoint of a task whose content is `content`."""
    if checkpoint.text not in content:
        yield ("text",), f"周期性节点的出处“{checkpoint.text}”不在任务内容中（应逐字照录原文片段）"
    uses = DATE_FIELDS[checkpoint.cadence]
    for field in ("start", "due"):
        value = getattr(checkpoint, field)
        if value is None and field in uses.required:
            yield (), f"{CADENCE_LABELS[checkpoint.cadence]}（{checkpoint.cadence}）节点必须写明 {field}"
        elif value is not None and field not in uses.allowed:
            yield (field,), f"{CADENCE_LABELS[checkpoint.cadence]}（{checkpoint.cadence}）节点不使用 {field}，请删去"
        elif value is not None and value.year != year:
            yield (field,), f"{field} {value} 不在清单年度 {year} 年内"
    if checkpoint.start and checkpoint.due and checkpoint.start > checkpoint.due:
        yield ("start",), f"start {checkpoint.start} 晚于 due {checkpoint.due}"


@dataclass(frozen=True)
class _Uses:
    allowed: frozenset[str]
    required: frozenset[str] = frozenset()


DATE_FIELDS = {
    Cadence.MONTHLY: _Uses(frozenset()),
    Cadence.QUARTERLY: _Uses(frozenset()),
    Cadence.BIWEEKLY: _Uses(frozenset({"start"})),
    Cadence.WINDOW: _Uses(frozenset({"start", "due"}), frozenset({"start", "due"})),
    Cadence.YEARLY: _Uses(frozenset()),
}


def repeated_keys(checkpoints: Sequence[Checkpoint], year: int) -> Iterator[tuple[int, int]]:
    """(index, earlier index) of checkpoints whose occurrences share a key with an earlier one."""
    if len(checkpoints) < 2:
        return
    owner: dict[str, int] = {}
    for index, checkpoint in enumerate(checkpoints):
        keys = _period_keys(checkpoint.cadence, checkpoint.start, checkpoint.due, year)
        clash = next((owner[key] for key in sorted(keys) if key in owner), None)
        if clash is not None:
            yield index, clash
        for key in keys:
            owner.setdefault(key, index)


@lru_cache(maxsize=1024)
def _period_keys(cadence: Cadence, start: dt.date | None, due: dt.date | None, year: int) -> frozenset[str]:
    """The keys of a checkpoint's periods: they depend on its dates only (a merged register repeats them)."""
    from gkcli.records import Checkpoint as Record

    return frozenset(period.key for period in periods(Record("", cadence, None, start, due), year))
