"""Who owes what: every (task, unit) pair with its role, resolved through groups.

A unit owes a task as `lead` (牵头), as `named` (in the implementing list), through a `group` it
belongs to (市政府各相关部门（单位）, 驻市中省直有关部门（单位） …), or is only `related` through an
open-ended mention ("市人社局等相关部门（单位）"). The strongest role wins. String matching of the
cell would miss every task owed through a group; this module never looks at the cell text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from gkcli.model import Register, Task
from gkcli.units import Directory


class Role(StrEnum):
    LEAD = "lead"
    NAMED = "named"
    GROUP = "group"
    RELATED = "related"


STRENGTH = {Role.LEAD: 3, Role.NAMED: 2, Role.GROUP: 1, Role.RELATED: 0}
OWING_ROLES = frozenset({Role.LEAD, Role.NAMED, Role.GROUP})
Offer = Callable[[str, Role, "str | None"], None]


@dataclass(frozen=True)
class Duty:
    """One party's duty on one task."""

    task: Task
    party: str  # a unit id, or a group id when the group itself is asked about
    role: Role
    via: str | None = None  # the group through which a `group`/`related` duty comes


def task_duties(task: Task, directory: Directory) -> dict[str, Duty]:
    """Every party's strongest duty on `task`, in the order the cell names them."""
    duties: dict[str, Duty] = {}

    def offer(party: str, role: Role, via: str | None) -> None:
        current = duties.get(party)
        if current is None or STRENGTH[role] > STRENGTH[current.role]:
            duties[party] = Duty(task, party, role, via)

    for name in task.lead:
        _offer_named(directory, name, Role.LEAD, offer)
    for name in task.units:
        _offer_named(directory, name, Role.NAMED, offer)
    if task.open_ended:
        for group_id, group in directory.groups.items():
            if group.open:
                for member in sorted(directory.members(group_id)):
                    offer(member, Role.RELATED, group_id)
    return duties


def _offer_named(directory: Directory, name: str, role: Role, offer: Offer) -> None:
    party = directory.lookup(name)
    if party is None:  # validation reports unknown names; queries skip them
        return
    offer(party, role, None)
    if party in directory.groups:
        member_role = Role.RELATED if directory.groups[party].open else (role if role is Role.LEAD else Role.GROUP)
        for member in sorted(directory.members(party)):
            offer(member, member_role, party)


def duties_of(register: Register, directory: Directory, party: str, include_related: bool = False) -> Iterator[Duty]:
    """The duties of one unit or group across the register, in task order."""
    for task in register.tasks:
        duty = task_duties(task, directory).get(party)
        if duty is not None and (include_related or duty.role in OWING_ROLES):
            yield duty


def parties(directory: Directory) -> list[str]:
    """Who appears in an all-units listing: every unit, and groups whose members are not listed."""
    listed = list(directory.units)
    for group_id, group in directory.groups.items():
        if not group.open and not directory.members(group_id):
            listed.append(group_id)
    return listed


def all_duties(register: Register, directory: Directory, include_related: bool = False) -> Iterator[Duty]:
    """Every party's duties, task by task."""
    wanted = set(parties(directory))
    for task in register.tasks:
        for party, duty in task_duties(task, directory).items():
            if party in wanted and (include_related or duty.role in OWING_ROLES):
                yield duty


def select_roles(duties: Iterable[Duty], roles: set[Role] | None) -> Iterator[Duty]:
    return (duty for duty in duties if not roles or duty.role in roles)
