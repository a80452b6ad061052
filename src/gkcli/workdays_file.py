"""data/workdays.yaml: holiday schedules the chinese-calendar package does not know (yet).

The State Council publishes next year's schedule each November; a clerk copies it here instead
of waiting for a package release. A year entry counts only once it is marked `complete: true`,
so a half-typed year is never taken for a whole one; a complete entry replaces the package's
schedule for that year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, NamedTuple

from pydantic import Field, Strict, StrictBool, StrictInt, StrictStr

from gkcli.errors import DataError, Problem
from gkcli.load import Document, load_file
from gkcli.model import Closed, Text
from gkcli.validate import parse_model
from gkcli.workdays import WEEKDAYS, Overrides, WorkCalendar, YearSchedule, days_after

WORKDAYS_FILE = "workdays.yaml"

Day = Annotated[dt.date, Strict(), Field(description="日期，YYYY-MM-DD")]


class HolidaySpan(Closed):
    """一段放假日期（含周末），如春节 2 月 10 日至 17 日。"""

    name: Text = Field(description="节日名称，如“春节”")
    start: Day = Field(description="放假第一天")
    end: Day | None = Field(None, description="放假最后一天（含）；只放一天时可省略")

    def days(self) -> list[dt.date]:
        last = self.end or self.start
        return [self.start, *days_after(self.start, last)]


class MakeupDay(Closed):
    """调休上班的周末。"""

    date: Day = Field(description="调休上班的日期（星期六或星期日）")
    name: Text | None = Field(None, description="为哪个节日调休，如“春节”")


class YearEntry(Closed):
    """一年的节假日安排（国务院办公厅通知）。"""

    year: StrictInt = Field(ge=2000, le=2100, description="年份")
    complete: StrictBool = Field(False, description="true：本年全部放假和调休上班日期已填完；未填完时为 false，不会被使用")
    source: StrictStr | None = Field(None, description="依据，如通知的标题和文号")
    holidays: list[HolidaySpan] = Field(default_factory=list, description="放假日期")
    makeup_days: list[MakeupDay] = Field(default_factory=list, description="调休上班日期")


class WorkdaysFile(Closed):
    """workdays.yaml：法定节假日安排的本地补充与更正。"""

    years: list[YearEntry]


def check_workdays(doc: Document) -> tuple[Overrides | None, list[Problem]]:
    """The override file's schedules, and every problem with it (schema, dates, overlaps)."""
    parsed, problems = parse_model(doc, WorkdaysFile)
    if parsed is None:
        return None, problems
    problems.extend(_year_problems(doc, parsed))
    problems.extend(_span_problems(doc, parsed))
    problems.extend(_day_problems(doc, parsed))
    schedules = {entry.year: _schedule(entry, doc.path) for entry in parsed.years if entry.complete}
    drafts = frozenset(entry.year for entry in parsed.years if not entry.complete)
    return Overrides(doc.path, schedules, drafts), problems


def _schedule(entry: YearEntry, path: str) -> YearSchedule:
    holidays = {day: span.name for span in entry.holidays for day in span.days()}
    makeup = {item.date: item.name or "调休" for item in entry.makeup_days}
    return YearSchedule(entry.year, holidays, makeup, f"{path}（{entry.source or f'{entry.year} 年'}）")


def _year_problems(doc: Document, parsed: WorkdaysFile) -> Iterator[Problem]:
    seen: dict[int, int] = {}
    for index, entry in enumerate(parsed.years):
        loc = ("years", index)
        if entry.year in seen:
            line = doc.where(("years", seen[entry.year], "year"))[0]
            yield doc.problem((*loc, "year"), f"重复的年份 {entry.year}（第 {line} 行已有）：每年只写一个条目")
        seen.setdefault(entry.year, index)
        if entry.complete and not entry.holidays:
            yield doc.problem((*loc, "complete"), f"{entry.year} 年标记为 complete: true，却没有列出任何放假日期")


class _Listed(NamedTuple):
    loc: tuple[Any, ...]
    day: dt.date
    working: bool
    label: str
    year: int


def _day_problems(doc: Document, parsed: WorkdaysFile) -> Iterator[Problem]:
    """Each day may appear once in the whole file; dates belong to their entry's year."""
    seen: dict[dt.date, _Listed] = {}
    for listed in _listed_days(parsed):
        day, year = listed.day, listed.year
        if not _in_year(day, year):
            yield doc.problem(listed.loc, f"{day} 不属于 {year} 年（只能是 {year} 年内，或上一年 12 月的日期）")
        if listed.working and day.weekday() < 5:
            yield doc.problem(listed.loc, f"调休上班日 {day} 是星期{WEEKDAYS[day.weekday()]}：调休上班日只能是星期六或星期日")
        first = seen.setdefault(day, listed)
        if first is not listed:
            line = doc.where(first.loc)[0]
            yield doc.problem(listed.loc, f"{day} 既是{listed.label}，又是第 {line} 行的{first.label}：同一天只能写一次")


def _listed_days(parsed: WorkdaysFile) -> Iterator[_Listed]:
    for index, entry in enumerate(parsed.years):
        for position, span in enumerate(entry.holidays):
            for day in span.days():
                yield _Listed(("years", index, "holidays", position, "start"), day, False, f"“{span.name}”放假日", entry.year)
        for position, item in enumerate(entry.makeup_days):
            yield _Listed(("years", index, "makeup_days", position, "date"), item.date, True, "调休上班日", entry.year)


def _span_problems(doc: Document, parsed: WorkdaysFile) -> Iterator[Problem]:
    for index, entry in enumerate(parsed.years):
        for position, span in enumerate(entry.holidays):
            if span.end is not None and span.end < span.start:
                loc = ("years", index, "holidays", position, "end")
                yield doc.problem(loc, f"“{span.name}”的放假结束日 {span.end} 早于开始日 {span.start}")


def _in_year(day: dt.date, year: int) -> bool:
    return day.year == year or (day.year == year - 1 and day.month == 12)


def load_overrides(path: Path) -> Overrides:
    """The override file, fully validated; any problem raises DataError."""
    doc = load_file(path)
    overrides, problems = check_workdays(doc)
    problems = doc.problems + problems
    if problems or overrides is None:
        raise DataError(problems)
    return overrides


def check_workdays_file(path: Path) -> list[Problem]:
    """Every problem of one override file, for `gk validate`."""
    doc = load_file(path)
    return doc.problems + check_workdays(doc)[1]


def load_calendar(data_dir: Path) -> WorkCalendar:
    """The working-day calendar: the package's schedules plus the data directory's overrides."""
    path = data_dir / WORKDAYS_FILE
    if path.is_file():
        return WorkCalendar(load_overrides(path))
    return WorkCalendar(Overrides(str(path), {}))
