"""Answer deadlines of disclosure requests on the official calendar (条例第三十条、第三十三条)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from gkcli.disclosure.deadline import request_due
from gkcli.disclosure.model import Request
from gkcli.workdays import WorkCalendar

D = dt.date
CALENDAR = WorkCalendar()


def request(**fields: Any) -> Request:
    return Request.model_validate({"id": "r1", **fields})


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (D(2024, 9, 27), D(2024, 10, 30)),  # Friday; National Day holidays, 29 Sep and 12 Oct worked
        (D(2024, 2, 5), D(2024, 3, 8)),  # Spring Festival holidays, 18 Feb worked
    ],
)
def test_twenty_working_days_after_receipt(received: dt.date, due: dt.date) -> None:
    found = request_due(request(received=received), CALENDAR)
    assert (found.due, found.counted_from, found.working_days, found.skipped) == (due, received, 20, 0)


def test_the_extension_adds_twenty_more_working_days() -> None:
    found = request_due(request(received="2024-09-27", extended="2024-10-20"), CALENDAR)
    assert (found.due, found.working_days) == (D(2024, 11, 27), 40)


def test_waiting_for_a_supplement_has_no_date() -> None:
    found = request_due(request(received="2024-09-27", supplement_asked="2024-09-29"), CALENDAR)
    assert found.due is None
    assert "2024-09-29 告知申请人补正" in found.waiting


def test_the_supplement_restarts_the_count_from_its_receipt() -> None:
    found = request_due(request(received="2024-09-27", supplement_asked="2024-09-29", supplement_received="2024-10-14"), CALENDAR)
    assert (found.due, found.counted_from) == (D(2024, 11, 11), D(2024, 10, 14))


def test_an_extension_after_a_supplement_counts_forty_from_the_supplement() -> None:
    fields = {"received": "2024-09-27", "supplement_asked": "2024-09-29", "supplement_received": "2024-10-14", "extended": "2024-11-01"}
    assert request_due(request(**fields), CALENDAR).due == D(2024, 12, 9)


def test_consultation_days_are_not_counted() -> None:
    found = request_due(request(received="2024-02-05", consults=[{"from": "2024-02-20", "to": "2024-02-22"}]), CALENDAR)
    assert (found.due, found.skipped) == (D(2024, 3, 13), 3)  # Tue–Thu skipped: three more working days


def test_only_working_days_of_a_consultation_are_skipped() -> None:
    # 8 Feb (Thu) to 19 Feb (Mon): 8, 9, 18 (a Sunday worked) and 19 Feb are working days; 10–17 Feb are holidays
    found = request_due(request(received="2024-02-05", consults=[{"from": "2024-02-08", "to": "2024-02-19"}]), CALENDAR)
    assert (found.due, found.skipped) == (CALENDAR.add_workdays(D(2024, 3, 8), 4), 4)


def test_an_open_consultation_pauses_the_count() -> None:
    found = request_due(request(received="2024-02-05", consults=[{"from": "2024-02-20"}]), CALENDAR)
    assert found.due is None
    assert "2024-02-20 起征求意见" in found.waiting
