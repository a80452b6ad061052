"""gk calendar: an RFC 5545 file that parses back, with reminders and UIDs stable across exports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.conftest import gk


@pytest.fixture
def data(data_copy: Path) -> str:
    gk("request", "add", "--data", str(data_copy), "--unit", "市政数局", "--received", "2024-09-27", "--id", "sz-1", "--title", "测试申请")
    return str(data_copy)


def export(data: str, path: Path, *args: str) -> dict[str, dict]:
    """Export, parse the file back, and return its events by UID."""
    gk("calendar", "--data", data, "-o", str(path), *args)
    parsed = Calendar.from_ical(path.read_bytes())
    events = {}
    for event in parsed.walk("VEVENT"):
        alarms = event.walk("VALARM")
        events[str(event["UID"])] = {
            "start": event.decoded("DTSTART"),
            "end": event.decoded("DTEND"),
            "summary": str(event["SUMMARY"]),
            "description": str(event["DESCRIPTION"]),
            "triggers": [alarm.decoded("TRIGGER") for alarm in alarms],
        }
    assert len(events) == len(parsed.walk("VEVENT")), "UIDs must be unique"
    return events


def test_the_file_parses_back_with_every_dated_obligation(data: str, tmp_path: Path) -> None:
    events = export(data, tmp_path / "sz.ics", "--unit", "市政数局", "--as-of", "2024-01-01")
    due = json.loads(gk("due", "--data", data, "--unit", "市政数局", "--as-of", "2024-01-01", "--include-future", "-f", "json").stdout)
    assert len(events) == sum(1 for item in due if item["due"] is not None)
    march = events["gk-2024-task70-zhengshuju-monthly:2024-03@gkcli"]
    assert (march["start"], march["end"]) == (dt.date(2024, 3, 31), dt.date(2024, 4, 1))
    assert march["summary"] == "任务70 月自查（2024年3月）"
    assert march["triggers"] == [dt.timedelta(days=-3, hours=9)]  # 09:00 three days before
    assert "继续推行政务公开月自查、季督查工作机制。" in march["description"]
    window = events["gk-2024-task38-zhengshuju-window:2024-07-01@gkcli"]
    assert window["start"] == dt.date(2024, 8, 31)
    assert "期间：2024-07-01 至 2024-08-31" in window["description"]
    request = events["gk-2024-task20-zhengshuju-request:sz-1@gkcli"]
    assert (request["start"], request["summary"]) == (dt.date(2024, 10, 30), "任务20 依申请公开 sz-1：测试申请")
    own = events["gk-2024-task1-zhengshuju-deadline@gkcli"]
    assert own["summary"].startswith("任务1 依法依规建立形成主动公开事项目录")
    assert not [uid for uid in events if "task74" in uid]  # publication date unknown: no date, no event


def test_uids_are_stable_so_a_new_import_updates(data: str, tmp_path: Path) -> None:
    first = export(data, tmp_path / "a.ics", "--unit", "市政数局", "--as-of", "2024-03-01")
    gk("request", "add", "--data", data, "--unit", "市政数局", "--received", "2024-10-08", "--id", "sz-2")
    gk("request", "answer", "sz-1", "--data", data, "--on", "2024-10-20")
    second = export(data, tmp_path / "b.ics", "--unit", "市政数局", "--as-of", "2024-10-21")
    assert set(second) - set(first) == {"gk-2024-task20-zhengshuju-request:sz-2@gkcli"}
    assert set(first) <= set(second)
    assert all(first[uid]["start"] == second[uid]["start"] for uid in first)
    answered = second["gk-2024-task20-zhengshuju-request:sz-1@gkcli"]
    assert answered["summary"].startswith("（已完成）")
    assert answered["triggers"] == []
    assert second["gk-2024-task70-zhengshuju-monthly:2024-03@gkcli"]["triggers"] == []  # past: no stale reminder
    assert second["gk-2024-task70-zhengshuju-monthly:2024-12@gkcli"]["triggers"] == [dt.timedelta(days=-3, hours=9)]


def test_all_units_name_the_unit_and_reminders_can_be_moved(data: str, tmp_path: Path) -> None:
    events = export(data, tmp_path / "all.ics", "--as-of", "2024-01-01", "--remind-days", "0")
    request = events["gk-2024-task20-zhengshuju-request:sz-1@gkcli"]
    assert request["summary"] == "【市政数局】任务20 依申请公开 sz-1：测试申请"
    assert request["triggers"] == [dt.timedelta(hours=9)]
    assert events["gk-2024-task70-zhengfuban-monthly:2024-03@gkcli"]["summary"] == "【市政府办】任务70 月自查（2024年3月）"
    assert not [uid for uid in events if uid.startswith("gk-2024-task20-") and uid.endswith("-deadline@gkcli")]  # no date of its own


def test_standard_output_and_a_known_publication_date(data: str, tmp_path: Path) -> None:
    register = Path(data) / "tasks-2024.yaml"
    register.write_text(register.read_text(encoding="utf-8").replace("published: null", "published: 2024-03-15"), encoding="utf-8")
    run = gk("calendar", "--data", data, "--unit", "市政数局", "--as-of", "2024-03-20", "-o", "-")
    parsed = Calendar.from_ical(run.stdout)
    (event,) = [event for event in parsed.walk("VEVENT") if "task74" in str(event["UID"])]
    assert event.decoded("DTSTART") == dt.date(2024, 4, 14)


def test_an_unwritable_target_is_a_write_error(data: str, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("x", encoding="utf-8")
    run = gk("calendar", "--data", data, "--unit", "市政数局", "-o", str(blocked / "out.ics"), code=3)
    assert "无法写入" in run.stderr
