"""Weekly reminders: one digest per unit of what needs attention as of a day.

An item goes into the first section that fits it:
- overdue: past due and not done (red), whatever it is (a task, a checkpoint, a request);
- year_end: an all-year (全年) task still open within YEAR_END_DAYS days of its end (Dec 31), so
  from Dec 1 on a unit is reminded to finish and report its year-long work;
- checkpoints: a recurring checkpoint or a disclosure-request deadline (an occurrence with a key)
  due within the window;
- due_soon: a task's own deadline within the window (today counts).
Later and undated items are left out: the digest is a nudge, `gk due` is the full list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from gkcli.agenda import Item, Light, agenda
from gkcli.data import Data
from gkcli.deadlines import DeadlineKind
from gkcli.obligations import parties
from gkcli.queries import duties_for
from gkcli.tracking import Tracking

YEAR_END_DAYS = 30


class Section(StrEnum):
    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    CHECKPOINTS = "checkpoints"
    YEAR_END = "year_end"


SECTIONS = (Section.OVERDUE, Section.DUE_SOON, Section.CHECKPOINTS, Section.YEAR_END)


@dataclass(frozen=True)
class Digest:
    """What one unit hears about in one reminder period."""

    party: str
    as_of: dt.date
    period: str
    within: int
    sections: dict[Section, list[Item]]

    @property
    def empty(self) -> bool:
        return not any(self.sections.values())


def period_key(as_of: dt.date) -> str:
    """The reminder period of a day: its ISO week, e.g. 2024-W23."""
    year, week, _ = as_of.isocalendar()
    return f"{year}-W{week:02d}"


def section_of(item: Item, within: int) -> Section | None:
    """Where `item` belongs in a digest, or None when it is not worth a reminder now."""
    days = item.days_left
    if item.light is Light.RED:
        return Section.OVERDUE
    if days is None or days < 0:
        return None
    if item.occurrence.key is None and item.duty.task.deadline.kind is DeadlineKind.ALL_YEAR:
        return Section.YEAR_END if days <= YEAR_END_DAYS else None
    if days > within:
        return None
    return Section.CHECKPOINTS if item.occurrence.key is not None else Section.DUE_SOON


def digest_of(party: str, items: list[Item], as_of: dt.date, within: int) -> Digest:
    sections: dict[Section, list[Item]] = {section: [] for section in SECTIONS}
    for item in items:
        section = section_of(item, within)
        if section is not None:
            sections[section].append(item)
    return Digest(party, as_of, period_key(as_of), within, sections)


def build_digests(
    data: Data, tracking: Tracking, as_of: dt.date, within: int, *, unit: str | None = None, include_empty: bool = False
) -> list[Digest]:
    """One digest per unit (or for `unit` only), in units.yaml order; empty ones only on request."""
    directory = data.directory
    chosen = [directory.resolve(unit)] if unit is not None else parties(directory)
    duties = duties_for(data, unit)
    items = agenda(duties, data.register, as_of, warn_days=within, progress=tracking.progress, extra=tracking.more(duties))
    by_party: dict[str, list[Item]] = {party: [] for party in chosen}
    for item in items:
        if item.duty.party in by_party:
            by_party[item.duty.party].append(item)
    digests = [digest_of(party, by_party[party], as_of, within) for party in chosen]
    return [digest for digest in digests if include_empty or not digest.empty]
