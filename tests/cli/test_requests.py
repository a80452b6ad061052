"""gk request: recording applications, their files, and their deadlines in gk due / gk overdue."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

import pytest
import yaml

from gkcli.data import load_data
from gkcli.disclosure import actions
from tests.conftest import gk


@pytest.fixture
def data(data_copy: Path) -> str:
    return str(data_copy)


def unit_file(data: str, unit: str = "zhengfuban") -> Path:
    return Path(data) / "requests" / "2024" / f"{unit}.yaml"


def listed(data: str, *args: str) -> list[dict]:
    return json.loads(gk("request", "list", "--data", data, "--format", "json", *args).stdout)


def test_add_records_the_request_and_prints_its_deadline(data: str) -> None:
    run = gk("request", "add", "--data", data, "--unit", "市政府办", "--received", "2024-09-27", "--title", "关于某文件的申请")
    assert run.stdout == "已登记。申请 zhengfuban-001“关于某文件的申请”（市政府办）：答复期限 2024-10-30（自 2024-09-27 起20个工作日）\n"
    stored = yaml.safe_load(unit_file(data).read_text(encoding="utf-8"))
    assert stored == {"requests": [{"id": "zhengfuban-001", "title": "关于某文件的申请", "received": dt.date(2024, 9, 27)}]}
    gk("validate", data)


def test_ids_are_numbered_per_unit_and_may_be_given(data: str) -> None:
    gk("request", "add", "--data", data, "--unit", "市政府办", "--received", "2024-02-05")
    gk("request", "add", "--data", data, "--unit", "zhengfuban", "--received", "2024-02-06")
    gk("request", "add", "--data", data, "--unit", "市政数局", "--received", "2024-02-07", "--id", "SZ-2024.7")
    assert [entry["id"] for entry in listed(data)] == ["zhengfuban-001", "zhengfuban-002", "SZ-2024.7"]
    run = gk("request", "add", "--data", data, "--unit", "市政数局", "--received", "2024-02-07", "--id", "SZ-2024.7", code=2)
    assert "已被使用" in run.stderr
    run = gk("request", "add", "--data", data, "--unit", "市政数局", "--received", "2024-02-07", "--id", "申请 1", code=2)
    assert "申请编号“申请 1”无效" in run.stderr


def test_a_unit_that_does_not_owe_task_20_is_refused(data: str) -> None:
    run = gk("request", "add", "--data", data, "--unit", "市委办", "--received", "2024-02-05", code=2)
    assert "市委办不承担任务 20" in run.stderr
    assert not unit_file(data, "shiweiban").exists()


def test_extension_and_its_refusal(data: str) -> None:
    gk("request", "add", "--data", data, "--unit", "市政府办", "--received", "2024-09-27")
    run = gk("request", "extend", "zhengfuban-001", "--data", data, "--on", "2024-10-25")
    assert "答复期限 2024-11-27（自 2024-09-27 起40个工作日；2024-10-25 决定延期20个工作日）" in run.stdout
    run = gk("request", "extend", "zhengfuban-001", "--data", data, "--on", "2024-10-26", code=2)
    assert "条例第三十三条只允许延长一次" in run.stderr


def test_supplement_pauses_then_restarts_the_count(data: str) -> None:
    gk("request", "add", "--data", data, "--unit", "市政府办", "--received", "2024-09-27")
    run = gk("request", "supplement", "zhengfuban-001", "--data", data, "--on", "2024-09-29")
    assert "已于 2024-09-29 告知申请人补正" in run.stdout
    assert listed(data, "--as-of", "2024-10-08")[0]["status"] == "waiting"
    run = gk("request", "supplement", "zhengfuban-001", "--data", data, "--received", "2024-10-14")
    assert "答复期限 2024-11-11（自 2024-10-14 起20个工作日；2024-10-14 收到补正，重新计算）" in run.stdout


def test_consultation_time_is_not_counted(data: str) -> None:
    gk("request", "add", "--data", data, "--unit", "市政府办", "--received", "2024-02-05")
    run = gk("request", "consult", "zhengfuban-001", "--data", data, "--from", "2024-02-20")
    assert "所需时间不计入期限" in run.stdout
    run = gk("request", "consult", "zhengfuban-001", "--data", data, "--to", "2024-02-22")
    assert "答复期限 2024-03-13" in run.stdout
    assert "征求意见不计 3 个工作日" in run.stdout


def test_requests_appear_in_due_and_overdue_for_the_handling_unit_only(data: str) -> None:
    gk("request", "add", "--data", data, "--unit", "市政府办", "--received", "2024-09-27", "--title", "甲")
    due = json.loads(gk("due", "--data", data, "--unit", "市政府办", "--as-of", "2024-10-20", "-f", "json").stdout)
    (item,) = [entry for entry in due if entry["occurrence"] == "request:zhengfuban-001"]
    assert (item["id"], item["due"], item["days_left"], item["label"]) == (20, "2024-10-30", 10, "依申请公开 zhengfuban-001：甲")
    other = json.loads(gk("due", "--data", data, "--unit", "市政数局", "--as-of", "2024-10-20", "-f", "json").stdout)
    assert not [entry for entry in other if (entry["occurrence"] or "").startswith("request:")]
    late = json.loads(gk("overdue", "--data", data, "--as-of", "2024-10-31", "-f", "json").stdout)
    assert [(entry["unit_id"], entry["occurrence"]) for entry in late if entry["id"] == 20] == [("zhengfuban", "request:zhengfuban-001")]


def test_an_answered_request_is_done(data: str) -> None:
    gk("request", "add", "--data", data, "--unit", "市政府办", "--received", "2024-09-27")
    run = gk("request", "answer", "zhengfuban-001", "--data", data, "--on", "2024-10-28")
    assert "已于 2024-10-28 答复，按期" in run.stdout
    late = json.loads(gk("overdue", "--data", data, "--as-of", "2024-11-30", "-f", "json").stdout)
    assert not [entry for entry in late if entry["id"] == 20]
    before = listed(data, "--as-of", "2024-10-27")[0]
    assert (before["status"], before["days_left"]) == ("open", 3)
    after = listed(data, "--as-of", "2024-10-28")[0]
    assert (after["status"], after["answered"], after["on_time"]) == ("answered", "2024-10-28", True)


def test_list_filters_by_unit_and_shows_a_table(data: str) -> None:
    gk("request", "add", "--data", data, "--unit", "市政府办", "--received", "2024-09-27")
    gk("request", "add", "--data", data, "--unit", "市政数局", "--received", "2024-10-08")
    assert [entry["unit_id"] for entry in listed(data, "--unit", "市政数局", "--as-of", "2024-10-10")] == ["zhengshuju"]
    table = gk("request", "list", "--data", data, "--as-of", "2024-10-31").stdout
    assert "zhengfuban-001" in table
    assert "逾期 1 天" in table
    assert "共 2 件：办理中 1，已逾期 1" in table


def test_an_unknown_id_suggests_close_ones(data: str) -> None:
    gk("request", "add", "--data", data, "--unit", "市政府办", "--received", "2024-09-27")
    run = gk("request", "answer", "zhengfuban-01", "--data", data, "--on", "2024-10-28", code=2)
    assert "您是不是要找：zhengfuban-001" in run.stderr


def test_writes_keep_other_requests_and_the_header(data: str) -> None:
    gk("request", "add", "--data", data, "--unit", "市政府办", "--received", "2024-02-05")
    path = unit_file(data)
    path.write_text("# 手工加的说明\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    gk("request", "add", "--data", data, "--unit", "市政府办", "--received", "2024-03-01")
    gk("request", "answer", "zhengfuban-001", "--data", data, "--on", "2024-02-20")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 手工加的说明\n")
    assert [request["id"] for request in yaml.safe_load(text)["requests"]] == ["zhengfuban-001", "zhengfuban-002"]
    assert path.stat().st_mode & 0o777 != 0o600


def test_an_invalid_file_is_never_overwritten(data: str) -> None:
    gk("request", "add", "--data", data, "--unit", "市政府办", "--received", "2024-02-05")
    path = unit_file(data)
    broken = path.read_text(encoding="utf-8").replace("received: 2024-02-05", "received: 2024-02-05\n    recieved: 2024-02-06")
    path.write_text(broken, encoding="utf-8")
    run = gk("request", "answer", "zhengfuban-001", "--data", data, "--on", "2024-02-20", code=1)
    line = broken.splitlines().index("    recieved: 2024-02-06") + 1
    assert f"zhengfuban.yaml:{line}:5: 申请 zhengfuban-001：未知字段“recieved”" in run.stderr
    assert path.read_text(encoding="utf-8") == broken


def test_validate_points_at_bad_dates_in_request_files(data: str) -> None:
    path = unit_file(data)
    path.parent.mkdir(parents=True)
    path.write_text(
        "requests:\n  - id: a\n    received: 2024-03-01\n    answered: 2024-02-01\n  - id: a\n    received: 2023-12-30\n", encoding="utf-8"
    )
    run = gk("validate", data, code=1)
    assert "zhengfuban.yaml:4:5: 申请 a：答复之日 2024-02-01 早于收到申请之日 2024-03-01" in run.stdout
    assert "zhengfuban.yaml:6:5: 申请 a：收到日期 2023-12-30 不在 2024 年" in run.stdout
    assert "zhengfuban.yaml:5:5: 申请编号“a”重复" in run.stdout
    single = gk("validate", str(path), code=1)
    assert "发现 3 个问题" in single.stdout


def test_validate_refuses_a_file_of_a_unit_that_does_not_owe_task_20(data: str) -> None:
    path = unit_file(data, "fayuan")
    path.parent.mkdir(parents=True)
    path.write_text("requests:\n  - id: f1\n    received: 2024-03-01\n", encoding="utf-8")
    assert "市人民法院不承担任务 20" in gk("validate", data, code=1).stdout
    assert "市人民法院不承担任务 20" in gk("due", "--data", data, code=1).stderr


def test_concurrent_adds_lose_nothing(data_copy: Path) -> None:
    loaded = load_data(data_copy)
    errors: list[BaseException] = []

    def add(day: int) -> None:
        try:
            actions.add(loaded, "市政府办", dt.date(2024, 3, day))
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=add, args=(day,)) for day in range(1, 9)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    stored = yaml.safe_load(unit_file(str(data_copy)).read_text(encoding="utf-8"))["requests"]
    assert sorted(request["id"] for request in stored) == [f"zhengfuban-{number:03d}" for number in range(1, 9)]


def test_validate_reports_requests_of_a_year_without_a_register(data: str) -> None:
    path = Path(data) / "requests" / "2023" / "zhengfuban.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("requests:\n  - id: old\n    received: 2023-03-01\n", encoding="utf-8")
    assert "没有 2023 年的任务清单（tasks-2023.yaml），无法核对这些申请" in gk("validate", data, code=1).stdout
