"""Table rows (Word, Excel, PDF tables) to raw rows: headers, layout rows, carried categories."""

from __future__ import annotations

import pytest

from gkcli.importer.table import GridRow, header_columns, read_grid

HEADER = ["序号", "任务名称", "任务内容", "责任单位", "完成时间"]


def grid(*rows: list[str]) -> list[GridRow]:
    return [GridRow(line, f"t 第 {line} 行", list(cells)) for line, cells in enumerate(rows, start=1)]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (HEADER, {"number": 0, "category": 1, "content": 2, "units": 3, "deadline": 4}),
        (["序 号", "工作任务", "具体要求", "完成时限", "责任单位"], {"number": 0, "category": 1, "content": 2, "deadline": 3, "units": 4}),
        (["责任单位（牵头单位）", "时限要求", "任务内容"], {"units": 0, "deadline": 1, "content": 2}),
        # a list whose only task column is 工作任务: that column holds the task itself
        (["序号", "工作任务", "责任部门", "完成期限"], {"number": 0, "content": 1, "units": 2, "deadline": 3}),
    ],
)
def test_header_columns(cells: list[str], expected: dict[str, int]) -> None:
    assert header_columns(cells) == expected


@pytest.mark.parametrize("cells", [["序号", "任务内容", "责任单位"], ["1", "一、主动公开", "内容。", "市政府办", "全年"]])
def test_not_a_header(cells: list[str]) -> None:
    assert header_columns(cells) is None


def test_layout_rows_are_recognised() -> None:
    source = read_grid(
        grid(
            ["附件", "", "", "", ""],
            ["2025年舒兰市政务公开重点工作任务清单"] * 5,
            HEADER,
            ["1", "一、主动\n公开", "内容甲。", "市政府办", "全年"],
            ["2", "", "内容乙。", "市政数局", "全年"],
            ["2025年舒兰市政务公开重点工作任务清单"] * 5,  # the title again on page 2
            HEADER,
            ["二、政策解读"] * 5,  # a category spanning its own row
            ["3", "", "内容丙。", "市司法局", "持续推进"],
            ["注：本清单由……"] * 5,
        )
    )
    assert source.title == "2025年舒兰市政务公开重点工作任务清单"
    assert [(row.number, row.category, row.content) for row in source.rows] == [
        (1, "一、主动公开", "内容甲。"),
        (2, "一、主动公开", "内容乙。"),
        (3, "二、政策解读", "内容丙。"),
    ]
    assert [(notice.line, notice.message) for notice in source.notices] == [(10, "无法识别的行，已跳过：“注：本清单由……”")]


def test_row_without_number_continues_the_task_above() -> None:
    source = read_grid(grid(HEADER, ["1", "一、甲", "内容前半，", "市政府办", ""], ["", "", "后半。", "", "全年"]))
    [row] = source.rows
    assert (row.content, row.deadline_text) == ("内容前半，后半。", "全年")
    assert row.problem is not None and "t 第 3 行没有序号" in row.problem


def test_odd_numbers_and_bare_numbers_are_problems() -> None:
    source = read_grid(
        grid(HEADER, ["1.", "一、甲", "内容。", "市政府办", "全年"], ["二", "", "内容。", "市政府办", "全年"], ["3", "", "", "", ""])
    )
    assert [row.number for row in source.rows] == [1, 2, 3]
    assert [row.problem for row in source.rows] == [None, "序号“二”不是数字", "这一行只有序号，没有任务内容、责任单位和完成时间"]


def test_no_header_no_rows() -> None:
    assert read_grid(grid(["1", "内容。", "市政府办", "全年"])).rows == []
