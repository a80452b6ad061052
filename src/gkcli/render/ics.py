"""Calendar events as an RFC 5545 iCalendar file, written with the icalendar package.

Events are all-day (DATE values, no time zone) and transparent (a deadline does not make anyone
busy). Each open event not yet past has a display alarm at 09:00 some days before its day; done
and overdue ones have none, so that importing does not set off a burst of stale reminders.
DTSTAMP and SEQUENCE come from the --as-of day, so a later export counts as the newer version.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Alarm, Calendar, Event

from gkcli import __version__
from gkcli.calendar_events import CalendarEvent

REMIND_AT = dt.timedelta(hours=9)
EPOCH = dt.date(2000, 1, 1)


def ics_bytes(events: Iterable[CalendarEvent], name: str, as_of: dt.date, remind_days: int) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", f"-//gkcli//gk {__version__}//ZH")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    stamp = dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.UTC)
    for event in events:
        calendar.add_component(_event(event, stamp, (as_of - EPOCH).days, remind_days))
    text: bytes = calendar.to_ical()
    return text


def _event(event: CalendarEvent, stamp: dt.datetime, sequence: int, remind_days: int) -> Event:
    component = Event()
    component.add("uid", event.uid)
    component.add("dtstamp", stamp)
    component.add("sequence", max(sequence, 0))
    component.add("dtstart", event.day)
    component.add("dtend", event.day + dt.timedelta(days=1))
    component.add("summary", event.summary)
    component.add("description", event.description)
    component.add("transp", "TRANSPARENT")
    if event.remind:
        component.add_component(_alarm(event, remind_days))
    return component


def _alarm(event: CalendarEvent, remind_days: int) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"{remind_days} 天后到期：{event.summary}" if remind_days else f"今天到期：{event.summary}")
    alarm.add("trigger", REMIND_AT - dt.timedelta(days=remind_days))
    return alarm
