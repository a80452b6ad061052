"""Appending a list item as text: comments, order and layout stay; the result parses as intended."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from gkcli.yamlappend import append_item

ITEM = {
    "task": 3,
    "event": "done",
    "date": dt.date(2024, 7, 1),
    "note": "含冒号: 与 # 井号",
    "evidence": ["https://a.example/x", "附件/b.pdf"],
}
LAYOUTS = {
    "indented": "unit: a\nrecords:\n  - task: 1\n    evidence:\n      - x\n",
    "indentless": "records:\n- task: 1\n  e: [a]\nunit: a\n",
    "trailing comments": "unit: a\nrecords:\n  - task: 1  # 行尾注释\n    # 记录内注释\n\n# 文件末尾注释\n",
    "no final newline": "unit: a\nrecords:\n  - task: 1",
    "empty flow list": "unit: a\nrecords: []  # 暂无\nother: 1\n",
    "null": "unit: a\nrecords:\n",
    "explicit null": "unit: a\nrecords: ~\n",
    "flow list": "records: [{task: 1}]\n",
    "missing key": "unit: a\n",
    "block scalar last": "records:\n  - task: 1\n    note: |\n      第一行\n      第二行\n\n  # 注释\n",
}


@pytest.mark.parametrize("text", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_the_item_lands_last_and_everything_else_is_unchanged(text: str) -> None:
    result = append_item(text, "records", ITEM)
    before, after = yaml.safe_load(text), yaml.safe_load(result)
    assert after["records"] == [*(before.get("records") or []), ITEM]
    assert {key: value for key, value in after.items() if key != "records"} == {
        key: value for key, value in before.items() if key != "records"
    }
    for line in text.splitlines():
        if "#" in line:
            assert line.split("#", 1)[1] in result


def test_block_layout_is_the_hand_written_style() -> None:
    result = append_item(LAYOUTS["indented"], "records", {"task": 2, "note": "一\n二", "evidence": ["x"]})
    assert result == LAYOUTS["indented"] + "  - task: 2\n    note: |-\n      一\n      二\n    evidence:\n      - x\n"


def test_text_after_the_list_stays_after_it() -> None:
    result = append_item(LAYOUTS["indentless"], "records", {"task": 2})
    assert result == "records:\n- task: 1\n  e: [a]\n- task: 2\nunit: a\n"


def test_a_top_level_list_is_refused() -> None:
    with pytest.raises(ValueError, match="mapping"):
        append_item("- a\n", "records", {"task": 1})
