"""Everything that changes what is owed over time, gathered once for the query commands.

`progress` says what was done when (the progress ledger); `more` adds dated occurrences beyond a
task's own deadline for the selected duties (recurring checkpoints, disclosure requests).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from gkcli.agenda import Occurrence
from gkcli.data import Data
from gkcli.obligations import Duty
from gkcli.progress import Ledger, load_ledger

MoreFn = Callable[[list[Duty]], list[tuple[Duty, Occurrence]]]


def _nothing_more(duties: list[Duty]) -> list[tuple[Duty, Occurrence]]:
    return []


@dataclass
class Tracking:
    progress: Ledger = field(default_factory=Ledger)
    more: MoreFn = _nothing_more


def load_tracking(data: Data) -> Tracking:
    """The progress and extra occurrences recorded beside the register in `data.data_dir`."""
    return Tracking(progress=load_ledger(data))
