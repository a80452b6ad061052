"""Who owes what: every (task, unit) pair with its role, resolved through groups.

A unit owes a task as `lead` (牵头), as `named` (in the implementing list), through a `group` it
belongs to (市政府各相关部门（单位）, 驻市中省直有关部门（单位） …), or is only `related` through an
open-ended mention ("市人社局等相关部门（单位）"). The strongest role wins. String matching of the
cell would miss every task owed through a group; this module never looks at the cell text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from gkcli.records import Register, Task
from gkcli.units import Directory


class Role(StrEnum):
    LEAD = "lead"
    NAMED = "named"
    GROUP = "group"
    RELATED = "related"


STRENGTH = {Role.LEAD: 3, Role.NAMED: 2, Role.GROUP: 1, Role.RELATED: 0}
OWING_ROLES = frozenset({Role.LEAD, Role.NAMED, Role.GROUP})


@dataclass(frozen=True)
class Duty:
    """One party's duty on one task."""

    task: Task
    party: str  # a unit id, or a group id when the group itself is asked about
    role: Role
    via: str | None = None  # the group through which a `group`/`related` duty comes


def task_duties(task: Task, directory: Directory, related: bool = True) -> dict[str, Duty]:
    """Every party's strongest duty on `task`, in the order the cell names them.

    `related=False` leaves out the duties that are only `related`: the weakest role never
    outranks another, and open groups in a register merged from many places hold thousands of
    units, so expanding them for nothing dominated `gk due` without --unit.
    """
    duties: dict[str, Duty] = {}

    def offer(party: str, role: Role, via: str | None) -> None:
        current = duties.get(party)
        if current is None or STRENGTH[role] > STRENGTH[current.role]:
            duties[party] = Duty(task, party, role, via)

    for entry, role in _named(task, directory):
        offer(entry, role, None)
        if entry in directory.groups:
            member_role = _member_role(directory, entry, role)
            for member in directory.sorted_members(entry) if related or member_role is not Role.RELATED else ():
                offer(member, member_role, entry)
    if task.open_ended and related:
        for group_id in directory.open_groups:
            for member in directory.sorted_members(group_id):
                offer(member, Role.RELATED, group_id)
    return duties


def duty_of(task: Task, directory: Directory, party: str) -> Duty | None:
    """`task_duties(task, directory).get(party)`, without working out everyone else's duty."""
    best: tuple[Role, str | None] | None = None
    for entry, role in _named(task, directory):
        if entry == party:
            offered: tuple[Role, str | None] = (role, None)
        elif entry in directory.groups and party in directory.members(entry):
            offered = (_member_role(directory, entry, role), entry)
        else:
            continue
        if best is None or STRENGTH[offered[0]] > STRENGTH[best[0]]:
            best = offered
    if task.open_ended and best is None:
        via = next((group_id for group_id in directory.open_groups if party in directory.members(group_id)), None)
        best = (Role.RELATED, via) if via else None
    return Duty(task, party, *best) if best else None


def _named(task: Task, directory: Directory) -> Iterator[tuple[str, Role]]:
    """The units and groups the cell names, with the role it gives them (unknown names are skipped)."""
    for names, role in ((task.lead, Role.LEAD), (task.units, Role.NAMED)):
        for name in names:
            entry = directory.lookup(name)
            if entry is not None:  # validation reports unknown names; queries skip them
                yield entry, role


def _member_role(directory: Directory, group_id: str, role: Role) -> Role:
    """What naming a group asks of its members: an open group only relates them."""
    if directory.groups[group_id].open:
        return Role.RELATED
    return role if role is Role.LEAD else Role.GROUP


def duties_of(register: Register, directory: Directory, party: str, include_related: bool = False) -> Iterator[Duty]:
    """The duties of one unit or group across the register, in task order."""
    naming = _names_reaching(register, directory, party)
    related_anyway = include_related and any(party in directory.members(group_id) for group_id in directory.open_groups)
    for task in register.tasks:
        if naming.isdisjoint(task.lead) and naming.isdisjoint(task.units) and not (task.open_ended and related_anyway):
            continue  # most tasks of a large register do not concern the party at all
        duty = duty_of(task, directory, party)
        if duty is not None and (include_related or duty.role in OWING_ROLES):
            yield duty


def _names_reaching(register: Register, directory: Directory, party: str) -> set[str]:
    """The names, as written in the register, of the party and of every group it belongs to."""
    reach = {party, *(group_id for group_id in directory.groups if party in directory.members(group_id))}
    written = {name for task in register.tasks for names in (task.lead, task.units) for name in names}
    return {name for name in written if directory.lookup(name) in reach}


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
        for party, duty in task_duties(task, directory, include_related).items():
            if party in wanted:
                yield duty


def select_roles(duties: Iterable[Duty], roles: set[Role] | None) -> Iterator[Duty]:
    return (duty for duty in duties if not roles or duty.role in roles)
