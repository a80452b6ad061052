"""Everything that changes what is owed over time, gathered once for the query commands.

`progress` says what was done when (the progress ledger); `more` adds dated occurrences beyond a
task's own deadline for the selected duties (recurring checkpoints, disclosure requests).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from gkcli.agenda import Occurrence, Progress
from gkcli.data import Data
from gkcli.obligations import Duty
from gkcli.progress import Ledger, load_ledger

MoreFn = Callable[[list[Duty]], list[tuple[Duty, Occurrence]]]


def _nothing_more(duties: list[Duty]) -> list[tuple[Duty, Occurrence]]:
    return []


@dataclass
class Tracking:
    """`progress` answers the agenda (ledger records, and requests done when answered); `ledger`
    is the progress ledger itself, for notes and evidence."""

    progress: Progress = field(default_factory=Ledger)
    more: MoreFn = _nothing_more
    ledger: Ledger = field(default_factory=Ledger)


def load_tracking(data: Data) -> Tracking:
    """The progress and extra occurrences recorded beside the register in `data.data_dir`."""
    from gkcli.schedule import load_schedule

    ledger = load_ledger(data)
    schedule = load_schedule(data)
    return Tracking(progress=schedule.progress(ledger), more=schedule.more, ledger=ledger)
