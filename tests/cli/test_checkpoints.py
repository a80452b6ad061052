"""Recurring checkpoints of the bundled register in gk due / gk overdue / gk validate."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from gkcli.agenda import Status, agenda
from gkcli.data import load_data
from gkcli.queries import duties_for
from gkcli.tracking import load_tracking
from tests.conftest import DATA, gk


def due_json(*args: str) -> list[dict]:
    return json.loads(gk("due", "--format", "json", *args).stdout)


def test_each_cadence_of_the_register_appears_as_dated_items() -> None:
    items = due_json("--unit", "市政数局", "--as-of", "2024-01-01", "--include-future")
    keys = {(item["id"], item["occurrence"]) for item in items}
    assert (70, "monthly:2024-03") in keys
    assert (70, "quarterly:2024-Q1") in keys
    assert (55, "quarterly:2024-Q4") in keys
    assert (60, "biweekly:2024-01-15") in keys
    assert (38, "window:2024-07-01") in keys
    assert (64, "yearly:2024") in keys
    march = next(item for item in items if item["occurrence"] == "monthly:2024-03")
    assert march["due"] == "2024-03-31"
    assert march["label"] == "月自查（2024年3月）"
    assert sum(1 for item in items if item["id"] == 70 and item["occurrence"]) == 16


def test_the_window_is_due_at_its_end() -> None:
    items = due_json("--unit", "市政数局", "--as-of", "2024-08-20", "--within", "30d")
    window = next(item for item in items if item["occurrence"] == "window:2024-07-01")
    assert (window["due"], window["days_left"], window["light"]) == ("2024-08-31", 11, "yellow")
    assert window["label"] == "政府开放月活动（7月1日至8月31日）"


def test_overdue_lists_each_missed_occurrence() -> None:
    run = gk("overdue", "--unit", "市政数局", "--as-of", "2024-02-01", "--format", "json")
    assert [(item["id"], item["occurrence"]) for item in json.loads(run.stdout)] == [
        (60, "biweekly:2024-01-01"),
        (60, "biweekly:2024-01-15"),
        (70, "monthly:2024-01"),
    ]
    table = gk("overdue", "--unit", "市政数局", "--as-of", "2024-02-01").stdout
    assert "【月自查（2024年1月）】" in table


def test_only_parties_of_the_task_get_its_checkpoints() -> None:
    items = due_json("--unit", "市委网信办", "--as-of", "2024-01-01")
    assert {item["id"] for item in items if item["occurrence"]} == {55}


class DoneInMarch:
    """Progress where only the March self-check of task 70 was done (on 2024-03-28)."""

    def done_on(self, task_id: int, party: str, as_of: dt.date, key: str | None = None) -> dt.date | None:
        done = dt.date(2024, 3, 28)
        return done if (task_id, key) == (70, "monthly:2024-03") and done <= as_of else None


def test_each_occurrence_is_completed_on_its_own() -> None:
    data = load_data(DATA)
    duties = [duty for duty in duties_for(data, "市政数局") if duty.task.id == 70]
    more = load_tracking(data).more(duties)
    items = agenda(duties, data.register, dt.date(2024, 4, 2), progress=DoneInMarch(), include_done=True, extra=more)
    states = {item.occurrence.key: item.status for item in items}
    assert states["monthly:2024-03"] is Status.DONE
    assert states["monthly:2024-02"] is Status.OPEN
    assert states["quarterly:2024-Q1"] is Status.OPEN
    assert states[None] is Status.OPEN


def test_validate_points_at_a_checkpoint_not_in_the_content(data_copy: Path) -> None:
    register = data_copy / "tasks-2024.yaml"
    text = register.read_text(encoding="utf-8")
    register.write_text(text.replace("      - text: 季督查\n", "      - text: 季度督查\n"), encoding="utf-8")
    line = next(number for number, row in enumerate(register.read_text(encoding="utf-8").splitlines(), 1) if "季度督查" in row)
    run = gk("validate", str(data_copy), code=1)
    assert f"tasks-2024.yaml:{line}:" in run.stdout
    assert "任务 70：周期性节点的出处“季度督查”不在任务内容中" in run.stdout


def test_validate_rejects_an_unknown_cadence(data_copy: Path) -> None:
    register = data_copy / "tasks-2024.yaml"
    register.write_text(register.read_text(encoding="utf-8").replace("cadence: yearly", "cadence: annually"), encoding="utf-8")
    run = gk("validate", str(data_copy), code=1)
    assert "“cadence”的取值“annually”无效" in run.stdout
