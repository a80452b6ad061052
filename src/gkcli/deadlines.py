"""Chinese deadline phrases ("2024年12月底前", "全年", "收到申请后…20个工作日内答复") to meaning.

The register stores each deadline's verbatim text beside its parsed meaning; validation parses
the text again and compares, so the two cannot drift apart. Phrases seen in other cities' lists
are understood too: dates with or without a year ("6月30日前", "2025/6/30"), a month ("2025年6月"),
quarter and half-year ends, "下半年", counts in Chinese digits ("十五个工作日内") and a trailing
"完成". Whatever is not certain ("6月前", "每季度") is refused, never guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from enum import StrEnum

from gkcli.errors import GkError
from gkcli.numerals import count


class DeadlineKind(StrEnum):
    DATE = "date"  # a fixed last day
    ALL_YEAR = "all_year"  # ongoing through the year, due at its end
    ONGOING = "ongoing"  # continuous, no end date ("持续推进", "长期坚持")
    AFTER_EVENT = "after_event"  # N (working) days after each event, e.g. an application
    AFTER_PUBLICATION = "after_publication"  # N days after the list's publication date


class DayType(StrEnum):
    WORKING = "working"
    CALENDAR = "calendar"


EVENT_APPLICATION = "application_received"


class DeadlineError(GkError, ValueError):
    """A deadline phrase that cannot be understood."""


@dataclass(frozen=True)
class ParsedDeadline:
    kind: DeadlineKind
    due: dt.date | None = None
    start: dt.date | None = None
    days: int | None = None
    day_type: DayType | None = None
    event: str | None = None


CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_BEFORE = r"(?:之?前|以前)?"
_YEAR = r"(?:(\d{4})年)?"
_COUNT = r"(\d+|[一二两三四五六七八九十]+)"
DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"^{_YEAR}(\d{{1,2}})月(\d{{1,2}})[日号]{_BEFORE}$"), "day"),
    (re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"), "day"),
    (re.compile(rf"^{_YEAR}(\d{{1,2}})月(?:底|末|末底){_BEFORE}$"), "month_end"),
    (re.compile(rf"^{_YEAR}(\d{{1,2}})月份?内?$"), "month_end"),
    (re.compile(rf"^{_YEAR}(?:第)?([一二三四1-4])季度(?:(?:末|底){_BEFORE}|内)?$"), "quarter_end"),
    (re.compile(rf"^{_YEAR}上半年{_BEFORE}$"), "half_year"),
    (re.compile(rf"^{_YEAR}(?:年底|年末|底){_BEFORE}$"), "year_end"),
    (re.compile(rf"^{_YEAR}下半年(?:内)?$"), "year_end"),
    (re.compile(r"^(\d{4})?年内$"), "year_end"),
]
ALL_YEAR = re.compile(rf"^{_YEAR}全年(?:持续推进)?$")
ONGOING = re.compile(r"^(?:持续推进|长期坚持|长期|常态化推进|持续开展|持续)$")
AFTER_EVENT = re.compile(rf"^(.+?)(?:后|之日起)[，,]?(?:.*?[，,])?{_COUNT}个?(工作日|日|天)内(?:.*)$")
AFTER_PUBLICATION = re.compile(rf"^(.*?)(?:发布|印发|公布)(?:后|之日起){_COUNT}个?(工作日|日|天)内$")
DONE = "完成"
SPACE = re.compile(r"\s+")
MAX_LENGTH = 120  # longer cells are not deadline phrases (and would make the patterns slow)
YEARS = range(1900, 2101)
MAX_DAYS = 3660


@functools.cache  # a register repeats a handful of phrases thousands of times; the result is immutable
def parse_deadline(text: str, year: int) -> ParsedDeadline:
    """The meaning of deadline `text` in a register for `year`; raises DeadlineError."""
    phrase = SPACE.sub("", text).rstrip("。.")
    phrase = phrase.removesuffix(DONE) or phrase
    if not phrase:
        raise DeadlineError("完成时间是空的")
    if len(phrase) > MAX_LENGTH:
        raise DeadlineError(f"完成时间过长（{len(phrase)} 字），不像是一个完成时间：“{text[:20]}……”")
    if ONGOING.match(phrase):
        return ParsedDeadline(DeadlineKind.ONGOING)
    if match := ALL_YEAR.match(phrase):
        the_year = _year(match.group(1), year, text)
        return ParsedDeadline(DeadlineKind.ALL_YEAR, due=dt.date(the_year, 12, 31), start=dt.date(the_year, 1, 1))
    for pattern, shape in DATE_PATTERNS:
        if match := pattern.match(phrase):
            return ParsedDeadline(DeadlineKind.DATE, due=_date(shape, match.groups(), year, text))
    if match := AFTER_PUBLICATION.match(phrase):
        return ParsedDeadline(DeadlineKind.AFTER_PUBLICATION, days=_days(match.group(2), text), day_type=_day_type(match.group(3)))
    if match := AFTER_EVENT.match(phrase):
        event = EVENT_APPLICATION if "申请" in match.group(1) else match.group(1)
        days = _days(match.group(2), text)
        return ParsedDeadline(DeadlineKind.AFTER_EVENT, days=days, day_type=_day_type(match.group(3)), event=event)
    raise DeadlineError(f"无法识别的完成时间：“{text}”")


def _year(written: str | None, default: int, text: str) -> int:
    year = int(written) if written else default
    if year not in YEARS:
        raise DeadlineError(f"完成时间中的年份 {year} 不合理（应在 {YEARS.start}–{YEARS.stop - 1} 之间）：“{text}”")
    return year


def _days(written: str, text: str) -> int:
    try:
        days = count(written)
    except ValueError:
        raise DeadlineError(f"完成时间中的天数无法识别：“{text}”") from None
    if not 1 <= days <= MAX_DAYS:
        raise DeadlineError(f"完成时间中的天数 {days} 不合理（应为 1–{MAX_DAYS}）：“{text}”")
    return days


def _day_type(unit: str) -> DayType:
    return DayType.WORKING if unit == "工作日" else DayType.CALENDAR


def _date(shape: str, groups: tuple[str | None, ...], default_year: int, text: str) -> dt.date:
    year = _year(groups[0], default_year, text)
    if shape == "year_end":
        return dt.date(year, 12, 31)
    if shape == "half_year":
        return dt.date(year, 6, 30)
    if shape == "quarter_end":
        month = CN_DIGITS[groups[1] or ""] * 3
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    month = int(groups[1] or 0)
    if not 1 <= month <= 12:
        raise DeadlineError(f"完成时间中的月份不存在：“{text}”")
    if shape == "month_end":
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    day = int(groups[2] or 0)
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DeadlineError(f"完成时间中的日期不存在：“{text}”") from None
