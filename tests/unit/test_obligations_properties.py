"""One party's duty, worked out alone, is the duty it has among everyone's (duty_of vs task_duties)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from gkcli.data import load_data
from gkcli.deadlines import DeadlineKind
from gkcli.obligations import OWING_ROLES, duties_of, duty_of, task_duties
from gkcli.records import Deadline, Group, Register, Task, Unit, UnitKind, UnitsFile
from gkcli.units import Directory
from tests.conftest import DATA

UNIT_IDS = [f"u{index}" for index in range(6)]
GROUP_IDS = [f"g{index}" for index in range(4)]
KINDS = [UnitKind.CITY_DEPARTMENT, UnitKind.VERTICAL, UnitKind.TOWNSHIP]
DEADLINE = Deadline("2024年12月底前", DeadlineKind.DATE, dt.date(2024, 12, 31))


@st.composite
def directories(draw: st.DrawFn) -> Directory:
    units = [Unit(unit_id, f"单位{unit_id}", draw(st.sampled_from(KINDS))) for unit_id in UNIT_IDS]
    groups = [
        Group(
            group_id,
            f"组{group_id}",
            member_kinds=draw(st.lists(st.sampled_from(KINDS), max_size=2, unique=True)),
            members=draw(st.lists(st.sampled_from([*UNIT_IDS, *GROUP_IDS[:index]]), max_size=3, unique=True)),
            open=draw(st.booleans()),
        )
        for index, group_id in enumerate(GROUP_IDS)
    ]
    return Directory.from_file(UnitsFile(units, groups))


names = st.sampled_from([*(f"单位{unit_id}" for unit_id in UNIT_IDS), *(f"组{group_id}" for group_id in GROUP_IDS), "未知单位"])


@st.composite
def tasks(draw: st.DrawFn) -> Task:
    lead = draw(st.lists(names, max_size=2))
    units = draw(st.lists(names, max_size=4))
    return Task(1, 1, "内容", "原文", lead, units, draw(st.booleans()), DEADLINE)


@given(directories(), st.lists(tasks(), max_size=6), st.booleans())
def test_duties_of_skips_only_tasks_that_do_not_concern_the_party(directory: Directory, task_list: list[Task], related: bool) -> None:
    register = Register("清单", 2024, "某地", None, None, [], task_list)
    for party in [*UNIT_IDS, *GROUP_IDS]:
        expected = [task_duties(task, directory).get(party) for task in task_list]
        expected = [duty for duty in expected if duty is not None and (related or duty.role in OWING_ROLES)]
        assert list(duties_of(register, directory, party, related)) == expected, party


@given(directories(), tasks())
def test_leaving_out_related_duties_changes_no_other(directory: Directory, task: Task) -> None:
    owing = {party: duty for party, duty in task_duties(task, directory).items() if duty.role in OWING_ROLES}
    assert task_duties(task, directory, related=False) == owing


@given(directories(), tasks())
def test_duty_of_agrees_with_task_duties(directory: Directory, task: Task) -> None:
    everyone = task_duties(task, directory)
    for party in [*UNIT_IDS, *GROUP_IDS]:
        assert duty_of(task, directory, party) == everyone.get(party), party


def test_agrees_on_the_bundled_register() -> None:
    data = load_data(DATA)
    parties = [*data.directory.units, *data.directory.groups]
    for task in data.register.tasks:
        everyone = task_duties(task, data.directory)
        assert [duty_of(task, data.directory, party) for party in parties] == [everyone.get(party) for party in parties]
