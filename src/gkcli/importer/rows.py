"""What every reader produces: the list's rows in order, before any interpretation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class RawRow:
    """One table row as found in the source."""

    number: int  # the row's 序号 as printed (its position when the list prints none)
    line: int  # where the row starts: a text line, a table row or a sheet row
    category: str | None  # the category cell ("一、…") in force for the row, if any
    content: str
    units_text: str
    deadline_text: str
    problem: str | None = None  # why the reader could not split the row cleanly
    where: str = ""  # the row's place for people: "清单.txt:12", "清单.xlsx 工作表“Sheet1”第 5 行"


@dataclass(frozen=True)
class Notice:
    """Something a reader noticed outside any task row (an unreadable row, a gap in numbering)."""

    line: int
    where: str
    message: str


@dataclass
class SourceList:
    """A whole list as read: its rows, its title if the source shows one, and reader notices."""

    rows: list[RawRow]
    title: str | None = None
    notices: list[Notice] = field(default_factory=list)


def squeeze(text: str) -> str:
    """Remove the white space that line breaks leave inside a cell."""
    return WHITESPACE.sub("", text)
