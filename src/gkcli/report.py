"""The supervision report (督查报告): per unit and per category, what is done, late and open.

Every obligation is one agenda item (a task's own deadline, or an extra occurrence such as a
recurring checkpoint), counted as of a date exactly as `gk due` sees it: `open` here is what
`gk due` lists, `overdue` what `gk overdue` lists. Done on time means done on or before the due
date (items without a date are on time once done).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from gkcli.agenda import Item, Light, Status, agenda
from gkcli.data import Data
from gkcli.queries import check_category, duties_for
from gkcli.tracking import Tracking


@dataclass
class Tally:
    obligations: int = 0
    done: int = 0
    on_time: int = 0
    late: int = 0
    open: int = 0
    overdue: int = 0

    def count(self, item: Item) -> None:
        self.obligations += 1
        if item.status is Status.DONE:
            self.done += 1
            if item.due is not None and item.done_on is not None and item.done_on > item.due:
                self.late += 1
            else:
                self.on_time += 1
        else:
            self.open += 1
            self.overdue += item.light is Light.RED

    @property
    def rate(self) -> float | None:
        """Completion rate: done / obligations (None when nothing is owed)."""
        return self.done / self.obligations if self.obligations else None


@dataclass
class Report:
    as_of: dt.date
    units: dict[str, Tally] = field(default_factory=dict)  # party id → tally, attention order
    categories: dict[int, Tally] = field(default_factory=dict)  # category number → tally, register order
    total: Tally = field(default_factory=Tally)


def attention_key(tally: Tally) -> tuple[int, float, int]:
    """Most overdue first, then the lowest completion rate, then the most still open."""
    return (-tally.overdue, tally.rate if tally.rate is not None else 1.0, -tally.open)


def build_report(items: Iterable[Item], as_of: dt.date, categories: Iterable[int], parties: list[str]) -> Report:
    """Tally `items` (done ones included) per unit, per category and in total; ties keep `parties` order."""
    report = Report(as_of, categories={number: Tally() for number in categories})
    units: dict[str, Tally] = {}
    for item in items:
        units.setdefault(item.duty.party, Tally()).count(item)
        report.categories.setdefault(item.duty.task.category, Tally()).count(item)
        report.total.count(item)
    rank = {party: index for index, party in enumerate(parties)}
    report.units = dict(sorted(units.items(), key=lambda pair: (attention_key(pair[1]), rank.get(pair[0], len(rank)))))
    report.categories = {number: tally for number, tally in report.categories.items() if tally.obligations}
    return report


def report_items(data: Data, tracking: Tracking, as_of: dt.date, unit: str | None = None, category: int | None = None) -> list[Item]:
    """Every task obligation of `unit` (or of every unit), in `category` if given, done or not, as of `as_of`.

    One item per (task, unit), as in the 台账: recurring checkpoint periods and single requests are
    followed in gk due / overdue / remind, not counted here as extra obligations.
    """
    check_category(data, category)
    duties = [duty for duty in duties_for(data, unit) if category is None or duty.task.category == category]
    return agenda(duties, data.register, as_of, progress=tracking.progress, include_done=True)
