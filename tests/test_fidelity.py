"""The bundled register against the seed text of the published PDF, independently of the importer.

Joining every task's number, content, units and deadline (and each category cell where the seed
shows it) must give back the seed's table text exactly, once white space and the repeated page
headers are removed. Nothing may be added, dropped, reordered or altered.
"""

from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import DATA, SEED

PAGE_HEADER = "2024年舒兰市政务公开重点工作任务清单序号任务名称任务内容责任单位完成时间"


@pytest.fixture(scope="module")
def register() -> dict:
    return yaml.safe_load((DATA / "tasks-2024.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_stream() -> str:
    if not SEED.exists():
        pytest.skip(f"seed file not found: {SEED}")
    text = re.sub(r"\s+", "", SEED.read_text(encoding="utf-8"))
    assert text.startswith("附件")
    return text.removeprefix("附件").replace(PAGE_HEADER, "")


def test_counts(register: dict) -> None:
    assert len(register["tasks"]) == 74
    assert [task["id"] for task in register["tasks"]] == list(range(1, 75))
    assert len(register["categories"]) == 14
    assert {task["category"] for task in register["tasks"]} == set(range(1, 15))


def test_publication_date_is_unknown(register: dict) -> None:
    assert register["published"] is None
    assert register["year"] == 2024
    assert register["title"] == "2024年舒兰市政务公开重点工作任务清单"


def test_register_reproduces_seed(register: dict, seed_stream: str) -> None:
    categories = {c["number"]: f"{c['numeral']}、{c['name']}" for c in register["categories"]}
    position = 0
    for task in register["tasks"]:
        number = str(task["id"])
        assert seed_stream.startswith(number, position), f"task {number}: number not at seed position {position}"
        position += len(number)
        category = categories[task["category"]]
        if seed_stream.startswith(category, position):  # shown on a category's first row and after page breaks
            position += len(category)
        for field in ("content", "units_text"):
            value = task[field]
            assert seed_stream.startswith(value, position), (
                f"task {number} {field} differs from seed: {seed_stream[position : position + len(value)]!r}"
            )
            position += len(value)
        deadline = task["deadline"]["text"]
        assert seed_stream.startswith(deadline, position), f"task {number} deadline differs: {seed_stream[position : position + 30]!r}"
        position += len(deadline)
    assert position == len(seed_stream), f"seed text left over: {seed_stream[position : position + 80]!r}"


def test_every_category_cell_appears_in_seed(register: dict, seed_stream: str) -> None:
    for category in register["categories"]:
        assert f"{category['numeral']}、{category['name']}" in seed_stream


def test_contents_keep_seed_punctuation(register: dict) -> None:
    assert all(task["content"].endswith("。") for task in register["tasks"])
    assert not any(re.search(r"\s", task[field]) for task in register["tasks"] for field in ("content", "units_text"))
