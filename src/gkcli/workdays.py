"""Working days on the State Council's official calendar (法定节假日与调休).

Each year's schedule comes from the chinese-calendar package, which follows the State Council's
yearly notice. A year the package does not know yet, or one it has wrong, is read from the data
directory's workdays.yaml (see workdays_file.py). A year neither knows is an error: guessing
"Monday to Friday" would silently move legal deadlines.

Counting follows the 政府信息公开条例 as applied: the start day (the day of receipt) is not
counted, and the N-th working day after it is the last day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

import chinese_calendar

from gkcli.errors import EXIT_FINDINGS, GkError

ONE_DAY = dt.timedelta(days=1)
WEEKDAYS = "一二三四五六日"
LIBRARY = f"chinesecalendar {chinese_calendar.__version__}"


class UnknownYearError(GkError):
    """Neither the package nor the override file knows a year's holiday schedule."""

    exit_code = EXIT_FINDINGS

    def __init__(self, year: int, override_path: str, draft: bool) -> None:
        self.year = year
        hint = f"（文件中已有 {year} 年的条目，但尚未标记 complete: true）" if draft else ""
        super().__init__(
            f"{year} 年的法定节假日安排未知：请在 {override_path} 中填写 {year} 年的放假和调休上班日期"
            f"（国务院办公厅每年 11 月前后发布）{hint}"
        )


@dataclass(frozen=True)
class YearSchedule:
    """One year's departures from Monday–Friday, each day with its holiday's name.

    `holidays` and `makeup_days` may include days at the end of the previous year, as a
    State Council notice sometimes does (e.g. 2018-12-29 to 2018-12-31 in the 2019 notice).
    """

    year: int
    holidays: Mapping[dt.date, str]
    makeup_days: Mapping[dt.date, str]
    source: str


@dataclass(frozen=True)
class Overrides:
    """What the override file adds: complete years, and years still being filled in (drafts)."""

    path: str
    schedules: Mapping[int, YearSchedule]
    drafts: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Note:
    """A day that is not what its weekday suggests: a holiday, or a weekend worked (调休上班)."""

    day: dt.date
    working: bool
    name: str


def library_schedules() -> dict[int, YearSchedule]:
    """The package's tables, split by year; its range is that of its holiday table."""
    first, last = min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year
    return {
        year: YearSchedule(year, _of_year(chinese_calendar.holidays, year), _of_year(chinese_calendar.workdays, year), LIBRARY)
        for year in range(first, last + 1)
    }


def _of_year(table: Mapping[dt.date, str], year: int) -> dict[dt.date, str]:
    return {day: _chinese(name) for day, name in table.items() if day.year == year}


def _chinese(name: str) -> str:
    try:
        return str(chinese_calendar.Holiday(name).chinese)
    except ValueError:
        return name


class WorkCalendar:
    """Is a day a working day, and N working days after (or before) a day."""

    def __init__(self, overrides: Overrides | None = None) -> None:
        overrides = overrides or Overrides("data/workdays.yaml", {})
        self.override_path = overrides.path
        self._drafts = overrides.drafts
        library = library_schedules()
        self._sources = {year: schedule.source for year, schedule in {**library, **overrides.schedules}.items()}
        self._holidays: dict[dt.date, str] = {}
        self._makeup: dict[dt.date, str] = {}
        for schedule in [*(library[year] for year in library if year not in overrides.schedules), *overrides.schedules.values()]:
            self._add(schedule)

    def _add(self, schedule: YearSchedule) -> None:
        for day, name in schedule.holidays.items():
            self._makeup.pop(day, None)
            self._holidays[day] = name
        for day, name in schedule.makeup_days.items():
            self._holidays.pop(day, None)
            self._makeup[day] = name

    @property
    def years(self) -> list[int]:
        """The years whose schedule is known."""
        return sorted(self._sources)

    def source(self, year: int) -> str:
        """Where the year's schedule comes from; raises UnknownYearError if nowhere."""
        if year not in self._sources:
            raise UnknownYearError(year, self.override_path, year in self._drafts)
        return self._sources[year]

    def is_workday(self, day: dt.date) -> bool:
        self.source(day.year)  # an unknown year raises
        if day in self._makeup:
            return True
        return day.weekday() < 5 and day not in self._holidays

    def note(self, day: dt.date) -> Note | None:
        """Why `day` departs from its weekday, if it does."""
        self.source(day.year)  # an unknown year raises
        if day in self._makeup:
            return Note(day, True, self._makeup[day])
        if day in self._holidays:
            return Note(day, False, self._holidays[day])
        return None

    def add_workdays(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after `start` (before it when n < 0); `start` itself is not counted.

        The start day's year must be known too, so that no count begins in an unknown year.
        """
        if n:
            self.source(start.year)
        step = ONE_DAY if n > 0 else -ONE_DAY
        day, left = start, abs(n)
        while left:
            day += step
            left -= self.is_workday(day)
        return day

    def count_workdays(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end`; negative when `end` is earlier."""
        if end < start:
            return -self.count_workdays(end, start)
        return sum(self.is_workday(day) for day in days_after(start, end))

    def notes(self, start: dt.date, end: dt.date) -> list[Note]:
        """The holidays and make-up working days among the days counted from `start` to `end`.

        Counting forwards these are the days after `start` up to `end`; counting backwards, the
        days from `end` up to the day before `start` (the start day is never counted).
        """
        span = days_after(start, end) if end >= start else days_after(end - ONE_DAY, start - ONE_DAY)
        found = (self.note(day) for day in span)
        return [note for note in found if note is not None]


def days_after(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    """The days after `start` up to and including `end`."""
    day = start + ONE_DAY
    while day <= end:
        yield day
        day += ONE_DAY
