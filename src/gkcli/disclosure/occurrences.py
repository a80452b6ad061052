"""Requests as agenda items of the application task (task 20) for the unit handling them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from gkcli.agenda import Occurrence, Progress
from gkcli.deadlines import EVENT_APPLICATION
from gkcli.disclosure.deadline import Workdays, request_due
from gkcli.disclosure.files import Ledger
from gkcli.disclosure.model import Request
from gkcli.obligations import Duty

KEY_PREFIX = "request:"


def request_key(request: Request) -> str:
    return f"{KEY_PREFIX}{request.id}"


def request_label(request: Request) -> str:
    return f"依申请公开 {request.id}" + (f"：{request.title}" if request.title else "")


def request_occurrences(duties: Iterable[Duty], ledger: Ledger, calendar: Workdays) -> list[tuple[Duty, Occurrence]]:
    """One occurrence per request, attached to the handling unit's duty on the application task."""
    found = []
    for duty in duties:
        if duty.task.deadline.event != EVENT_APPLICATION or duty.party not in ledger.files:
            continue
        for request in ledger.files[duty.party].requests:
            due = request_due(request, calendar)
            found.append((duty, Occurrence(due.due, request_key(request), request_label(request), due.waiting, due.counted_from)))
    return found


@dataclass(frozen=True)
class Answered:
    """Progress where a request is done on the day it was answered; everything else asks `base`."""

    ledger: Ledger
    base: Progress

    def done_on(self, task_id: int, party: str, as_of: dt.date, key: str | None = None) -> dt.date | None:
        if key is not None and key.startswith(KEY_PREFIX):
            request_id = key.removeprefix(KEY_PREFIX)
            answered = next((request.answered for _, request in self.ledger.entries() if request.id == request_id), None)
            if answered is not None and answered <= as_of:
                return answered
        return self.base.done_on(task_id, party, as_of, key)
