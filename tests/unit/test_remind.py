"""Digests: which items a unit hears about as of a day, and in which section."""

from __future__ import annotations

import datetime as dt

import pytest

from gkcli.agenda import Occurrence
from gkcli.data import Data, load_data
from gkcli.obligations import Duty
from gkcli.remind import Section, build_digests, period_key
from gkcli.tracking import Tracking
from gkcli.views.remind import digest_json, short_text
from tests.conftest import DATA


@pytest.fixture(scope="module")
def data() -> Data:
    return load_data(DATA)


def ids(digest_sections: dict[Section, list[object]], section: Section) -> list[int]:
    return [item.duty.task.id for item in digest_sections[section]]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("day", "period"),
    [(dt.date(2024, 6, 5), "2024-W23"), (dt.date(2024, 12, 30), "2025-W01"), (dt.date(2021, 1, 3), "2020-W53")],
)
def test_period_is_the_iso_week(day: dt.date, period: str) -> None:
    assert period_key(day) == period


def test_year_end_overdue_and_nothing_later(data: Data) -> None:
    [digest] = build_digests(data, Tracking(), dt.date(2024, 12, 20), 7, unit="市政府办")
    assert ids(digest.sections, Section.OVERDUE) == [38, 62]
    assert ids(digest.sections, Section.YEAR_END) == [12, 25, 26, 30, 31, 37, 50, 51, 52]
    assert digest.sections[Section.DUE_SOON] == []  # the Dec 31 tasks are 11 days away, beyond 7
    assert digest.period == "2024-W51"


def test_all_year_tasks_join_from_thirty_days_before_year_end(data: Data) -> None:
    before = build_digests(data, Tracking(), dt.date(2024, 11, 30), 7, unit="市政府办")[0]
    first_day = build_digests(data, Tracking(), dt.date(2024, 12, 1), 7, unit="市政府办")[0]
    assert before.sections[Section.YEAR_END] == []
    assert len(first_day.sections[Section.YEAR_END]) == 9


def test_the_window_decides_what_is_due_soon(data: Data) -> None:
    week = build_digests(data, Tracking(), dt.date(2024, 8, 25), 7, unit="市政府办")[0]
    five_days = build_digests(data, Tracking(), dt.date(2024, 8, 25), 5, unit="市政府办", include_empty=True)[0]
    assert ids(week.sections, Section.DUE_SOON) == [38]
    assert five_days.empty
    assert build_digests(data, Tracking(), dt.date(2024, 8, 25), 5, unit="市政府办") == []


def test_units_with_nothing_to_report_are_left_out_unless_asked(data: Data) -> None:
    day = dt.date(2024, 8, 25)
    reported = [digest.party for digest in build_digests(data, Tracking(), day, 7)]
    everyone = build_digests(data, Tracking(), day, 7, include_empty=True)
    assert "zhengfuban" in reported and "shiweiban" not in reported
    assert len(everyone) > len(reported)
    assert next(digest for digest in everyone if digest.party == "shiweiban").empty


class DoneTask38:
    def done_on(self, task_id: int, party: str, as_of: dt.date, key: str | None = None) -> dt.date | None:
        return dt.date(2024, 8, 30) if task_id == 38 and key is None else None


def monthly_checkpoints(duties: list[Duty]) -> list[tuple[Duty, Occurrence]]:
    """What the schedule module will provide: dated occurrences with a key and a label."""
    return [
        (duty, Occurrence(dt.date(2024, 12, month_day), key=f"check:{month_day}", label=f"自查（12月{month_day}日）"))
        for duty in duties
        if duty.task.id == 12
        for month_day in (10, 24, 31)
    ]


def test_progress_and_extra_occurrences_flow_in(data: Data) -> None:
    tracking = Tracking(progress=DoneTask38(), more=monthly_checkpoints)
    [digest] = build_digests(data, tracking, dt.date(2024, 12, 20), 7, unit="市政府办")
    assert ids(digest.sections, Section.OVERDUE) == [62, 12]  # 38 is done; the Dec 10 checkpoint is late
    assert [item.occurrence.key for item in digest.sections[Section.OVERDUE]] == [None, "check:10"]
    assert [item.occurrence.label for item in digest.sections[Section.CHECKPOINTS]] == ["自查（12月24日）"]


def test_digest_json_counts_and_first_line(data: Data) -> None:
    [digest] = build_digests(data, Tracking(), dt.date(2024, 12, 20), 7, unit="市政数局")
    entry = digest_json(digest, data)
    assert entry["subject"] == "【政务公开提醒】市政数局（2024-W51）：共 11 项——逾期 2，全年任务待收尾 9"
    assert entry["counts"] == {"overdue": 2, "due_soon": 0, "checkpoints": 0, "year_end": 9, "total": 11}
    assert [item["section"] for item in entry["items"]] == ["overdue"] * 2 + ["year_end"] * 9
    assert entry["items"][0]["summary"] == "开展政府开放月活动。…"


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("依法依规公开行政执法信息。", "依法依规公开行政执法信息。"),
        ("开展政府开放月活动。各乡镇人民政府、街道办事处、开发区，市政府相关部门（单位）7月-8月集中组织开展", "开展政府开放月活动。…"),
        ("一二三四五六七八九十" * 5, "一二三四五六七八九十" * 3 + "一二三四五六七八九…"),
        ("短。" + "长" * 50, "短。" + "长" * 37 + "…"),
    ],
)
def test_short_text(text: str, short: str) -> None:
    assert short_text(text) == short
    assert len(short_text(text)) <= 40
