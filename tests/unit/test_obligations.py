"""Roles through groups: the core of "what does my unit owe"."""

from __future__ import annotations

import pytest

from gkcli.data import Data, load_data
from gkcli.obligations import Role, duties_of, parties, task_duties
from tests.conftest import DATA


@pytest.fixture(scope="module")
def data() -> Data:
    return load_data(DATA)


def roles_of(data: Data, party: str, include_related: bool = False) -> dict[int, Role]:
    return {duty.task.id: duty.role for duty in duties_of(data.register, data.directory, party, include_related)}


def test_data_bureau_roles_match_the_seed(data: Data) -> None:
    roles = roles_of(data, "zhengshuju")
    assert {3, 4, 6, 39, 55, 69, 72, 73} <= {task for task, role in roles.items() if role is Role.LEAD}
    assert all(roles[task] is Role.NAMED for task in (56, 57, 58, 59, 60, 61, 63, 65))
    assert roles[1] is Role.GROUP  # owed through 市政府各相关部门（单位）
    assert roles[19] is Role.GROUP  # owed through 市政府各部门（单位）
    assert 53 not in roles  # townships only
    assert 14 not in roles  # 市税务局 only


def test_strongest_role_wins_over_group_membership(data: Data) -> None:
    duty = task_duties(data.task(3), data.directory)["zhengshuju"]  # type: ignore[arg-type]
    assert duty.role is Role.LEAD
    assert duty.via is None


def test_group_duty_records_the_group(data: Data) -> None:
    duty = task_duties(data.task(1), data.directory)["zhengshuju"]  # type: ignore[arg-type]
    assert (duty.role, duty.via) == (Role.GROUP, "shizhengfu-xiangguan")


def test_open_ended_mention_is_only_related(data: Data) -> None:
    assert 8 not in roles_of(data, "zhengshuju")  # 市人社局等相关部门（单位）
    assert roles_of(data, "zhengshuju", include_related=True)[8] is Role.RELATED
    assert roles_of(data, "renshe")[8] is Role.NAMED


def test_standalone_related_group_is_related(data: Data) -> None:
    assert roles_of(data, "zhengshuju", include_related=True)[67] is Role.RELATED
    assert 67 not in roles_of(data, "zhengshuju")


def test_party_and_court_are_not_city_departments(data: Data) -> None:
    for party in ("shiweiban", "zhengfawei", "wangxinban", "fayuan"):
        assert "shizhengfu-xiangguan" not in data.directory.groups_of(party)
        assert 1 not in roles_of(data, party)
    assert roles_of(data, "fayuan") == {21: Role.LEAD}
    assert roles_of(data, "wangxinban") == {55: Role.LEAD}


def test_tax_bureau_is_vertical(data: Data) -> None:
    assert data.directory.groups_of("shuiwu") == ["zhongshengzhi"]
    roles = roles_of(data, "shuiwu")
    assert roles[14] is Role.NAMED
    assert roles[1] is Role.GROUP
    assert 50 not in roles  # 市政府各相关部门 only, no 驻市中省直


def test_group_itself_lists_what_it_owes(data: Data) -> None:
    roles = roles_of(data, "xiangzhen")
    assert roles[53] is Role.NAMED
    assert 40 not in roles  # departments and vertical units only
    assert "xiangzhen" in parties(data.directory)  # no members listed: the group stands for them
    assert "shizhengfu-xiangguan" not in parties(data.directory)


def test_every_task_is_owed_by_someone(data: Data) -> None:
    for task in data.register.tasks:
        assert any(duty.role is not Role.RELATED for duty in task_duties(task, data.directory).values()), task.id
