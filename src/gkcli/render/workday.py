"""`gk workday --explain`: how a working-day count went, in Chinese."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from gkcli.workdays import ONE_DAY, WEEKDAYS, Note, WorkCalendar


def day_text(day: dt.date) -> str:
    return f"{day.isoformat()}（星期{WEEKDAYS[day.weekday()]}）"


def explanation(calendar: WorkCalendar, start: dt.date, n: int, result: dt.date) -> str:
    """The count, the holidays skipped and the weekends worked on the way, and the sources."""
    if n == 0:
        return f"偏移为 0：结果就是起算日 {day_text(start)}。\n"
    direction = "往后" if n > 0 else "往前"
    lines = [f"起算日 {day_text(start)}当天不计，{direction}数第 {abs(n)} 个工作日是 {day_text(result)}。"]
    notes = calendar.notes(start, result)
    if notes:
        lines.append("其间的法定节假日与调休：")
        lines.extend(f"  {line}" for line in note_lines(notes))
    else:
        lines.append("其间没有法定节假日或调休上班日，只跳过了周末。")
    years = range(min(start, result).year, max(start, result).year + 1)
    lines.extend(f"{year} 年节假日安排依据：{calendar.source(year)}" for year in years)
    return "\n".join(lines) + "\n"


def note_lines(notes: list[Note]) -> Iterator[str]:
    """One line per make-up working day, one per run of consecutive days off of one holiday."""
    index = 0
    while index < len(notes):
        note = notes[index]
        if note.working:
            yield f"{day_text(note.day)}调休上班（{note.name}）"
            index += 1
            continue
        last = index
        while last + 1 < len(notes) and _continues(notes[last], notes[last + 1]):
            last += 1
        yield _holiday_line(notes[index].day, notes[last].day, note.name)
        index = last + 1


def _continues(before: Note, after: Note) -> bool:
    return not after.working and after.name == before.name and after.day == before.day + ONE_DAY


def _holiday_line(first: dt.date, last: dt.date, name: str) -> str:
    if first == last:
        return f"{day_text(first)}放假（{name}）"
    return f"{day_text(first)}至 {day_text(last)}放假（{name}，{(last - first).days + 1} 天）"
