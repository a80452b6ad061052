"""Dated occurrences beyond a task's own deadline: its recurring checkpoints, each period an item."""

from __future__ import annotations

from collections.abc import Iterable

from gkcli.agenda import Occurrence
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
