"""Records survive the trip through the cache's plain rows unchanged."""

from __future__ import annotations

import datetime as dt
import marshal

from gkcli import records
from gkcli.data import validated
from gkcli.deadlines import DayType, DeadlineKind
from tests.conftest import DATA


def test_bundled_data_round_trips_through_marshal() -> None:
    directory, register = validated(DATA / "units.yaml", DATA / "tasks-2024.yaml")
    units = records.UnitsFile(list(directory.units.values()), list(directory.groups.values()))
    register_row = marshal.loads(marshal.dumps(records.register_row(register)))
    units_row = marshal.loads(marshal.dumps(records.units_row(units)))
    assert records.register_from_row(register_row) == register
    assert records.units_from_row(units_row) == units


def test_every_deadline_field_round_trips() -> None:
    deadline = records.Deadline(
        "每件申请收到后20个工作日内", DeadlineKind.AFTER_EVENT, dt.date(2024, 12, 31), dt.date(2024, 1, 1), 20, DayType.WORKING, "x"
    )
    back = records.deadline_from_row(marshal.loads(marshal.dumps(records.deadline_row(deadline))))
    assert back == deadline
    assert back.kind is DeadlineKind.AFTER_EVENT and back.day_type is DayType.WORKING


def test_layout_names_every_field() -> None:
    layout = records.layout()
    assert "Task:id,category,content,units_text,lead,units,open_ended,deadline" in layout
    assert "Group:id,name,aliases,member_kinds,members,open,note" in layout


def test_equal_deadline_rows_become_one_shared_record() -> None:
    _, register = validated(DATA / "units.yaml", DATA / "tasks-2024.yaml")
    back = records.register_from_row(marshal.loads(marshal.dumps(records.register_row(register))))
    by_row: dict[records.Row, list[records.Deadline]] = {}
    for task in back.tasks:
        by_row.setdefault(records.deadline_row(task.deadline), []).append(task.deadline)
    shared = [deadlines for deadlines in by_row.values() if len(deadlines) > 1]
    assert shared, "the bundled register repeats deadlines such as 2024年12月底前"
    assert all(all(item is deadlines[0] for item in deadlines) for deadlines in shared)
    assert len({id(task.deadline) for task in back.tasks}) == len(by_row)
