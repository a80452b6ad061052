"""Units and groups with their kind, membership and how many tasks each owes."""

from __future__ import annotations

from typing import Any

from gkcli.data import Data
from gkcli.obligations import OWING_ROLES, Role, task_duties
from gkcli.render import Column, Listing

KIND_LABELS = {
    "city_department": "市政府部门（单位）",
    "party_organ": "党委机关",
    "court": "审判机关",
    "vertical": "驻市中省直单位",
    "township": "乡镇人民政府",
    "subdistrict": "街道办事处",
    "development_zone": "开发区管委会",
    "group": "单位组",
}


def duty_counts(data: Data) -> dict[str, dict[str, int]]:
    """For each unit/group id: how many tasks it owes, and how many it leads."""
    counts: dict[str, dict[str, int]] = {}
    for task in data.register.tasks:
        for party, duty in task_duties(task, data.directory, related=False).items():
            entry = counts.setdefault(party, {"tasks": 0, "lead": 0})
            if duty.role in OWING_ROLES:
                entry["tasks"] += 1
            if duty.role is Role.LEAD:
                entry["lead"] += 1
    return counts


def unit_entries(data: Data, kind: str | None = None) -> list[dict[str, Any]]:
    """Stable JSON objects for units, then groups, in file order."""
    directory, counts = data.directory, duty_counts(data)
    entries: list[dict[str, Any]] = []
    for unit in directory.units.values():
        groups = [directory.name(group_id) for group_id in directory.groups_of(unit.id)]
        entries.append(
            {"id": unit.id, "name": unit.name, "kind": unit.kind.value, "aliases": unit.aliases, "groups": groups, "members": None}
        )
    for group in directory.groups.values():
        members = sorted(directory.name(member) for member in directory.members(group.id))
        entries.append(
            {
                "id": group.id,
                "name": group.name,
                "kind": "group",
                "aliases": group.aliases,
                "groups": None,
                "members": members,
                "open": group.open,
            }
        )
    for entry in entries:
        entry.update(counts.get(entry["id"], {"tasks": 0, "lead": 0}))
    return [entry for entry in entries if kind is None or entry["kind"] == kind]


def _membership(entry: dict[str, Any]) -> str:
    if entry["members"] is None:
        return "属于：" + ("、".join(entry["groups"]) or "—")
    if entry.get("open"):
        return "泛指，成员未确定"
    return (
        f"成员 {len(entry['members'])} 个：" + "、".join(entry["members"]) if entry["members"] else "成员未列出（可在 units.yaml 中添加）"
    )


UNIT_COLUMNS = [
    Column("id", lambda entry: entry["id"]),
    Column("名称", lambda entry: entry["name"]),
    Column("类别", lambda entry: KIND_LABELS[entry["kind"]]),
    Column("应办任务", lambda entry: str(entry["tasks"])),
    Column("牵头", lambda entry: str(entry["lead"])),
    Column("成员 / 所属单位组", _membership, wrap=True),
]


def units_listing(data: Data, kind: str | None = None) -> Listing:
    entries = unit_entries(data, kind)
    return Listing(entries, UNIT_COLUMNS, title="单位与单位组", summary=f"共 {len(entries)} 个")
