"""One task in full: its cells, each named unit resolved, its deadline's meaning."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gkcli.agenda import agenda
from gkcli.data import Data
from gkcli.errors import UsageError
from gkcli.obligations import OWING_ROLES, STRENGTH, parties, task_duties
from gkcli.records import Task
from gkcli.render import Column
from gkcli.tracking import Tracking
from gkcli.views.agenda import AGENDA_COLUMNS, item_json
from gkcli.views.progress import evidence_label, progress_json, progress_label
from gkcli.views.tasks import KIND_LABELS as DEADLINE_KIND_LABELS
from gkcli.views.tasks import task_json
from gkcli.views.units import KIND_LABELS


def find_task(data: Data, task_id: int) -> Task:
    task = data.task(task_id)
    if task is None:
        raise UsageError(f"没有序号为 {task_id} 的任务（本清单共 {len(data.register.tasks)} 项）")
    return task


def resolved_unit(data: Data, name: str) -> dict[str, Any]:
    directory = data.directory
    entry_id = directory.lookup(name)
    if entry_id is None:
        return {"name": name, "id": None, "kind": None, "members": None}
    if entry_id in directory.groups:
        members = sorted(directory.name(member) for member in directory.members(entry_id))
        return {"name": name, "id": entry_id, "kind": "group", "open": directory.groups[entry_id].open, "members": members}
    return {"name": name, "id": entry_id, "kind": directory.units[entry_id].kind.value, "members": None}


def task_detail(data: Data, task: Task, as_of: dt.date, tracking: Tracking | None = None) -> dict[str, Any]:
    """The stable JSON of `gk show`: the task JSON plus resolved units and each party's state."""
    detail = task_json(task, data)
    detail["lead_resolved"] = [resolved_unit(data, name) for name in task.lead]
    detail["units_resolved"] = [resolved_unit(data, name) for name in task.units]
    shown = set(parties(data.directory))
    duties = [duty for party, duty in task_duties(task, data.directory).items() if party in shown and duty.role in OWING_ROLES]
    tracking = tracking or Tracking()
    items = agenda(
        duties, data.register, as_of, progress=tracking.progress, include_done=True, include_future=True, extra=tracking.more(duties)
    )
    strength = {duty.party: (-STRENGTH[duty.role], index) for index, duty in enumerate(duties)}
    order = sorted(items, key=lambda item: (strength[item.duty.party], item.due or dt.date.max))
    detail["parties"] = [item_json(item, data) | progress_json(item, tracking.ledger, as_of) for item in order]
    detail["as_of"] = as_of
    return detail


PARTY_COLUMNS = [
    *(column for column in AGENDA_COLUMNS[:6] if column.title != "序号"),
    Column("进展", progress_label, wrap=True, ratio=2),
    Column("佐证材料", evidence_label, wrap=True, ratio=2),
]


def _unit_text(entry: dict[str, Any]) -> str:
    if entry["kind"] is None:
        return f"{entry['name']}（未知单位）"
    if entry["kind"] != "group":
        return f"{entry['name']}（{KIND_LABELS[entry['kind']]}）"
    if entry.get("open"):
        return f"{entry['name']}（泛指，成员未确定）"
    members = "、".join(entry["members"]) if entry["members"] else "成员未列出"
    return f"{entry['name']}（单位组：{members}）"


def detail_text(detail: dict[str, Any]) -> str:
    deadline = detail["deadline"]
    meaning = DEADLINE_KIND_LABELS[deadline["kind"]]
    due = deadline["due"].isoformat() if deadline["due"] else "无固定日期"
    lines = [
        f"任务 {detail['id']}　{detail['category']}. {detail['category_name']}",
        "",
        f"任务内容：{detail['content']}",
        f"责任单位（原文）：{detail['units_text']}",
        "牵头单位：" + ("；".join(_unit_text(entry) for entry in detail["lead_resolved"]) or "无"),
        "其余责任单位：" + ("；".join(_unit_text(entry) for entry in detail["units_resolved"]) or "无"),
    ]
    if detail["open_ended"]:
        lines.append("另含泛指：“等相关部门（单位）”（其他相关单位以“相关”角色列出）")
    lines.append(f"完成时间：{deadline['text']} → {meaning}，{due}")
    return "\n".join(lines) + "\n"
