"""The ledger's reading of history, and the rules every record obeys."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from gkcli.data import load_data
from gkcli.load import load_text
from gkcli.model import Event, ProgressRecord
from gkcli.progress import Ledger, check_progress
from gkcli.progress_rules import history_problem
from tests.conftest import DATA

D = dt.date


def rec(task: int, event: str, day: str, occurrence: str | None = None, **extra: Any) -> ProgressRecord:
    fields = {"task": task, "event": event, "date": D.fromisoformat(day), "recorded_at": "2024-07-01T09:00:00+08:00", "recorded_by": "测试"}
    return ProgressRecord.model_validate(fields | ({"occurrence": occurrence} if occurrence else {}) | extra)


def test_done_counts_from_its_own_date() -> None:
    ledger = Ledger()
    ledger.add("renshe", [rec(3, "done", "2024-07-01")])
    assert ledger.done_on(3, "renshe", D(2024, 6, 30)) is None
    assert ledger.done_on(3, "renshe", D(2024, 7, 1)) == D(2024, 7, 1)
    assert ledger.done_on(3, "renshe", D(2024, 7, 2)) == D(2024, 7, 1)
    assert ledger.done_on(3, "zhengshuju", D(2024, 7, 2)) is None
    assert ledger.done_on(4, "renshe", D(2024, 7, 2)) is None


def test_reopen_and_done_again_follow_the_dates() -> None:
    ledger = Ledger()
    ledger.add(
        "renshe",
        [
            rec(3, "start", "2024-06-01"),
            rec(3, "done", "2024-07-01"),
            rec(3, "reopen", "2024-07-10", note="退回"),
            rec(3, "done", "2024-07-20"),
        ],
    )
    states = {
        day: ledger.latest(3, "renshe", D.fromisoformat(day))
        for day in ("2024-05-31", "2024-06-15", "2024-07-05", "2024-07-15", "2024-07-25")
    }
    assert {day: record.event.value if record else None for day, record in states.items()} == {
        "2024-05-31": None,
        "2024-06-15": "start",
        "2024-07-05": "done",
        "2024-07-15": "reopen",
        "2024-07-25": "done",
    }
    assert ledger.done_on(3, "renshe", D(2024, 7, 25)) == D(2024, 7, 20)
    assert len(ledger.history(3, "renshe")) == 4


def test_occurrences_are_tracked_apart_from_the_task() -> None:
    ledger = Ledger()
    ledger.add("renshe", [rec(8, "done", "2024-04-01", "monthly:2024-03")])
    assert ledger.done_on(8, "renshe", D(2024, 4, 2), "monthly:2024-03") == D(2024, 4, 1)
    assert ledger.done_on(8, "renshe", D(2024, 4, 2)) is None
    assert ledger.done_on(8, "renshe", D(2024, 4, 2), "monthly:2024-04") is None


@pytest.mark.parametrize(
    ("history", "event", "day", "expected"),
    [
        ([], "start", "2024-06-01", None),
        ([], "done", "2024-06-01", None),
        ([], "reopen", "2024-06-01", ("event", "尚未完成（销号），无需重新打开")),
        (["start"], "done", "2024-06-01", None),
        (["start"], "start", "2024-06-02", ("event", "已于 2024-06-01 开始办理，无需重复记录")),
        (["done"], "reopen", "2024-06-01", None),
        (["done"], "start", "2024-06-02", ("event", "已于 2024-06-01 完成（销号）；如需更正或重新办理，请先记录 reopen（gk reopen）")),
        (["done", "reopen"], "done", "2024-06-01", None),
        (["done", "reopen"], "start", "2024-06-01", None),
        (["start"], "done", "2024-05-31", ("date", "日期 2024-05-31 早于上一条记录的日期 2024-06-01（同一事项的记录须按日期先后追加）")),
    ],
)
def test_history_rules(history: list[str], event: str, day: str, expected: tuple[str, str] | None) -> None:
    earlier = [rec(3, name, "2024-06-01", note="x") for name in history]
    assert history_problem(earlier, Event(event), D.fromisoformat(day)) == expected


def test_a_hand_written_file_with_comments_is_valid() -> None:
    data = load_data(DATA)
    text = (
        "# 市人社局\n"
        "unit: renshe\n"
        "records:\n"
        "  - {task: 3, event: start, date: 2024-06-01, recorded_at: '2024-06-01T09:00:00+08:00', recorded_by: 李四}  # 流式写法也可以\n"
        "  - task: 8\n"
        "    event: done\n"
        "    date: 2024-07-01\n"
        "    recorded_at: '2024-07-01T09:00:00+08:00'\n"
        "    recorded_by: 李四\n"
    )
    parsed, problems = check_progress(load_text(text, "renshe.yaml"), "renshe", data.directory, data.register)
    assert problems == []
    assert parsed is not None and [record.task for record in parsed.records or []] == [3, 8]


def test_an_empty_record_list_is_valid() -> None:
    data = load_data(DATA)
    for text in ("unit: renshe\nrecords: []\n", "unit: renshe\nrecords:\n"):
        _, problems = check_progress(load_text(text, "renshe.yaml"), "renshe", data.directory, data.register)
        assert problems == []
