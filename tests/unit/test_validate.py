"""Validation of the register and units.yaml on plain text, without the CLI."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from gkcli.errors import UsageError
from gkcli.load import load_file, load_text
from gkcli.model import Category, Deadline, Register, Task, UnitsFile
from gkcli.schemaerrors import model_at
from gkcli.units import Directory
from gkcli.validate import check_paths, check_register, check_units
from tests.conftest import DATA, ROOT

MINIMAL = (ROOT / "tests" / "data" / "valid" / "tasks-minimal.yaml").read_text(encoding="utf-8")
UNITS = (ROOT / "tests" / "data" / "valid" / "units-minimal.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def directory() -> Directory:
    found, problems = check_units(load_file(DATA / "units.yaml"))
    assert found is not None and not problems
    return found


def register_problems(text: str, directory: Directory | None, name: str = "tasks-2024.yaml") -> list[str]:
    doc = load_text(text, name)
    _, problems = check_register(doc, directory)
    return [f"{p.line}: {p.message}" for p in sorted(doc.problems + problems)]


def units_problems(text: str) -> list[str]:
    doc = load_text(text, "units.yaml")
    _, problems = check_units(doc)
    return [f"{p.line}: {p.message}" for p in sorted(doc.problems + problems)]


def edit(old: str, new: str, text: str = MINIMAL) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def test_bundled_register_is_clean(directory: Directory) -> None:
    doc = load_file(DATA / "tasks-2024.yaml")
    register, problems = check_register(doc, directory)
    assert register is not None and len(register.tasks) == 74
    assert doc.problems + problems == []


def test_minimal_register_is_clean(directory: Directory) -> None:
    assert register_problems(MINIMAL, directory) == []


def test_unknown_field_suggests_a_field_of_its_own_model(directory: Directory) -> None:
    text = edit("{number: 2, numeral: 二,", "{number: 2, numral: 二,")
    assert register_problems(text, directory) == ["8: 类别 2：未知字段“numral”：您是不是要写“numeral”？"]
    text = edit("      day_type: working\n", "      daytype: working\n")
    assert register_problems(text, directory) == ["30: 任务 2：未知字段“daytype”：您是不是要写“day_type”？"]


def test_a_field_of_another_model_is_not_suggested(directory: Directory) -> None:
    text = edit("    units_text: 市税务局\n", "    units_text: 市税务局\n    numeral: 四\n")
    [message] = register_problems(text, directory)
    assert message.startswith("47: 任务 4：未知字段“numeral”；这里可用的字段：id、category、content")


def test_a_misspelt_required_field_is_one_problem(directory: Directory) -> None:
    text = edit("    deadline:\n      text: 全年", "    deadine:\n      text: 全年")
    assert register_problems(text, directory) == ["49: 任务 4：未知字段“deadine”：您是不是要写“deadline”？"]


def test_tasks_that_pass_the_schema_are_still_cross_checked(directory: Directory) -> None:
    text = edit("    deadline:\n      text: 全年", "    deadine:\n      text: 全年")
    text = edit(
        "      text: 2024年12月底前\n      kind: date\n      due: 2024-12-31\n  - id: 2",
        "      text: 2024年13月底前\n      kind: date\n      due: 2024-12-31\n  - id: 2",
        text,
    )
    assert register_problems(text, directory) == [
        "17: 任务 1：完成时间中的月份不存在：“2024年13月底前”",
        "49: 任务 4：未知字段“deadine”：您是不是要写“deadline”？",
    ]


def test_schema_errors_outside_tasks_stop_cross_checks(directory: Directory) -> None:
    text = edit("year: 2024\n", "year: 二〇二四\n", edit("      text: 2024年12月底前\n", "      text: 2024年13月底前\n"))
    assert register_problems(text, directory) == ["3: “year”应为整数，而不是文字“二〇二四”"]


def test_duplicate_ids_name_the_free_numbers_and_gaps_are_reported_once(directory: Directory) -> None:
    assert register_problems(edit("  - id: 3\n", "  - id: 2\n"), directory) == ["32: 重复的任务序号 2（第 20 行已有）；空着的序号：3"]
    gaps = edit("  - id: 4\n", "  - id: 9\n", edit("  - id: 1\n", "  - id: 5\n"))
    assert register_problems(gaps, directory) == [
        "10: 任务序号不连续：5 之前缺少 4（序号应从 1 起连续编号）",
        "20: 任务序号不连续：2 之前缺少 1（序号应从 1 起连续编号）",
        "43: 任务序号不连续：9 之前缺少 6–8（序号应从 1 起连续编号）",
    ]


APPLICATION = "收到申请后，不能当场答复的，20个工作日内答复。"


def test_stored_deadline_fields_must_match_the_text(directory: Directory) -> None:
    missing = edit("      days: 20\n", "")
    assert register_problems(missing, directory) == [
        "26: 任务 2：deadline 缺少 days: 20（按完成时间原文“收到申请后，不能当场答复的，20个工作日内答复。”）"
    ]
    extra = edit("      due: 2024-12-31\n  - id: 2", "      due: 2024-12-31\n      days: 3\n  - id: 2")
    assert register_problems(extra, directory) == ["20: 任务 1：按完成时间原文“2024年12月底前”，deadline 不应有 days（现为 3）"]
    wrong = edit("      day_type: working\n", "      day_type: calendar\n")
    assert register_problems(wrong, directory) == [
        "30: 任务 2：deadline.day_type 是 calendar，但完成时间原文“收到申请后，不能当场答复的，20个工作日内答复。”表示 working"
    ]


def test_the_file_name_year_decides_what_the_text_means(directory: Directory) -> None:
    assert register_problems(MINIMAL, directory, name="tasks-2025.yaml") == [
        "3: 文件名 tasks-2025.yaml 表示 2025 年，而 year 是 2024：两者应一致",
        "17: 任务 1：完成时间 2024-12-31 早于清单年度 2025 年",
        "40: 任务 3：完成时间 2024-12-31 早于清单年度 2025 年",
        "52: 任务 4：deadline.due 是 2024-12-31，但完成时间原文“全年”表示 2025-12-31",
        "53: 任务 4：deadline.start 是 2024-01-01，但完成时间原文“全年”表示 2025-01-01",
    ]
    assert register_problems(MINIMAL, directory, name="other.yaml") == []


def test_dates_refuse_numbers(directory: Directory) -> None:
    text = edit("published: null\n", "published: 1719792000\n")
    assert register_problems(text, directory) == ["5: “published”应为日期，写作 YYYY-MM-DD（如 2024-12-31），而不是数字 1719792000"]


def test_unit_names_without_a_directory_are_still_checked_for_invisible_characters() -> None:
    text = edit("    units: [市人社局]", "    units: [市人\u200b社局]")
    assert register_problems(text, None) == ["37: 任务 3：单位“市人[U+200B]社局”中含有空格或不可见字符 U+200B（零宽空格），请删除"]


def test_units_file_problems() -> None:
    assert units_problems(UNITS) == []
    duplicate = edit(
        "  - id: shuiwu\n    name: 市税务局\n",
        "  - id: shuiwu\n    name: 市政数局\n    kind: vertical\n  - id: zhengfuban\n    name: 市政府办公室\n",
        UNITS,
    )
    assert units_problems(duplicate) == [
        "10: 名称“市政数局”与第 7 行的名称重复（全角/半角括号、空格不作区分）",
        "12: 重复的 id“zhengfuban”（第 3 行已有）",
    ]


def test_each_group_cycle_is_reported_once() -> None:
    text = edit("    member_kinds: [city_department]\n", "    member_kinds: [city_department]\n    members: [zhongshengzhi]\n", UNITS)
    text = edit("    member_kinds: [vertical]\n", "    member_kinds: [vertical]\n    members: [shizhengfu-xiangguan]\n", text)
    [message] = units_problems(text)
    assert message == "16: 单位组通过成员包含了自己：市政府各相关部门（单位） → 驻市中省直有关部门（单位） → 市政府各相关部门（单位）"


def test_dense_group_graphs_are_checked_quickly() -> None:
    names = [f"g{i}" for i in range(60)]
    groups = "".join(f"  - id: {name}\n    name: 组{name}\n    members: [{', '.join(n for n in names if n != name)}]\n" for name in names)
    units = UnitsFile.model_validate(load_text(UNITS.split("groups:")[0] + "groups:\n" + groups, "u").data)
    directory = Directory.from_file(units)
    start = time.perf_counter()
    cycles = directory.group_cycles()
    members = directory.members("g0")
    assert time.perf_counter() - start < 2
    assert len(cycles) == 59  # one shortest cycle per group, each cycle once: {g0, g1}, {g0, g2} …
    assert {group for cycle in cycles for group in cycle} == set(names)
    assert members == frozenset()


def test_model_at_follows_the_data_path() -> None:
    assert model_at(Register, ()) is Register
    assert model_at(Register, ("tasks", 3)) is Task
    assert model_at(Register, ("tasks", 3, "deadline")) is Deadline
    assert model_at(Register, ("categories", 0)) is Category
    assert model_at(Register, ("title",)) is None


def test_check_paths_refuses_a_directory_without_data(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="不是数据目录"):
        check_paths([tmp_path])


def test_check_paths_counts_each_file_once(data_copy: Path) -> None:
    checked = check_paths([data_copy, data_copy / "tasks-2024.yaml", data_copy / "units.yaml"])
    assert checked.problems == []
    assert sorted(Path(name).name for name in checked.files) == ["contacts.yaml", "tasks-2024.yaml", "units.yaml"]


def test_a_gap_is_found_even_when_another_task_breaks_the_schema(directory: Directory) -> None:
    text = edit("  - id: 3\n", "  - id: 5\n", edit("    units_text: 市税务局\n", "    units_text: 市税务局\n    备注: 无\n"))
    problems = register_problems(text, directory)
    assert problems[0] == "43: 任务序号不连续：4 之前缺少 3（序号应从 1 起连续编号）"
    assert problems[1].startswith("47: 任务 4：未知字段“备注”")


def test_invisible_characters_in_units_yaml_are_reported_there_only() -> None:
    real = (DATA / "units.yaml").read_text(encoding="utf-8")
    doc = load_text(edit("    name: 市税务局\n", "    name: 市税\u200b务局\n", real), "units.yaml")
    directory, problems = check_units(doc)
    assert [problem.message for problem in problems] == ["名称“市税[U+200B]务局”中含有空格或不可见字符 U+200B（零宽空格），请删除"]
    assert register_problems(MINIMAL, directory) == []
