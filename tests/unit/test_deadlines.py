"""Deadline phrases of the 2024 register and of other cities' lists."""

from __future__ import annotations

import datetime as dt

import pytest

from gkcli.deadlines import DayType, DeadlineError, DeadlineKind, parse_deadline


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("2025年12月底前", dt.date(2025, 12, 31)),
        ("6月30日前", dt.date(2025, 6, 30)),
        ("2025年6月30日", dt.date(2025, 6, 30)),
        ("2025/6/30", dt.date(2025, 6, 30)),
        ("2025-06-30", dt.date(2025, 6, 30)),
        ("2025年6月", dt.date(2025, 6, 30)),
        ("9月份", dt.date(2025, 9, 30)),
        ("年底前", dt.date(2025, 12, 31)),
        ("2025年底前", dt.date(2025, 12, 31)),
        ("第三季度末", dt.date(2025, 9, 30)),
        ("二季度", dt.date(2025, 6, 30)),
        ("上半年", dt.date(2025, 6, 30)),
        ("下半年", dt.date(2025, 12, 31)),
        ("2025年6月底前完成", dt.date(2025, 6, 30)),
        ("2月底前", dt.date(2025, 2, 28)),
    ],
)
def test_dates(text: str, due: dt.date) -> None:
    parsed = parse_deadline(text, 2025)
    assert (parsed.kind, parsed.due) == (DeadlineKind.DATE, due)


@pytest.mark.parametrize("text", ["全年", "2025年全年", "全年持续推进"])
def test_all_year(text: str) -> None:
    parsed = parse_deadline(text, 2025)
    assert (parsed.kind, parsed.start, parsed.due) == (DeadlineKind.ALL_YEAR, dt.date(2025, 1, 1), dt.date(2025, 12, 31))


@pytest.mark.parametrize("text", ["持续推进", "长期坚持", "常态化推进"])
def test_ongoing(text: str) -> None:
    assert parse_deadline(text, 2025).kind is DeadlineKind.ONGOING


@pytest.mark.parametrize(
    ("text", "days", "day_type", "event"),
    [
        ("收到申请后，不能当场答复的，20个工作日内答复。", 20, DayType.WORKING, "application_received"),
        ("收到申请之日起十五个工作日内", 15, DayType.WORKING, "application_received"),
        ("会议召开后5个工作日内", 5, DayType.WORKING, "会议召开"),
    ],
)
def test_after_event(text: str, days: int, day_type: DayType, event: str) -> None:
    parsed = parse_deadline(text, 2025)
    assert (parsed.kind, parsed.days, parsed.day_type, parsed.event) == (DeadlineKind.AFTER_EVENT, days, day_type, event)


@pytest.mark.parametrize(("text", "days"), [("全市政务公开重点工作任务清单发布后30天内", 30), ("清单印发之日起三十日内", 30)])
def test_after_publication(text: str, days: int) -> None:
    parsed = parse_deadline(text, 2025)
    assert (parsed.kind, parsed.days, parsed.day_type) == (DeadlineKind.AFTER_PUBLICATION, days, DayType.CALENDAR)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "是空的"),
        ("6月前", "无法识别"),  # before June or by the end of June: not certain, so not guessed
        ("一季度前", "无法识别"),
        ("每季度", "无法识别"),
        ("2025年13月底前", "月份不存在"),
        ("2025年2月30日前", "日期不存在"),
        ("0000年底前", "年份 0 不合理"),
    ],
)
def test_unreadable(text: str, message: str) -> None:
    with pytest.raises(DeadlineError, match=message):
        parse_deadline(text, 2025)
