"""Progress records as stable JSON and as the short Chinese phrases of show, report and the ledger."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gkcli.agenda import Item, Light, Status
from gkcli.model import Event, ProgressRecord
from gkcli.progress import Ledger

EVENT_LABELS = {Event.START: "开始办理", Event.DONE: "已完成", Event.REOPEN: "重新打开"}


def record_json(record: ProgressRecord) -> dict[str, Any]:
    return {
        "event": record.event.value,
        "date": record.date,
        "note": record.note,
        "evidence": list(record.evidence),
        "recorded_at": record.recorded_at,
        "recorded_by": record.recorded_by,
    }


def progress_json(item: Item, ledger: Ledger, as_of: dt.date) -> dict[str, Any]:
    """The recorded side of an agenda item: the latest record and the history up to `as_of`."""
    duty, key = item.duty, item.occurrence.key
    history = [record for record in ledger.history(duty.task.id, duty.party, key) if record.date <= as_of]
    return {"progress": record_json(history[-1]) if history else None, "history": [record_json(record) for record in history]}


def progress_label(entry: dict[str, Any]) -> str:
    """What a unit has reported, as one phrase: 开始办理（2024-06-02）：说明."""
    record = entry["progress"]
    if record is None:
        return "尚未填报"
    note = f"：{record['note']}" if record["note"] else ""
    return f"{EVENT_LABELS[Event(record['event'])]}（{record['date']}）{note}"


def evidence_label(entry: dict[str, Any]) -> str:
    record = entry["progress"]
    return "\n".join(record["evidence"]) if record else ""


def ledger_progress(entry: dict[str, Any]) -> str:
    """进展情况 of the Excel ledger: the reported state, whether it was late, and any delay."""
    text = progress_label(entry)
    if entry["status"] == Status.DONE and entry["due"] is not None and entry["done_on"] > entry["due"]:
        text = text.replace("已完成", "逾期完成", 1)
    if entry["light"] == Light.RED:
        text += f"；已逾期 {-entry['days_left']} 天"
    return text
