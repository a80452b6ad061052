"""Working-day arithmetic on the official calendar, with and without the override file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import chinese_calendar
import pytest

from gkcli.workdays import Note, UnknownYearError, WorkCalendar, days_after
from gkcli.workdays_file import load_calendar

D = dt.date.fromisoformat

# A test fixture, not the State Council's 2027 schedule (unknown when this was written): only
# New Year's Day, the one date the national holiday rules fix, so that the year counts as known.
TEST_2027 = """\
years:
  - year: 2027
    complete: true
    source: 测试用，仅含 1 月 1 日
    holidays:
      - {name: 元旦, start: 2027-01-01}
"""


@pytest.fixture(scope="module")
def calendar() -> WorkCalendar:
    return WorkCalendar()


def calendar_with(tmp_path: Path, text: str) -> WorkCalendar:
    (tmp_path / "workdays.yaml").write_text(text, encoding="utf-8")
    return load_calendar(tmp_path)


@pytest.mark.parametrize(
    ("received", "days", "last"),
    [
        ("2024-09-27", 20, "2024-10-30"),  # National Day week, make-up Sundays 09-29 and Saturday 10-12
        ("2024-02-05", 20, "2024-03-08"),  # Spring Festival 02-10…17, make-up Sunday 02-18
        ("2024-07-01", 3, "2024-07-04"),
        ("2024-07-05", 1, "2024-07-08"),  # Friday + 1 skips an ordinary weekend
    ],
)
def test_add_workdays_follows_the_disclosure_rule(calendar: WorkCalendar, received: str, days: int, last: str) -> None:
    assert calendar.add_workdays(D(received), days) == D(last)
    assert calendar.add_workdays(D(last), -days) == D(received)
    assert calendar.count_workdays(D(received), D(last)) == days
    assert calendar.count_workdays(D(last), D(received)) == -days


def test_zero_days_is_the_start_itself_even_in_an_unknown_year(calendar: WorkCalendar) -> None:
    assert calendar.add_workdays(D("2024-10-05"), 0) == D("2024-10-05")
    assert calendar.add_workdays(D("2031-01-01"), 0) == D("2031-01-01")
    assert calendar.count_workdays(D("2024-10-05"), D("2024-10-05")) == 0


@pytest.mark.parametrize("day", ["2024-02-04", "2024-02-18", "2024-09-29", "2024-10-12"])
def test_make_up_weekends_are_working_days(calendar: WorkCalendar, day: str) -> None:
    assert D(day).weekday() >= 5
    assert calendar.is_workday(D(day))


def test_national_day_and_spring_festival_2024_are_days_off(calendar: WorkCalendar) -> None:
    off = [*days_after(D("2024-09-30"), D("2024-10-07")), *days_after(D("2024-02-09"), D("2024-02-17"))]
    assert not any(calendar.is_workday(day) for day in off)
    assert calendar.is_workday(D("2024-09-30")) and calendar.is_workday(D("2024-10-08"))
    assert not calendar.is_workday(D("2024-10-19"))  # an ordinary Saturday


def test_agrees_with_the_package_on_every_day_it_covers(calendar: WorkCalendar) -> None:
    day, last = D("2004-01-01"), D("2026-12-31")
    disagree = []
    while day <= last:
        if calendar.is_workday(day) != chinese_calendar.is_workday(day):
            disagree.append(day)
        day += dt.timedelta(days=1)
    assert disagree == []


def test_known_years_are_exactly_those_the_package_covers(calendar: WorkCalendar) -> None:
    assert calendar.years == list(range(2004, 2027))
    for year in (2003, 2027):
        with pytest.raises(NotImplementedError):
            chinese_calendar.is_workday(dt.date(year, 6, 1))


def test_notes_name_the_holidays_and_make_up_days_on_the_way(calendar: WorkCalendar) -> None:
    notes = calendar.notes(D("2024-09-27"), D("2024-10-30"))
    assert notes[0] == Note(D("2024-09-29"), True, "国庆节")
    assert notes[-1] == Note(D("2024-10-12"), True, "国庆节")
    assert [note.day for note in notes if not note.working] == list(days_after(D("2024-09-30"), D("2024-10-07")))


def test_counting_backwards_notes_the_result_but_not_the_start(calendar: WorkCalendar) -> None:
    assert calendar.add_workdays(D("2024-10-14"), -1) == D("2024-10-12")
    assert calendar.notes(D("2024-10-14"), D("2024-10-12")) == [Note(D("2024-10-12"), True, "国庆节")]
    assert calendar.notes(D("2024-10-12"), D("2024-10-14")) == []


def test_a_year_nobody_knows_is_an_error_naming_the_year_and_the_file(tmp_path: Path) -> None:
    calendar = load_calendar(tmp_path)
    with pytest.raises(UnknownYearError) as caught:
        calendar.add_workdays(D("2026-12-25"), 5)
    message = str(caught.value)
    assert "2027 年的法定节假日安排未知" in message
    assert str(tmp_path / "workdays.yaml") in message
    assert caught.value.exit_code == 1
    assert calendar.add_workdays(D("2026-12-25"), 4) == D("2026-12-31")


def test_the_override_file_carries_the_count_into_the_next_year(tmp_path: Path) -> None:
    calendar = calendar_with(tmp_path, TEST_2027)
    assert calendar.add_workdays(D("2026-12-25"), 5) == D("2027-01-04")
    assert calendar.add_workdays(D("2027-01-04"), -5) == D("2026-12-25")
    assert calendar.source(2027).endswith("（测试用，仅含 1 月 1 日）")


def test_a_draft_year_is_not_used(tmp_path: Path) -> None:
    calendar = calendar_with(tmp_path, TEST_2027.replace("complete: true", "complete: false"))
    with pytest.raises(UnknownYearError, match="尚未标记 complete: true"):
        calendar.is_workday(D("2027-01-04"))


def test_a_complete_year_replaces_the_package_schedule(tmp_path: Path) -> None:
    calendar = calendar_with(tmp_path, TEST_2027.replace("2027", "2026"))
    assert calendar.is_workday(D("2026-02-16"))  # a Spring Festival day in the package
    assert not calendar.is_workday(D("2026-02-14"))  # a make-up Saturday in the package
    assert not calendar.is_workday(D("2026-01-01"))
    assert calendar.is_workday(D("2025-10-09")) == chinese_calendar.is_workday(D("2025-10-09"))


def test_a_notice_may_reach_back_into_december(tmp_path: Path) -> None:
    text = TEST_2027.replace("start: 2027-01-01}", "start: 2026-12-31, end: 2027-01-01}")
    calendar = calendar_with(tmp_path, text)
    assert not calendar.is_workday(D("2026-12-31"))
    assert calendar.is_workday(D("2026-12-30"))
    assert calendar.add_workdays(D("2026-12-30"), 1) == D("2027-01-04")


def test_the_readme_example_reproduces_the_package_for_2026(tmp_path: Path) -> None:
    example = (Path(__file__).parents[1] / "data" / "workdays" / "example-2026.yaml").read_text(encoding="utf-8")
    calendar = calendar_with(tmp_path, example)
    assert calendar.source(2026).startswith(str(tmp_path))
    days = list(days_after(D("2025-12-31"), D("2026-12-31")))
    assert [calendar.is_workday(day) for day in days] == [chinese_calendar.is_workday(day) for day in days]
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert example in readme
