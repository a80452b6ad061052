"""The legal answer deadline of a request (政府信息公开条例 第三十条、第三十三条).

20 working days after receipt, the day of receipt not counted; one extension adds 20 more;
working days spent consulting a third party or another agency (from the day the consultation is
sent to the day its answer arrives, both included) are not counted; when the applicant is asked to
supplement (补正) the count starts again from the day the supplement is received.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from gkcli.disclosure.model import Consult, Request

BASE_DAYS = 20
EXTENSION_DAYS = 20
ONE_DAY = dt.timedelta(days=1)


class Workdays(Protocol):
    def is_workday(self, day: dt.date) -> bool:
        """Whether `day` is a working day on the official calendar (raises for an unknown year)."""


@dataclass(frozen=True)
class RequestDue:
    """When a request must be answered, or why that is not known yet."""

    due: dt.date | None
    counted_from: dt.date  # receipt, or receipt of the supplement
    working_days: int  # 20, or 40 after the extension
    skipped: int  # working days not counted while consulting
    waiting: str = ""  # in Chinese, why there is no date yet


def request_due(request: Request, calendar: Workdays) -> RequestDue:
    start = request.supplement_received or request.received
    days = BASE_DAYS + (EXTENSION_DAYS if request.extended else 0)
    if request.supplement_asked and request.supplement_received is None:
        reason = f"已于 {request.supplement_asked} 告知申请人补正，收到补正之日起重新计算{BASE_DAYS}个工作日"
        return RequestDue(None, start, days, 0, reason)
    open_consult = next((consult for consult in request.consults if consult.end is None), None)
    if open_consult is not None:
        reason = f"自 {open_consult.start} 起征求意见，所需时间不计入期限；收到意见后重新计算"
        return RequestDue(None, start, days, 0, reason)
    due, skipped = nth_counted_workday(start, days, request.consults, calendar)
    return RequestDue(due, start, days, skipped)


def nth_counted_workday(start: dt.date, n: int, consults: list[Consult], calendar: Workdays) -> tuple[dt.date, int]:
    """The n-th working day after `start` that falls in no consultation, and how many were skipped."""
    day, left, skipped = start, n, 0
    while left:
        day += ONE_DAY
        if not calendar.is_workday(day):
            continue
        if any(consult.start <= day <= (consult.end or day) for consult in consults):
            skipped += 1
        else:
            left -= 1
    return day, skipped
