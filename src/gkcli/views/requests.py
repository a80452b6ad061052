"""Requests (gk request list) as stable JSON, table columns and one-line confirmations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gkcli.agenda import Light, light_for
from gkcli.defaults import DEFAULT_WARN_DAYS
from gkcli.disclosure.deadline import BASE_DAYS, RequestDue, Workdays, request_due
from gkcli.disclosure.files import Ledger
from gkcli.disclosure.model import Request
from gkcli.render import Column, Listing
from gkcli.units import Directory
from gkcli.views.agenda import LIGHT_LABELS, LIGHT_STYLES

STATUS_LABELS = {"open": "办理中", "overdue": "已逾期", "waiting": "暂停计算", "answered": "已答复"}


def request_json(unit: str, request: Request, due: RequestDue, directory: Directory, as_of: dt.date) -> dict[str, Any]:
    """The stable JSON object of one request as of `as_of` (documented in README.md)."""
    answered = request.answered if request.answered is not None and request.answered <= as_of else None
    days_left = (due.due - as_of).days if due.due is not None and answered is None else None
    return {
        "id": request.id,
        "unit": directory.name(unit),
        "unit_id": unit,
        "title": request.title,
        "received": request.received,
        "counted_from": due.counted_from,
        "working_days": due.working_days,
        "extended": request.extended,
        "consults": [{"from": consult.start, "to": consult.end} for consult in request.consults],
        "skipped_days": due.skipped,
        "supplement_asked": request.supplement_asked,
        "supplement_received": request.supplement_received,
        "due": due.due,
        "days_left": days_left,
        "status": _status(answered, due, days_left),
        "light": (Light.NONE if answered else light_for(days_left, DEFAULT_WARN_DAYS)).value,
        "waiting": due.waiting or None,
        "answered": answered,
        "on_time": None if answered is None or due.due is None else answered <= due.due,
        "note": request.note,
    }


def _status(answered: dt.date | None, due: RequestDue, days_left: int | None) -> str:
    if answered is not None:
        return "answered"
    if due.due is None:
        return "waiting"
    return "overdue" if days_left is not None and days_left < 0 else "open"


def how_counted(entry: dict[str, Any]) -> str:
    """How the deadline was set, in Chinese: extension, consultations, supplement."""
    parts = [f"自 {entry['counted_from']} 起{entry['working_days']}个工作日"]
    if entry["extended"]:
        parts.append(f"{entry['extended']} 决定延期{entry['working_days'] - BASE_DAYS}个工作日")
    if entry["supplement_received"]:
        parts.append(f"{entry['supplement_received']} 收到补正，重新计算")
    if entry["skipped_days"]:
        parts.append(f"征求意见不计 {entry['skipped_days']} 个工作日")
    return "；".join(parts)


def state_text(entry: dict[str, Any]) -> str:
    """Where a request stands as of the listing's day."""
    if entry["status"] in ("answered", "waiting"):
        return brief_state(entry)
    days = entry["days_left"]
    left = f"逾期 {-days} 天" if days < 0 else ("今天到期" if days == 0 else f"还剩 {days} 天")
    return f"{left}；{how_counted(entry)}"


def brief_state(entry: dict[str, Any]) -> str:
    """Where a request stands, without counting days to a particular day."""
    if entry["answered"] is not None:
        timing = {True: "，按期", False: "，超期", None: ""}[entry["on_time"]]
        return f"已于 {entry['answered']} 答复{timing}"
    if entry["due"] is None:
        return str(entry["waiting"])
    return f"答复期限 {entry['due']}（{how_counted(entry)}）"


def summary_line(entry: dict[str, Any]) -> str:
    """One line after `gk request add/extend/…`: which request, whose, and where it stands."""
    title = f"“{entry['title']}”" if entry["title"] else ""
    return f"申请 {entry['id']}{title}（{entry['unit']}）：{brief_state(entry)}\n"


REQUEST_COLUMNS = [
    Column("状态", lambda entry: LIGHT_LABELS[Light(entry["light"])] if entry["status"] != "answered" else "✔ 已答复"),
    Column("编号", lambda entry: entry["id"]),
    Column("单位", lambda entry: entry["unit"]),
    Column("收到", lambda entry: entry["received"].isoformat()),
    Column("答复期限", lambda entry: entry["due"].isoformat() if entry["due"] else "待定"),
    Column("情况", state_text, wrap=True, ratio=4),
    Column("标题", lambda entry: entry["title"] or "", wrap=True, ratio=2),
]


def request_listing(entries: list[dict[str, Any]], title: str) -> Listing:
    counts = {status: sum(1 for entry in entries if entry["status"] == status) for status in STATUS_LABELS}
    summary = f"共 {len(entries)} 件：" + "，".join(f"{label} {counts[status]}" for status, label in STATUS_LABELS.items())
    return Listing(entries, REQUEST_COLUMNS, title=title, summary=summary, style=lambda entry: LIGHT_STYLES.get(Light(entry["light"])))


def request_entries(
    ledger: Ledger, calendar: Workdays, directory: Directory, as_of: dt.date, unit: str | None = None
) -> list[dict[str, Any]]:
    """The JSON of every request (of one unit), open ones first by due date, then the answered."""
    entries = [
        request_json(unit_id, request, request_due(request, calendar), directory, as_of)
        for unit_id, request in ledger.entries()
        if unit is None or unit_id == unit
    ]
    order = {"overdue": 0, "open": 0, "waiting": 1, "answered": 2}
    return sorted(entries, key=lambda entry: (order[entry["status"]], entry["due"] or dt.date.max, entry["id"]))
