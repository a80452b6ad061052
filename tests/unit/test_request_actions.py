"""Each recorded step of a request is checked against the 条例 before anything is written."""

from __future__ import annotations

import datetime as dt

import pytest

from gkcli.disclosure.actions import answer, consult, extend, supplement
from gkcli.disclosure.model import Consult, Request
from gkcli.errors import UsageError
from gkcli.workdays import WorkCalendar

D = dt.date
CALENDAR = WorkCalendar()
RECEIVED = Request(id="r1", received=D(2024, 9, 27))


def test_extend_records_the_day_of_the_decision() -> None:
    assert extend(D(2024, 10, 20), CALENDAR)(RECEIVED).extended == D(2024, 10, 20)


def test_a_second_extension_is_refused() -> None:
    once = extend(D(2024, 10, 20), CALENDAR)(RECEIVED)
    with pytest.raises(UsageError, match="只允许延长一次"):
        extend(D(2024, 10, 21), CALENDAR)(once)


def test_an_extension_after_the_deadline_is_refused() -> None:
    with pytest.raises(UsageError, match="答复期限 2024-10-30 已过"):
        extend(D(2024, 10, 31), CALENDAR)(RECEIVED)


def test_consult_opens_then_closes() -> None:
    opened = consult(D(2024, 10, 8), None)(RECEIVED)
    assert opened.consults == [Consult(start=D(2024, 10, 8))]
    closed = consult(None, D(2024, 10, 10))(opened)
    assert closed.consults == [Consult(start=D(2024, 10, 8), end=D(2024, 10, 10))]


def test_a_second_consultation_cannot_open_while_one_is_open() -> None:
    opened = consult(D(2024, 10, 8), None)(RECEIVED)
    with pytest.raises(UsageError, match="尚未收到回复"):
        consult(D(2024, 10, 9), None)(opened)


def test_closing_needs_an_open_consultation() -> None:
    with pytest.raises(UsageError, match="没有尚未收到意见的征求"):
        consult(None, D(2024, 10, 10))(RECEIVED)


def test_consultation_cannot_end_before_it_starts() -> None:
    with pytest.raises(UsageError, match="早于"):
        consult(D(2024, 10, 8), D(2024, 10, 7))(RECEIVED)


def test_supplement_asked_then_received() -> None:
    asked = supplement(D(2024, 9, 29), None)(RECEIVED)
    done = supplement(None, D(2024, 10, 14))(asked)
    assert (done.supplement_asked, done.supplement_received) == (D(2024, 9, 29), D(2024, 10, 14))


def test_supplement_is_asked_once() -> None:
    asked = supplement(D(2024, 9, 29), None)(RECEIVED)
    with pytest.raises(UsageError, match="一次性告知"):
        supplement(D(2024, 10, 2), None)(asked)


def test_a_supplement_cannot_be_received_before_it_is_asked() -> None:
    with pytest.raises(UsageError, match="尚未告知补正"):
        supplement(None, D(2024, 10, 14))(RECEIVED)


def test_dates_before_receipt_are_refused() -> None:
    with pytest.raises(UsageError, match="早于申请 r1 的收到日期"):
        answer(D(2024, 9, 26))(RECEIVED)


def test_an_answered_request_is_closed() -> None:
    answered = answer(D(2024, 10, 28))(RECEIVED)
    assert answered.answered == D(2024, 10, 28)
    with pytest.raises(UsageError, match="已于 2024-10-28 答复"):
        extend(D(2024, 10, 29), CALENDAR)(answered)
