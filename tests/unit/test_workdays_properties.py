"""Properties of working-day arithmetic over every year the chinese-calendar package covers."""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given
from hypothesis import strategies as st

from gkcli.workdays import WorkCalendar, days_after

CALENDAR = WorkCalendar()
# Far enough from both ends of the covered years (2004–2026) for 60 working days either way.
starts = st.dates(min_value=dt.date(2004, 4, 1), max_value=dt.date(2026, 9, 30))
counts = st.integers(min_value=1, max_value=60)


@given(starts, counts)
def test_the_result_is_a_working_day(start: dt.date, n: int) -> None:
    assert CALENDAR.is_workday(CALENDAR.add_workdays(start, n))
    assert CALENDAR.is_workday(CALENDAR.add_workdays(start, -n))


@given(starts, counts)
def test_exactly_n_working_days_lie_after_the_start_up_to_the_result(start: dt.date, n: int) -> None:
    result = CALENDAR.add_workdays(start, n)
    assert result > start
    assert sum(CALENDAR.is_workday(day) for day in days_after(start, result)) == n
    assert CALENDAR.count_workdays(start, result) == n


@given(starts, counts)
def test_adding_then_subtracting_returns_a_working_start(start: dt.date, n: int) -> None:
    assume(CALENDAR.is_workday(start))
    assert CALENDAR.add_workdays(CALENDAR.add_workdays(start, n), -n) == start
    assert CALENDAR.add_workdays(CALENDAR.add_workdays(start, -n), n) == start
