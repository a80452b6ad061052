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
