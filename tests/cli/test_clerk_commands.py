"""The clerk's commands end to end: unit resolution, formats, exit codes, golden outputs."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from tests.conftest import DATA, gk

GOLDEN = Path(__file__).parent / "golden"
AS_OF = "2024-06-01"


def check_golden(name: str, text: str) -> None:
    """Compare with tests/cli/golden/NAME; GK_UPDATE_GOLDEN=1 rewrites the file."""
    path = GOLDEN / name
    if os.environ.get("GK_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"output differs from {path}; GK_UPDATE_GOLDEN=1 to accept"


def due_json(*args: str) -> list[dict]:
    return json.loads(gk("due", "--data", str(DATA), "--as-of", AS_OF, "--format", "json", *args).stdout)


@pytest.mark.parametrize("unit", ["市政数局", "zhengshuju", " 市政数局 ", "市政数局\u200b"])
def test_unit_by_name_id_or_with_invisible_characters(unit: str) -> None:
    items = due_json("--unit", unit)
    assert {item["unit"] for item in items} == {"市政数局"}


def test_data_bureau_owes_lead_named_and_group_tasks() -> None:
    roles = {item["id"]: item["role"] for item in due_json("--unit", "市政数局")}
    assert all(roles[task] == "lead" for task in (3, 4, 6, 39))
    assert all(roles[task] == "named" for task in range(56, 62))
    assert roles[1] == "group"
    assert 53 not in roles and 14 not in roles
    assert 8 not in roles  # related only


def test_include_related_and_role_filter() -> None:
    related = {item["id"]: item["role"] for item in due_json("--unit", "市政数局", "--include-related")}
    assert related[8] == "related"
    leads = {item["id"] for item in due_json("--unit", "市政数局", "--role", "lead")}
    assert leads == {3, 4, 6, 39, 55, 69, 72, 73}


def test_half_width_brackets_resolve_to_the_group() -> None:
    items = due_json("--unit", "市政府各相关部门(单位)")
    assert {item["unit"] for item in items} == {"市政府各相关部门（单位）"}
    assert 1 in {item["id"] for item in items}


def test_group_lists_what_it_owes() -> None:
    ids = {item["id"] for item in due_json("--unit", "各乡镇人民政府")}
    assert {53, 54} <= ids
    assert 40 not in ids


def test_unknown_unit_is_a_usage_error_with_suggestion() -> None:
    run = gk("due", "--data", str(DATA), "--unit", "市政数据局", code=2)
    assert "未知单位“市政数据局”" in run.stderr
    assert "您是不是要找：市政数局" in run.stderr


def test_json_items_have_the_documented_keys() -> None:
    item = next(item for item in due_json("--unit", "市政数局") if item["occurrence"] is None)
    assert {"id", "unit", "role", "due", "days_left", "light", "status", "deadline"} <= set(item)
    assert item["deadline"] == {"text": "2024年8月底前", "kind": "date"}
    assert (item["id"], item["due"], item["days_left"], item["light"]) == (38, "2024-08-31", 91, "green")


def test_within_window_and_lights() -> None:
    items = json.loads(gk("due", "--data", str(DATA), "-u", "市政数局", "--as-of", "2024-08-20", "--within", "2w", "-f", "json").stdout)
    tasks = [(item["id"], item["light"], item["days_left"]) for item in items if item["occurrence"] is None]
    assert tasks == [(38, "yellow", 11)]
    assert {item["light"] for item in items} == {"red", "yellow"}  # missed checkpoint periods are overdue


def test_without_unit_lists_every_party() -> None:
    units = {item["unit"] for item in due_json()}
    assert {"市政数局", "市税务局", "各乡镇人民政府", "街道办事处", "市人民法院"} <= units
    assert "市政府各相关部门（单位）" not in units  # shown through its members


def test_overdue_grouped_with_counts_and_fail_if_any() -> None:
    args = ("overdue", "--data", str(DATA), "--as-of", "2024-10-08")
    run = gk(*args, "--unit", "市政数局", "--fail-if-any", code=1)
    mine = json.loads(gk(*args, "--unit", "市政数局", "-f", "json").stdout)
    assert f"逾期共 {len(mine)} 项：市政数局 {len(mine)} 项" in run.stdout
    md = gk(*args, "--unit", "市政数局", "-f", "md").stdout
    assert "【月自查（2024年9月）等 9 期未完成（最早截止 2024-01-31）】" in md  # missed periods folded for people
    assert md.count("【月自查") == 1
    assert len([item for item in mine if (item["occurrence"] or "").startswith("monthly:")]) == 9  # JSON keeps each
    gk("overdue", "--data", str(DATA), "--unit", "市人民法院", "--as-of", "2024-06-01", "--fail-if-any", code=0)
    items = json.loads(gk(*args, "-f", "json").stdout)
    assert {item["id"] for item in items if item["occurrence"] is None} == {38, 62}
    assert all(item["light"] == "red" for item in items)


def test_show_resolves_units_and_deadline() -> None:
    run = gk("show", "20", "--data", str(DATA), "--as-of", AS_OF)
    assert "市政府办（市政府部门（单位））" in run.stdout
    assert "驻市中省直有关部门（单位）（单位组：市税务局）" in run.stdout
    assert "20个工作日" in run.stdout
    detail = json.loads(gk("show", "74", "--data", str(DATA), "-f", "json").stdout)
    assert detail["deadline"]["kind"] == "after_publication" and detail["deadline"]["due"] is None
    assert gk("show", "99", "--data", str(DATA), code=2).stderr.startswith("错误：没有序号为 99 的任务")


def test_tasks_search_category_unit_and_kind() -> None:
    tasks = json.loads(gk("tasks", "--data", str(DATA), "-f", "json").stdout)
    assert len(tasks) == 74
    assert {"id", "category", "category_name", "content", "units_text", "lead", "units", "deadline"} <= set(tasks[0])
    assert tasks[0]["deadline"] == {
        "text": "2024年12月底前",
        "kind": "date",
        "due": "2024-12-31",
        "start": None,
        "days": None,
        "day_type": None,
        "event": None,
    }
    found = json.loads(gk("tasks", "--data", str(DATA), "-s", "市税务局", "-f", "json").stdout)
    assert [task["id"] for task in found] == [14]
    in_category = json.loads(gk("tasks", "--data", str(DATA), "-c", "10", "-f", "json").stdout)
    assert [task["id"] for task in in_category] == [53, 54]
    all_year = json.loads(gk("tasks", "--data", str(DATA), "--deadline-kind", "all_year", "-f", "json").stdout)
    assert {task["id"] for task in all_year} == {12, 14, 25, 26, 30, 31, 37, 50, 51, 52}
    owed = json.loads(gk("tasks", "--data", str(DATA), "--unit", "市人民法院", "-f", "json").stdout)
    assert [task["id"] for task in owed] == [21]
    gk("tasks", "--data", str(DATA), "-c", "15", code=2)


def test_units_counts_and_kinds() -> None:
    entries = {entry["name"]: entry for entry in json.loads(gk("units", "--data", str(DATA), "-f", "json").stdout)}
    assert entries["市人民法院"]["kind"] == "court" and entries["市人民法院"]["lead"] == 1
    assert entries["市税务局"]["groups"] == ["驻市中省直有关部门（单位）"]
    assert "市委办" not in entries["市政府各相关部门（单位）"]["members"]
    assert entries["各乡镇人民政府"]["members"] == []
    groups = json.loads(gk("units", "--data", str(DATA), "--kind", "group", "-f", "json").stdout)
    assert all(entry["kind"] == "group" for entry in groups)


def test_checklist_formats() -> None:
    text = gk("checklist", "--data", str(DATA), "-u", "市人民法院", "--as-of", AS_OF).stdout
    assert "二、依法规范答复信息公开申请，保障答复质效和办理时限" in text and "☐ 21." in text
    md = gk("checklist", "--data", str(DATA), "-u", "各乡镇人民政府", "-c", "10", "--as-of", AS_OF, "-f", "md").stdout
    assert md.count("- [ ] ") == 2


def test_csv_has_bom_and_one_header_row() -> None:
    out = gk("due", "--data", str(DATA), "-u", "市政数局", "--as-of", AS_OF, "-f", "csv").stdout
    assert out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"))))
    assert rows[0][:3] == ["状态", "序号", "角色"]
    assert len(rows) == 1 + len(due_json("--unit", "市政数局"))


def test_table_output_is_plain_text_when_not_a_terminal() -> None:
    out = gk("due", "--data", str(DATA), "-u", "市政数局", "--as-of", AS_OF).stdout
    assert "\x1b[" not in out
    assert "市政数局：应办事项（截至 2024-06-01）" in out


def test_table_prints_brackets_in_data_literally(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tasks = data_copy / "tasks-2024.yaml"
    tasks.write_text(tasks.read_text(encoding="utf-8").replace("及时转发省、市", "及时转发[red]省、市[/]"), encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "400")  # one line per row
    out = gk("due", "--data", str(data_copy), "-u", "市政数局", "--as-of", AS_OF).stdout
    assert "及时转发[red]省、市[/]提供的信息" in out


def test_bad_as_of_is_a_usage_error() -> None:
    assert "YYYY-MM-DD" in gk("due", "--data", str(DATA), "--as-of", "2024-13-01", code=2).stderr


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "md"])
def test_due_golden(fmt: str) -> None:
    out = gk("due", "--data", str(DATA), "-u", "市政数局", "--as-of", AS_OF, "-f", fmt).stdout
    check_golden(f"due-zhengshuju.{fmt}", out)


@pytest.mark.parametrize("fmt", ["table", "md"])
def test_checklist_golden(fmt: str) -> None:
    out = gk("checklist", "--data", str(DATA), "-u", "市税务局", "--as-of", AS_OF, "-f", fmt).stdout
    check_golden(f"checklist-shuiwu.{fmt}", out)
