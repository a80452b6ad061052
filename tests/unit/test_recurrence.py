"""Recurring checkpoints expanded within the register year, and their validation findings."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from gkcli.model import Checkpoint
from gkcli.recurrence import Cadence, checkpoint_findings, periods, repeated_keys

D = dt.date


def test_monthly_is_due_at_each_month_end() -> None:
    found = periods(Checkpoint(text="月自查", cadence=Cadence.MONTHLY), 2024)
    assert len(found) == 12
    assert [period.due for period in found[:3]] == [D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31)]
    assert found[2].start == D(2024, 3, 1)
    assert found[2].key == "monthly:2024-03"
    assert found[2].label == "月自查（2024年3月）"
    assert found[-1].due == D(2024, 12, 31)


def test_quarterly_is_due_at_each_quarter_end() -> None:
    found = periods(Checkpoint(text="季督查", cadence=Cadence.QUARTERLY), 2024)
    assert [period.due for period in found] == [D(2024, 3, 31), D(2024, 6, 30), D(2024, 9, 30), D(2024, 12, 31)]
    assert [period.start for period in found] == [D(2024, 1, 1), D(2024, 4, 1), D(2024, 7, 1), D(2024, 10, 1)]
    assert [period.key for period in found] == ["quarterly:2024-Q1", "quarterly:2024-Q2", "quarterly:2024-Q3", "quarterly:2024-Q4"]
    assert found[1].label == "季督查（2024年第2季度）"


def test_biweekly_covers_complete_fourteen_day_periods_from_january_first() -> None:
    found = periods(Checkpoint(text="避免2周内信息不更新情况发生", cadence=Cadence.BIWEEKLY, name="信息更新"), 2024)
    assert len(found) == 26
    assert (found[0].start, found[0].due) == (D(2024, 1, 1), D(2024, 1, 14))
    assert (found[1].start, found[1].due) == (D(2024, 1, 15), D(2024, 1, 28))
    assert all((period.due - period.start).days == 13 for period in found)
    assert all(later.start - earlier.due == dt.timedelta(days=1) for earlier, later in itertools.pairwise(found))
    assert found[-1].due == D(2024, 12, 29)  # 30–31 December is less than two weeks
    assert found[0].key == "biweekly:2024-01-01"
    assert found[0].label == "信息更新（1月1日至1月14日）"


def test_biweekly_may_start_later() -> None:
    found = periods(Checkpoint(text="x", cadence=Cadence.BIWEEKLY, start=D(2024, 12, 1)), 2024)
    assert [(period.start, period.due) for period in found] == [(D(2024, 12, 1), D(2024, 12, 14)), (D(2024, 12, 15), D(2024, 12, 28))]


def test_window_is_one_occurrence_due_at_its_end() -> None:
    checkpoint = Checkpoint(text="7月-8月集中组织开展线上线下开放活动", cadence=Cadence.WINDOW, start=D(2024, 7, 1), due=D(2024, 8, 31))
    (only,) = periods(checkpoint, 2024)
    assert (only.start, only.due, only.key) == (D(2024, 7, 1), D(2024, 8, 31), "window:2024-07-01")
    assert only.label == "7月-8月集中组织开展线上线下开放活动（7月1日至8月31日）"


def test_yearly_is_due_at_year_end() -> None:
    (only,) = periods(Checkpoint(text="年内至少听取1次政务公开工作汇报", cadence=Cadence.YEARLY, name="听取汇报"), 2025)
    assert (only.start, only.due, only.key, only.label) == (D(2025, 1, 1), D(2025, 12, 31), "yearly:2025", "听取汇报（2025年）")


CONTENT = "继续推行政务公开月自查、季督查工作机制。"


def findings(checkpoint: Checkpoint) -> list[tuple[tuple[str, ...], str]]:
    return list(checkpoint_findings(checkpoint, CONTENT, 2024))


def test_a_verbatim_fragment_has_no_findings() -> None:
    assert findings(Checkpoint(text="月自查", cadence=Cadence.MONTHLY)) == []


def test_text_must_be_in_the_content() -> None:
    ((where, message),) = findings(Checkpoint(text="月度自查", cadence=Cadence.MONTHLY))
    assert where == ("text",)
    assert "“月度自查”不在任务内容中" in message


@pytest.mark.parametrize(
    ("checkpoint", "where", "expected"),
    [
        (Checkpoint(text="月自查", cadence=Cadence.WINDOW, start=D(2024, 7, 1)), (), "必须写明 due"),
        (Checkpoint(text="月自查", cadence=Cadence.MONTHLY, due=D(2024, 7, 1)), ("due",), "不使用 due"),
        (Checkpoint(text="月自查", cadence=Cadence.BIWEEKLY, start=D(2023, 7, 1)), ("start",), "不在清单年度 2024 年内"),
        (Checkpoint(text="月自查", cadence=Cadence.WINDOW, start=D(2024, 9, 1), due=D(2024, 8, 31)), ("start",), "晚于 due"),
    ],
)
def test_date_fields_fit_the_cadence(checkpoint: Checkpoint, where: tuple[str, ...], expected: str) -> None:
    ((found_where, message),) = findings(checkpoint)
    assert found_where == where
    assert expected in message


def test_two_checkpoints_with_the_same_dates_clash() -> None:
    monthly = Checkpoint(text="月自查", cadence=Cadence.MONTHLY)
    quarterly = Checkpoint(text="季督查", cadence=Cadence.QUARTERLY)
    assert list(repeated_keys([monthly, quarterly], 2024)) == []
    assert list(repeated_keys([monthly, quarterly, monthly], 2024)) == [(2, 0)]
