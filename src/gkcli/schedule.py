"""Dated occurrences beyond a task's own deadline: recurring checkpoints and disclosure requests."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from gkcli.agenda import Occurrence, Progress
from gkcli.data import Data
from gkcli.disclosure.deadline import Workdays
from gkcli.disclosure.files import Ledger, load_ledger
from gkcli.disclosure.occurrences import Answered, request_occurrences
from gkcli.obligations import Duty
from gkcli.recurrence import periods


def checkpoint_occurrences(duties: Iterable[Duty], year: int) -> list[tuple[Duty, Occurrence]]:
    """One occurrence per period of every checkpoint of each duty's task."""
    return [
        (duty, Occurrence(period.due, period.key, period.label, start=period.start))
        for duty in duties
        for checkpoint in duty.task.checkpoints
        for period in periods(checkpoint, year)
    ]


@dataclass
class Schedule:
    """The register's checkpoints and the year's requests, for the agenda and the calendar."""

    data: Data
    ledger: Ledger

    @cached_property
    def calendar(self) -> Workdays:
        """The official working-day calendar, read only when a request needs it."""
        from gkcli.workdays_file import load_calendar

        return load_calendar(self.data.data_dir)

    def more(self, duties: Iterable[Duty]) -> list[tuple[Duty, Occurrence]]:
        chosen = list(duties)
        found = checkpoint_occurrences(chosen, self.data.register.year)
        if any(filed.requests for filed in self.ledger.files.values()):
            found += request_occurrences(chosen, self.ledger, self.calendar)
        return found

    def progress(self, base: Progress) -> Progress:
        """`base` progress, with each request done on the day it was answered."""
        return Answered(self.ledger, base)


def load_schedule(data: Data) -> Schedule:
    return Schedule(data, load_ledger(data))
