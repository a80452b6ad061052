"""What a valid register and units file mean, as plain records that every query works on.

gkcli.model (pydantic) decides whether a file is valid and turns it into these records. They
import nothing heavy, so a query served from the cache (gkcli.cache) never imports pydantic or
PyYAML. `*_row` / `*_from_row` turn them into plain tuples of str/int/None/list and back, the form
the cache stores; the field order there is the order of the fields here.

Records are read-only by convention, not `frozen=True`: a frozen dataclass takes five times as
long to build (measured: 2.5 µs against 0.5 µs), and a cached register of 10,000 tasks builds
20,000 of them on every query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any

from gkcli.deadlines import DayType, DeadlineKind

Row = tuple[Any, ...]


class UnitKind(StrEnum):
    CITY_DEPARTMENT = "city_department"
    PARTY_ORGAN = "party_organ"
    COURT = "court"
    VERTICAL = "vertical"
    TOWNSHIP = "township"
    SUBDISTRICT = "subdistrict"
    DEVELOPMENT_ZONE = "development_zone"


class Cadence(StrEnum):  # how often a recurring checkpoint falls due (no docstring: it would enter the JSON schema)
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    BIWEEKLY = "biweekly"
    WINDOW = "window"
    YEARLY = "yearly"


class Event(StrEnum):  # what a progress record says happened (no docstring: it would enter the JSON schema)
    START = "start"
    DONE = "done"
    REOPEN = "reopen"


@dataclass(slots=True)
class Deadline:
    text: str
    kind: DeadlineKind
    due: dt.date | None = None
    start: dt.date | None = None
    days: int | None = None
    day_type: DayType | None = None
    event: str | None = None


@dataclass(slots=True)
class Category:
    number: int
    numeral: str
    name: str


@dataclass(slots=True)
class Checkpoint:
    text: str
    cadence: Cadence
    name: str | None = None
    start: dt.date | None = None
    due: dt.date | None = None


@dataclass(slots=True)
class Task:
    id: int
    category: int
    content: str
    units_text: str
    lead: list[str]
    units: list[str]
    open_ended: bool
    deadline: Deadline
    checkpoints: list[Checkpoint] = field(default_factory=list)


@dataclass(slots=True)
class Register:
    title: str
    year: int
    region: str
    published: dt.date | None
    source: str | None
    categories: list[Category]
    tasks: list[Task]


@dataclass(slots=True)
class Unit:
    id: str
    name: str
    kind: UnitKind
    aliases: list[str] = field(default_factory=list)
    note: str | None = None


@dataclass(slots=True)
class Group:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    member_kinds: list[UnitKind] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    open: bool = False
    note: str | None = None


@dataclass(slots=True)
class UnitsFile:
    units: list[Unit]
    groups: list[Group]


RECORDS = (Deadline, Category, Checkpoint, Task, Register, Unit, Group, UnitsFile)


def layout() -> str:
    """The field order of every record: part of the cache key, so a changed record never reads an old row."""
    return ";".join(f"{cls.__name__}:{','.join(item.name for item in fields(cls))}" for cls in RECORDS)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text is not None else None


def deadline_row(deadline: Deadline) -> Row:
    day_type = deadline.day_type.value if deadline.day_type is not None else None
    return (deadline.text, deadline.kind.value, _iso(deadline.due), _iso(deadline.start), deadline.days, day_type, deadline.event)


_KINDS = {kind.value: kind for kind in DeadlineKind}  # a dict lookup is much cheaper than DeadlineKind(value)
_DAY_TYPES = {day_type.value: day_type for day_type in DayType}


def deadline_from_row(row: Row) -> Deadline:
    text, kind, due, start, days, day_type, event = row
    return Deadline(text, _KINDS[kind], _date(due), _date(start), days, _DAY_TYPES[day_type] if day_type else None, event)


_CADENCES = {cadence.value: cadence for cadence in Cadence}


def checkpoint_row(checkpoint: Checkpoint) -> Row:
    return (checkpoint.text, checkpoint.cadence.value, checkpoint.name, _iso(checkpoint.start), _iso(checkpoint.due))


def checkpoint_from_row(row: Row) -> Checkpoint:
    text, cadence, name, start, due = row
    return Checkpoint(text, _CADENCES[cadence], name, _date(start), _date(due))


def task_row(task: Task) -> Row:
    checkpoints = [checkpoint_row(checkpoint) for checkpoint in task.checkpoints]
    fields_ = (task.id, task.category, task.content, task.units_text, task.lead, task.units, task.open_ended)
    return (*fields_, deadline_row(task.deadline), checkpoints)


def task_from_row(row: Row, seen: dict[Row, Any] | None = None) -> Task:
    """The task of a row; with `seen`, equal deadline and checkpoint rows become one shared record."""
    seen = {} if seen is None else seen
    id_, category, content, units_text, lead, units, open_ended, deadline, checkpoints = row
    checkpoint_records = [_shared(item, checkpoint_from_row, seen) for item in checkpoints]
    deadline_record = _shared(deadline, deadline_from_row, seen)
    return Task(id_, category, content, units_text, lead, units, open_ended, deadline_record, checkpoint_records)


def _shared(row: Row, build: Callable[[Row], Any], seen: dict[Row, Any]) -> Any:
    """One record per distinct row: a merged register repeats the same 74 deadlines hundreds of times.

    Records are read-only, so sharing them is safe. Deadline rows (7 fields) never equal
    checkpoint rows (5 fields), so one dict serves both.
    """
    record = seen.get(row)
    if record is None:
        record = seen[row] = build(row)
    return record


def register_row(register: Register) -> Row:
    categories = [(category.number, category.numeral, category.name) for category in register.categories]
    tasks = [task_row(task) for task in register.tasks]
    return (register.title, register.year, register.region, _iso(register.published), register.source, categories, tasks)


def register_from_row(row: Row) -> Register:
    title, year, region, published, source, categories, tasks = row
    seen: dict[Row, Any] = {}
    task_records = [task_from_row(item, seen) for item in tasks]
    return Register(title, year, region, _date(published), source, [Category(*item) for item in categories], task_records)


def units_row(units: UnitsFile) -> Row:
    unit_rows = [(unit.id, unit.name, unit.kind.value, unit.aliases, unit.note) for unit in units.units]
    group_rows = [
        (group.id, group.name, group.aliases, [kind.value for kind in group.member_kinds], group.members, group.open, group.note)
        for group in units.groups
    ]
    return (unit_rows, group_rows)


def units_from_row(row: Row) -> UnitsFile:
    unit_rows, group_rows = row
    units = [Unit(id_, name, UnitKind(kind), aliases, note) for id_, name, kind, aliases, note in unit_rows]
    groups = [
        Group(id_, name, aliases, [UnitKind(kind) for kind in kinds], members, is_open, note)
        for id_, name, aliases, kinds, members, is_open, note in group_rows
    ]
    return UnitsFile(units, groups)
