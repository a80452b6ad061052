"""Agenda items (gk due / gk overdue) as stable JSON and table columns."""

from __future__ import annotations

from collections import Counter
from typing import Any

from gkcli.agenda import Item, Light
from gkcli.data import Data
from gkcli.obligations import Role
from gkcli.render import Column, Listing

ROLE_LABELS = {Role.LEAD: "牵头", Role.NAMED: "点名", Role.GROUP: "组成员", Role.RELATED: "相关"}
LIGHT_LABELS = {Light.RED: "● 逾期", Light.YELLOW: "● 临近", Light.GREEN: "● 正常", Light.NONE: "○"}
LIGHT_STYLES = {Light.RED: "red", Light.YELLOW: "yellow", Light.GREEN: "green"}
STATUS_LABELS = {"open": "未完成", "ongoing": "进行中", "pending": "待定", "done": "已完成"}


def item_json(item: Item, data: Data) -> dict[str, Any]:
    """The stable JSON object of one agenda item (documented in README.md)."""
    duty, directory = item.duty, data.directory
    return {
        "id": duty.task.id,
        "unit": directory.name(duty.party),
        "unit_id": duty.party,
        "role": duty.role.value,
        "via": directory.name(duty.via) if duty.via else None,
        "due": item.due,
        "days_left": item.days_left,
        "light": item.light.value,
        "status": item.status.value,
        "done_on": item.done_on,
        "deadline": {"text": duty.task.deadline.text, "kind": duty.task.deadline.kind.value},
        "rule": item.rule or None,
        "occurrence": item.occurrence.key,
        "label": item.occurrence.label,
        "category": duty.task.category,
        "content": duty.task.content,
    }


def _series(entry: dict[str, Any]) -> tuple[int, str, str] | None:
    key = entry["occurrence"]
    if not key or entry["light"] != "red" or key.startswith("request:"):
        return None
    return (entry["id"], entry["unit_id"], key.split(":", 1)[0])


def fold_missed(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Overdue periods of one recurring checkpoint (per task and unit) as one row, for people.

    Eleven missed monthly self-checks read better as one line "… 等 11 期未完成" than as eleven.
    The row shows the latest missed period, adds `missed` (how many) and `first_due`, and stands
    where that latest period stood, so the listing stays in the order of the dates it shows.
    JSON output is not folded: scripts get every period.
    """
    keyed = [(entry, _series(entry)) for entry in entries]
    last: dict[tuple[int, str, str], int] = {}
    count: Counter[tuple[int, str, str]] = Counter()
    for index, (_, series) in enumerate(keyed):
        if series is not None:
            last[series] = index
            count[series] += 1
    rows: list[dict[str, Any]] = []
    first: dict[tuple[int, str, str], dict[str, Any]] = {}
    for index, (entry, series) in enumerate(keyed):
        if series is None:
            rows.append(entry)
            continue
        earliest = first.setdefault(series, entry)
        if last[series] == index:
            rows.append({**entry, "missed": count[series], "first_due": earliest["due"]})
    return rows


def occurrence_label(entry: dict[str, Any]) -> str:
    """The occurrence's name, with the count of missed periods folded into it."""
    label = str(entry["label"] or "")
    if entry.get("missed", 1) > 1:
        label += f"等 {entry['missed']} 期未完成（最早截止 {entry['first_due']}）"
    return label


def role_label(entry: dict[str, Any]) -> str:
    return ROLE_LABELS[Role(entry["role"])]


def due_label(entry: dict[str, Any]) -> str:
    if entry["due"] is None:
        return str(entry["rule"] or entry["deadline"]["text"])
    due = entry["due"].isoformat()
    return f"{due}（全年）" if entry["deadline"]["kind"] == "all_year" else due


def days_label(entry: dict[str, Any]) -> str:
    days = entry["days_left"]
    if entry["status"] == "done":
        return f"已于 {entry['done_on']} 完成"
    if days is None:
        return "—"
    if days < 0:
        return f"逾期 {-days} 天"
    return "今天到期" if days == 0 else f"还剩 {days} 天"


AGENDA_COLUMNS = [
    Column("状态", lambda entry: LIGHT_LABELS[Light(entry["light"])]),
    Column("序号", lambda entry: str(entry["id"])),
    Column("单位", lambda entry: entry["unit"]),
    Column("角色", role_label),
    Column("截止", due_label, wrap=True),
    Column("剩余", days_label),
    Column(
        "任务内容",
        lambda entry: f"【{occurrence_label(entry)}】{entry['content']}" if entry["label"] else entry["content"],
        wrap=True,
        ratio=4,
    ),
]


def light_style(entry: dict[str, Any]) -> str | None:
    return LIGHT_STYLES.get(Light(entry["light"]))


def agenda_listing(items: list[Item], data: Data, title: str, one_unit: bool = False) -> Listing:
    entries = [item_json(item, data) for item in items]
    counts = {light: sum(1 for entry in entries if entry["light"] == light) for light in ("red", "yellow", "green")}
    undated = len(entries) - sum(counts.values())
    summary = f"共 {len(entries)} 项：逾期 {counts['red']}，临近 {counts['yellow']}，正常 {counts['green']}，无固定日期 {undated}"
    columns = [column for column in AGENDA_COLUMNS if not (one_unit and column.title == "单位")]
    return Listing(entries, columns, title=title, summary=summary, style=light_style, rows=fold_missed(entries))


def overdue_listing(items: list[Item], data: Data, title: str) -> Listing:
    """Overdue items grouped by unit (units with most overdue first), with per-unit counts."""
    entries = [item_json(item, data) for item in items]
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry["unit"]] = counts.get(entry["unit"], 0) + 1
    order = {unit: rank for rank, unit in enumerate(sorted(counts, key=lambda unit: (-counts[unit], unit)))}
    entries.sort(key=lambda entry: (order[entry["unit"]], entry["due"], entry["id"]))
    per_unit = "；".join(f"{unit} {count} 项" for unit, count in sorted(counts.items(), key=lambda pair: order[pair[0]]))
    summary = f"逾期共 {len(entries)} 项" + (f"：{per_unit}" if per_unit else "")
    columns = [AGENDA_COLUMNS[2], AGENDA_COLUMNS[1], AGENDA_COLUMNS[3], AGENDA_COLUMNS[4], AGENDA_COLUMNS[5], AGENDA_COLUMNS[6]]
    return Listing(entries, columns, title=title, summary=summary, style=light_style, rows=fold_missed(entries))
