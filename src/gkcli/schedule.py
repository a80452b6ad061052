"""Dated occurrences beyond a task's own deadline: recurring checkpoints and disclosure requests.

Requests are read only when the register year has a requests folder, so that a query on a data
directory without one imports neither PyYAML nor pydantic (see gkcli.data on the cache).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from gkcli.agenda import Occurrence, Progress
from gkcli.data import Data
from gkcli.disclosure.paths import year_dir
from gkcli.obligations import Duty

if TYPE_CHECKING:
    from gkcli.disclosure.deadline import Workdays
    from gkcli.disclosure.files import Ledger


def checkpoint_occurrences(duties: Iterable[Duty], year: int) -> list[tuple[Duty, Occurrence]]:
    """One occurrence per period of every checkpoint of each duty's task."""
    from gkcli.recurrence import periods

    return [
        (duty, Occurrence(period.due, period.key, period.label, start=period.start))
        for duty in duties
        for checkpoint in duty.task.checkpoints
        for period in periods(checkpoint, year)
    ]


@dataclass
class Schedule:
    """The register's checkpoints and the year's requests (None: no requests folder), for the agenda and the calendar."""

    data: Data
    ledger: Ledger | None

    @cached_property
    def calendar(self) -> Workdays:
        """The official working-day calendar, read only when a request needs it."""
        from gkcli.workdays_file import load_calendar

        return load_calendar(self.data.data_dir)

    def more(self, duties: Iterable[Duty]) -> list[tuple[Duty, Occurrence]]:
        chosen = list(duties)
        found = checkpoint_occurrences(chosen, self.data.register.year)
        if self.ledger is not None and any(filed.requests for filed in self.ledger.files.values()):
            from gkcli.disclosure.occurrences import request_occurrences

            found += request_occurrences(chosen, self.ledger, self.calendar)
        return found

    def progress(self, base: Progress) -> Progress:
        """`base` progress, with each request done on the day it was answered."""
        if self.ledger is None:
            return base
        from gkcli.disclosure.occurrences import Answered

        return Answered(self.ledger, base)


def load_schedule(data: Data) -> Schedule:
    if not year_dir(data.data_dir, data.register.year).is_dir():
        return Schedule(data, None)
    from gkcli.disclosure.files import load_ledger

    return Schedule(data, load_ledger(data))
